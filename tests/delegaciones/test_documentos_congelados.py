"""The ficha freezes when delivered (a returned one is a draft again and its next delivery
freezes a new one) and the letter when numbered: rendered once and served from storage."""

from datetime import timedelta

import pytest
from django.urls import reverse

from buengobierno.documentos.models import Adjunto
from delegaciones import services
from tests.conftest import momento
from tests.congelados import descargar_pdf, media_propia  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_propia")]


def descargar(client, nombre, delegacion) -> bytes:
    return descargar_pdf(client, reverse(f"delegaciones:{nombre}", args=[delegacion.pk]))


def test_a_delivered_ficha_is_stored_once_and_a_returned_one_is_rendered_until_delivered_again(
    client, aceptada_pasada, enviar_ficha, despacho, al_confirmar
):
    delegacion = aceptada_pasada()
    with al_confirmar():
        ficha = enviar_ficha(delegacion)
    fichas = Adjunto.objects.filter(generado="delegaciones.ficha", object_id=ficha.pk)
    entregada = fichas.get()
    client.force_login(despacho)

    assert descargar(client, "ficha_pdf", delegacion) == entregada.archivo.open("rb").read()

    services.devolver_ficha(delegacion=delegacion, usuario=despacho, observaciones="Falta el acta.")
    assert descargar(client, "ficha_pdf", delegacion).startswith(b"%PDF-")
    assert fichas.count() == 1  # the returned ficha is rendered on request

    with al_confirmar():
        enviar_ficha(delegacion, decisiones="Se aprobó el plan con el acta adjunta.")
    assert fichas.count() == 2
    nueva = fichas.exclude(pk=entregada.pk).get()
    assert nueva.sello != entregada.sello
    assert descargar(client, "ficha_pdf", delegacion) == nueva.archivo.open("rb").read()


def test_a_draft_ficha_is_rendered_on_request_and_not_stored(
    client, aceptada_pasada, enviar_ficha, despacho
):
    delegacion = aceptada_pasada()
    enviar_ficha(delegacion, enviar=False)
    client.force_login(despacho)

    assert descargar(client, "ficha_pdf", delegacion).startswith(b"%PDF-")
    assert not Adjunto.objects.filter(generado="delegaciones.ficha").exists()


def test_the_numbered_letter_is_stored_when_notified_and_again_if_the_session_moves(
    client, nueva_sesion, delegar, despacho, al_confirmar
):
    sesion = nueva_sesion()
    with al_confirmar():
        delegacion = delegar(sesion)
    cartas = Adjunto.objects.filter(generado="delegaciones.carta", object_id=delegacion.pk)
    emitida = cartas.get()
    client.force_login(despacho)

    assert descargar(client, "carta_pdf", delegacion) == emitida.archivo.open("rb").read()
    assert descargar(client, "carta_pdf", delegacion) == emitida.archivo.open("rb").read()

    with al_confirmar():
        services.actualizar_sesion(
            sesion=sesion,
            datos={"inicio": momento(sesion.fecha + timedelta(days=1), 15)},
            archivos={},
            usuario=despacho,
        )
    assert cartas.count() == 2
    assert delegacion.numero_carta in cartas.exclude(pk=emitida.pk).get().nombre_original
