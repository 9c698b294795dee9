"""The ficha técnica MEDE01.09.P001.F001 and the numbered delegation letter as PDFs."""

import io
from datetime import UTC

import pytest
from django.urls import reverse
from pypdf import PdfReader

from buengobierno.documentos.formato import fecha_larga
from buengobierno.plazos.calendario import sumar_dias_habiles
from tests.delegaciones.conftest import INSTRUCCIONES

pytestmark = pytest.mark.django_db


def texto_pdf(respuesta) -> str:
    contenido = b"".join(respuesta.streaming_content)
    assert contenido.startswith(b"%PDF-")
    texto = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(contenido)).pages)
    return " ".join(texto.split())


def test_the_ficha_pdf_carries_the_official_header_the_form_code_and_the_whole_ficha(
    client, aceptada_pasada, enviar_ficha, despacho, directivo_salud, enlace_salud, instancia, hoy
):
    delegacion = aceptada_pasada()
    vence = sumar_dias_habiles(hoy, 10)
    enviar_ficha(
        delegacion,
        compromisos=[("Depurar la cartera de más de 360 días.", enlace_salud, vence)],
        asuntos_alcalde="Priorizar el giro de recursos de salud pública.",
    )
    client.force_login(despacho)

    respuesta = client.get(reverse("delegaciones:ficha_pdf", args=[delegacion.pk]))

    texto = texto_pdf(respuesta)
    assert respuesta["Content-Type"] == "application/pdf"
    assert f"ficha-tecnica-{delegacion.sesion.fecha:%Y-%m-%d}" in respuesta["Content-Disposition"]
    for esperado in (
        "ALCALDÍA DE SANTIAGO DE CALI",
        "SECRETARÍA DE GOBIERNO",
        "MEDE01.09.P001.F001",
        "Ficha técnica de delegación",
        instancia.nombre,
        directivo_salud.get_full_name(),
        "Se verificó el quórum y se presentó el informe de gestión.",
        "Se aprobó el plan de acción del trimestre.",
        "Priorizar el giro de recursos de salud pública.",
        "Depurar la cartera de más de 360 días.",
        enlace_salud.get_full_name(),
        fecha_larga(vence),
        "a tiempo",
    ):
        assert esperado in texto, esperado
    assert "BORRADOR" not in texto


def test_a_draft_ficha_says_so_and_a_missing_one_is_not_found(
    client, aceptada_pasada, enviar_ficha, despacho
):
    borrador = aceptada_pasada()
    enviar_ficha(borrador, enviar=False)
    sin_ficha = aceptada_pasada(dias_atras=2)
    client.force_login(despacho)

    texto = texto_pdf(client.get(reverse("delegaciones:ficha_pdf", args=[borrador.pk])))
    ausente = client.get(reverse("delegaciones:ficha_pdf", args=[sin_ficha.pk]))

    assert "BORRADOR" in texto
    assert ausente.status_code == 404


def test_a_late_ficha_reads_late_in_the_pdf(client, aceptada_pasada, enviar_ficha, despacho):
    delegacion = aceptada_pasada(dias_atras=20)
    enviar_ficha(delegacion)
    client.force_login(despacho)

    texto = texto_pdf(client.get(reverse("delegaciones:ficha_pdf", args=[delegacion.pk])))

    assert "con retraso" in texto


def test_the_delegation_letter_is_numbered_in_its_series_and_says_what_to_do(
    client, nueva_sesion, delegar, despacho, directivo_salud, enlace_salud, instancia, hoy
):
    primera = delegar(nueva_sesion(dias=4))
    segunda = delegar(nueva_sesion(dias=6), delegado=enlace_salud)
    client.force_login(despacho)

    respuesta = client.get(reverse("delegaciones:carta_pdf", args=[primera.pk]))

    texto = texto_pdf(respuesta)
    assert respuesta["Content-Type"] == "application/pdf"
    assert f"carta-delegacion-{hoy.year}-0001.pdf" in respuesta["Content-Disposition"]
    assert segunda.numero_carta == f"{hoy.year}-0002"
    for esperado in (
        "ALCALDÍA DE SANTIAGO DE CALI",
        f"Carta de delegación No. {hoy.year}-0001",
        "el Alcalde de Santiago de Cali le delega",
        directivo_salud.get_full_name().upper(),
        instancia.nombre,
        INSTRUCCIONES,
        fecha_larga(primera.fecha_limite_ficha),
        "MEDE01.09.P001.F001",
    ):
        assert esperado in texto, esperado


def test_a_draft_delegation_has_no_letter_yet(client, nueva_sesion, delegar, despacho):
    borrador = delegar(nueva_sesion(), notificar_ahora=False)
    client.force_login(despacho)

    assert client.get(reverse("delegaciones:carta_pdf", args=[borrador.pk])).status_code == 404


def test_the_delegate_adds_the_session_and_the_ficha_deadline_to_a_calendar(
    client, nueva_sesion, delegar, directivo_salud, directivo_educacion, instancia
):
    delegacion = delegar(nueva_sesion(dias=4))
    url = reverse("delegaciones:calendario_ics", args=[delegacion.pk])
    client.force_login(directivo_salud)

    respuesta = client.get(url)

    texto = respuesta.content.decode()
    desplegado = texto.replace("\r\n ", "")  # RFC 5545 folds long lines
    inicio = delegacion.sesion.inicio.astimezone(UTC)
    assert respuesta["Content-Type"] == "text/calendar; charset=utf-8"
    assert texto.count("BEGIN:VEVENT") == 2 and texto.endswith("END:VCALENDAR\r\n")
    assert f"DTSTART:{inicio:%Y%m%dT%H%M%SZ}" in texto
    assert f"DTSTART;VALUE=DATE:{delegacion.fecha_limite_ficha:%Y%m%d}" in texto
    assert f"SUMMARY:{instancia.nombre}" in desplegado
    assert "Votar a favor del plan de acción\\; no comprometer" in desplegado
    assert all(len(linea.encode()) <= 75 for linea in texto.split("\r\n"))
    assert respuesta["Cache-Control"] == "private, no-store"
    client.force_login(directivo_educacion)
    assert client.get(url).status_code == 404
