"""The words of the circular: the due date is the «fecha límite de cumplimiento» and the day
it was fulfilled the «fecha en que se cumplió», in pages, exports and PDFs (issue 11, item 16)."""

import pytest
from django.urls import reverse

from compromisos import services
from tests.compromisos.test_documentos import consejo_cerrado, texto_pdf  # noqa: F401
from tests.exportaciones import leer_csv

pytestmark = pytest.mark.django_db


def test_the_commitment_page_names_both_dates_as_the_circular_does(
    client, crear_compromiso, directivo_salud
):
    compromiso = crear_compromiso(directivo_salud)
    services.marcar_cumplido(compromiso=compromiso, nota="Entregado", usuario=directivo_salud)
    client.force_login(directivo_salud)

    html = client.get(compromiso.get_absolute_url()).content.decode()

    assert "Fecha límite de cumplimiento" in html
    assert "Fecha en que se cumplió" in html
    assert "Cumplido el" not in html


def test_the_board_export_names_both_dates_as_the_circular_does(
    client, secretaria, crear_compromiso, directivo_salud
):
    crear_compromiso(directivo_salud)
    client.force_login(secretaria)

    cabecera = leer_csv(client.get(reverse("compromisos:inicio"), {"exportar": "csv"}))[0]

    assert "Fecha límite de cumplimiento" in cabecera
    assert "Fecha en que se cumplió" in cabecera
    assert "Fecha límite" not in cabecera


def test_the_acta_pdf_names_the_due_date_as_the_circular_does(
    client,
    consejo_cerrado,  # noqa: F811
    secretaria,
):
    client.force_login(secretaria)

    texto = texto_pdf(client.get(reverse("compromisos:acta_pdf", args=[consejo_cerrado.pk])))

    assert "Fecha límite de cumplimiento" in texto


def test_a_commitment_without_due_date_is_refused_in_the_circular_words(
    client, secretaria, directivo_salud
):
    client.force_login(secretaria)

    respuesta = client.post(
        reverse("compromisos:nuevo"),
        {"descripcion": "Informe", "responsable": directivo_salud.pk, "prioridad": "media"},
    )

    assert "Indique la fecha límite de cumplimiento." in respuesta.content.decode()
