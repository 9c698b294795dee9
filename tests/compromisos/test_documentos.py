"""The acta and the attendance sheet as PDFs with the official header, and the ICS feed."""

import io
from datetime import date

import pytest
from django.urls import reverse
from pypdf import PdfReader

from buengobierno.plazos.calendario import sumar_dias_habiles
from compromisos import services
from compromisos.models import CalendarioPersonal, Compromiso
from tests.compromisos.conftest import reunion_cerrada_con

pytestmark = pytest.mark.django_db


def texto_pdf(respuesta) -> str:
    contenido = b"".join(respuesta.streaming_content)
    assert contenido.startswith(b"%PDF-")
    texto = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(contenido)).pages)
    return " ".join(texto.split())


@pytest.fixture
def consejo_cerrado(reunion, secretaria, directivo_salud, hoy):
    services.agregar_asistentes(reunion=reunion, usuarios=[directivo_salud], usuario=secretaria)
    services.agregar_asistente_externo(
        reunion=reunion,
        datos={
            "nombre": "María Camila Ortiz",
            "entidad": "Cruz Roja Colombiana",
            "cargo": "Coordinadora",
            "correo": "mcortiz@example.org",
            "aviso_datos_aceptado": True,
        },
        usuario=secretaria,
    )
    punto = reunion.puntos.first()
    services.guardar_campo(
        reunion=reunion,
        clave=f"punto.{punto.pk}.desarrollo",
        valor="Se verificó el quórum decisorio.",
        version=0,
        usuario=secretaria,
    )
    services.agregar_decision(
        reunion=reunion, texto="Activar el puesto de mando unificado.", usuario=secretaria
    )
    asistente = reunion.asistentes.get(usuario=directivo_salud)
    services.guardar_campo(
        reunion=reunion,
        clave=f"asistente.{asistente.pk}.asistencia",
        valor="asistio",
        version=0,
        usuario=secretaria,
    )
    return reunion_cerrada_con(
        reunion,
        secretaria,
        [("Presentar el plan de vacunación rural", directivo_salud, sumar_dias_habiles(hoy, 5))],
    )


def test_the_acta_pdf_carries_the_official_header_and_the_whole_record(
    client, consejo_cerrado, secretaria, directivo_salud, hoy
):
    client.force_login(secretaria)

    respuesta = client.get(reverse("compromisos:acta_pdf", args=[consejo_cerrado.pk]))

    texto = texto_pdf(respuesta)
    assert respuesta["Content-Type"] == "application/pdf"
    assert f"acta-{hoy.year}-0001.pdf" in respuesta["Content-Disposition"]
    for esperado in (
        "ALCALDÍA DE SANTIAGO DE CALI",
        "SECRETARÍA DE GOBIERNO",
        f"Acta de reunión No. {hoy.year}-0001",
        "Consejo de Gobierno ordinario",
        str(directivo_salud),
        "Asistió",
        "María Camila Ortiz",
        "Cruz Roja Colombiana",
        "Verificación del quórum",
        "Se verificó el quórum decisorio.",
        "Activar el puesto de mando unificado.",
        "Presentar el plan de vacunación rural",
    ):
        assert esperado in texto, esperado
    assert "BORRADOR" not in texto


def test_the_acta_of_an_open_meeting_is_marked_as_a_draft(client, reunion, secretaria):
    client.force_login(secretaria)

    texto = texto_pdf(client.get(reverse("compromisos:acta_pdf", args=[reunion.pk])))

    assert "BORRADOR" in texto
    assert "Acta de reunión" in texto


def test_the_attendance_sheet_has_a_signature_column_and_every_attendee(
    client, consejo_cerrado, secretaria, directivo_salud
):
    client.force_login(secretaria)

    texto = texto_pdf(client.get(reverse("compromisos:planilla_pdf", args=[consejo_cerrado.pk])))

    assert "Planilla de asistencia" in texto
    assert "Firma" in texto
    assert str(directivo_salud) in texto
    assert "mcortiz@example.org" in texto
    assert "Ley 1581 de 2012" in texto


# --- the calendar feed ------------------------------------------------------------------------


def test_the_calendar_feed_has_one_all_day_event_per_open_commitment(
    client, crear_compromiso, directivo_salud, secretaria
):
    abierto = crear_compromiso(directivo_salud, descripcion="Plan de choque; fase 1, rural")
    cerrado = crear_compromiso(directivo_salud, descripcion="Cerrado")
    services.cancelar_compromiso(compromiso=cerrado, usuario=secretaria, motivo="No aplica")
    token = services.calendario_de(directivo_salud).token

    respuesta = client.get(reverse("compromisos:feed_ics", args=[token]))

    ics = respuesta.content.decode()
    assert respuesta.status_code == 200
    assert respuesta["Content-Type"].startswith("text/calendar")
    assert ics.startswith("BEGIN:VCALENDAR\r\n")
    assert ics.count("BEGIN:VEVENT") == 1
    assert f"UID:compromiso-{abierto.pk}@" in ics
    assert f"DTSTART;VALUE=DATE:{abierto.fecha_limite:%Y%m%d}" in ics
    assert "Plan de choque\\; fase 1\\, rural" in ics
    assert all(len(linea.encode()) <= 75 for linea in ics.split("\r\n"))


def desplegar(ics: str) -> list[str]:
    """The content lines of an .ics, folded lines joined back (RFC 5545 3.1)."""
    return ics.replace("\r\n ", "").split("\r\n")


def test_a_carriage_return_in_a_commitment_cannot_add_a_property_to_the_feed(
    client, crear_compromiso, directivo_salud
):
    crear_compromiso(directivo_salud, descripcion="Informe\rATTENDEE:mailto:intruso@example.org")
    token = services.calendario_de(directivo_salud).token

    ics = client.get(reverse("compromisos:feed_ics", args=[token])).content.decode()

    assert "\r" not in ics.replace("\r\n", "")  # no bare CR anywhere
    assert not [linea for linea in desplegar(ics) if linea.startswith("ATTENDEE")]
    assert "Informe\\nATTENDEE:mailto:intruso@example.org" in "".join(desplegar(ics))


def test_the_feed_is_private_and_never_cached(client, crear_compromiso, directivo_salud):
    crear_compromiso(directivo_salud)
    token = services.calendario_de(directivo_salud).token

    respuesta = client.get(reverse("compromisos:feed_ics", args=[token]))

    assert respuesta["Cache-Control"] == "private, no-store"


def test_a_commitment_due_on_the_last_representable_day_keeps_the_feed_working(
    client, crear_compromiso, directivo_salud
):
    compromiso = crear_compromiso(directivo_salud)
    Compromiso.objects.filter(pk=compromiso.pk).update(fecha_limite=date.max)
    token = services.calendario_de(directivo_salud).token

    respuesta = client.get(reverse("compromisos:feed_ics", args=[token]))

    assert respuesta.status_code == 200
    assert "DTSTART;VALUE=DATE:99991231" in respuesta.content.decode()


def test_a_wrong_or_regenerated_token_gets_404(client, directivo_salud):
    viejo = services.calendario_de(directivo_salud).token

    services.regenerar_calendario(usuario=directivo_salud)

    assert client.get(reverse("compromisos:feed_ics", args=[viejo])).status_code == 404
    assert client.get(reverse("compromisos:feed_ics", args=["no-existe"])).status_code == 404
    nuevo = CalendarioPersonal.objects.get(usuario=directivo_salud).token
    assert client.get(reverse("compromisos:feed_ics", args=[nuevo])).status_code == 200


def test_the_calendar_page_shows_the_secret_url_to_copy_and_regenerates_it(client, directivo_salud):
    client.force_login(directivo_salud)
    pagina = client.get(reverse("compromisos:calendario"))
    token = CalendarioPersonal.objects.get(usuario=directivo_salud).token

    client.post(reverse("compromisos:regenerar_calendario"))

    assert f"/compromisos/calendario/{token}.ics" in pagina.content.decode()
    assert CalendarioPersonal.objects.get(usuario=directivo_salud).token != token
