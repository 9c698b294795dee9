"""The acta and the attendance sheet freeze when the meeting closes: rendered once, stored
with their SHA-256 and served from storage; the draft acta of an open meeting is rendered on
each request."""

import hashlib
import logging

import pytest
from django.urls import reverse

from buengobierno.documentos.congelados import recuperar_documentos
from buengobierno.documentos.models import Adjunto
from compromisos import documentos
from tests.avisos.conftest import celery_con_broker
from tests.compromisos.conftest import reunion_cerrada_con
from tests.congelados import descargar_pdf, media_propia  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_propia")]
BROKER_CAIDO = "redis://127.0.0.1:1/0"


def descargar(client, nombre, reunion) -> bytes:
    return descargar_pdf(client, reverse(f"compromisos:{nombre}", args=[reunion.pk]))


def generados(reunion):
    return Adjunto.objects.filter(object_id=reunion.pk, generado__startswith="compromisos.")


def test_closing_a_meeting_stores_its_acta_and_sheet_once_and_they_are_served_with_the_same_bytes(
    client, reunion, secretaria, directivo_salud, hoy, al_confirmar
):
    with al_confirmar():
        reunion = reunion_cerrada_con(
            reunion, secretaria, [("Presentar el plan de vacunación rural", directivo_salud, hoy)]
        )
    acta = generados(reunion).get(generado="compromisos.acta")
    guardado = acta.archivo.open("rb").read()
    assert hashlib.sha256(guardado).hexdigest() == acta.sha256
    assert acta.tamano == len(guardado)
    assert generados(reunion).filter(generado="compromisos.planilla").count() == 1
    client.force_login(secretaria)

    primera = descargar(client, "acta_pdf", reunion)
    segunda = descargar(client, "acta_pdf", reunion)

    assert primera == segunda == guardado
    assert generados(reunion).count() == 2
    # The record's own documents are not listed among its attachments.
    assert not Adjunto.objects.de(reunion).exists()


def test_the_draft_acta_of_an_open_meeting_is_rendered_on_each_request_and_never_stored(
    client, reunion_en_curso, secretaria
):
    client.force_login(secretaria)

    contenido = descargar(client, "acta_pdf", reunion_en_curso)

    assert contenido.startswith(b"%PDF-")
    assert not generados(reunion_en_curso).exists()
    assert documentos.ACTA.generar(reunion_en_curso) is None


def test_with_the_broker_down_closing_works_and_the_acta_is_stored_on_first_request(
    client, reunion, secretaria, directivo_salud, hoy, monkeypatch, caplog, al_confirmar
):
    with (
        celery_con_broker(BROKER_CAIDO, monkeypatch),
        caplog.at_level(logging.ERROR),
        al_confirmar(),
    ):
        reunion = reunion_cerrada_con(reunion, secretaria, [])
    assert reunion.cerrada
    assert not generados(reunion).exists()
    assert "No se pudo encolar el documento compromisos.acta" in caplog.text
    client.force_login(secretaria)

    primera = descargar(client, "acta_pdf", reunion)

    assert generados(reunion).get(generado="compromisos.acta").archivo.read() == primera
    assert descargar(client, "acta_pdf", reunion) == primera


def test_the_catch_up_stores_the_documents_of_recently_closed_meetings_that_have_none(
    reunion, secretaria, monkeypatch
):
    with celery_con_broker(BROKER_CAIDO, monkeypatch):
        reunion = reunion_cerrada_con(reunion, secretaria, [])

    assert recuperar_documentos() == 2
    assert set(generados(reunion).values_list("generado", flat=True)) == {
        "compromisos.acta",
        "compromisos.planilla",
    }
    assert recuperar_documentos() == 0


def test_storing_a_frozen_document_twice_keeps_one(reunion, secretaria):
    reunion = reunion_cerrada_con(reunion, secretaria, [])

    primero = documentos.ACTA.generar(reunion)

    assert documentos.ACTA.generar(reunion) == primero
    assert generados(reunion).count() == 1
