"""An organism asks for the Secretario; the Despacho approves it into the calendar, records a
conflicting activity (flagged), delegates another (it shows in P001 with its ficha owed), and
the day's PDF and the ICS feed carry them; a private activity reads "Ocupado" to others."""

import io
from datetime import timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import expect
from pypdf import PdfReader

from agenda.models import Actividad, SolicitudAgenda
from buengobierno.documentos.formato import fecha_entrada, fecha_larga
from buengobierno.plazos.calendario import sumar_dias_habiles
from delegaciones.models import Delegacion
from tests.conftest import momento
from tests.navegador import elegir_persona, escribir_fecha, revisar_pagina

CLAVE = "clave-de-prueba-123"  # tests.factories.UsuarioFactory


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_request_approve_conflict_delegate_pdf_feed_and_private(
    live_server, pagina, entrar, despacho, enlace_salud, directivo_salud, nueva_actividad, hoy
):
    dia = sumar_dias_habiles(hoy, 4)
    dias = (dia - hoy).days
    nueva_actividad(dias=dias, hora=14, titulo="Cita médica del Secretario", privada=True)
    foro = nueva_actividad(dias=dias, hora=16, titulo="Foro de convivencia escolar")

    # Salud asks for the Secretario from P002.
    entrar(pagina, enlace_salud.username, CLAVE)
    pagina.locator("#barra-lateral").get_by_role("link", name="P002").click()
    revisar_pagina(pagina)
    pagina.get_by_role("link", name="Solicitar al Secretario").click()
    pagina.get_by_label("Tema").fill("Lanzamiento de la campaña de vacunación")
    escribir_fecha(pagina, "Fecha y hora propuesta", dia)
    pagina.locator("#id_fecha_propuesta_hora").fill("10:00")
    pagina.get_by_label("Justificación").fill("La comunidad de Siloé pidió su presencia.")
    pagina.get_by_role("button", name="Enviar la solicitud").click()
    solicitud = SolicitudAgenda.objects.get()
    pagina.wait_for_url(live_server.url + solicitud.get_absolute_url())
    expect(pagina.get_by_text("Pendiente de respuesta").first).to_be_visible()
    revisar_pagina(pagina)

    # The Despacho approves it into the calendar.
    entrar(pagina, despacho.username, CLAVE)
    pagina.goto(live_server.url + solicitud.get_absolute_url())
    pagina.get_by_role("button", name="Aprobar: va a la agenda").click()
    expect(pagina.get_by_text("Solicitud aprobada")).to_be_visible()
    solicitud.refresh_from_db()
    assert solicitud.actividad.estado == Actividad.Estado.CONFIRMADA

    # A confirmed activity at the same time is flagged when saved and in the calendar.
    pagina.goto(live_server.url + "/agenda/actividades/nueva/")
    pagina.get_by_label("Título").fill("Entrevista en Telepacífico")
    pagina.get_by_label("Tipo").select_option(label="Medios")
    escribir_fecha(pagina, "Inicio", dia)
    pagina.locator("#id_inicio_hora").fill("10:30")
    escribir_fecha(pagina, "Fin", dia)
    pagina.locator("#id_fin_hora").fill("11:30")
    pagina.get_by_label("Organismo que organiza").select_option(label=str(foro.organismo))
    pagina.get_by_label("Estado").select_option(label="Confirmada")
    pagina.get_by_role("button", name="Registrar la actividad").click()
    expect(pagina.get_by_text("Cruce de horario con: Lanzamiento de la campaña")).to_be_visible()
    revisar_pagina(pagina)
    pagina.goto(live_server.url + f"/agenda/?vista=dia&fecha={fecha_entrada(dia)}")
    expect(pagina.locator(".entrada-agenda.list-group-item-warning")).to_have_count(2)
    revisar_pagina(pagina)

    # Another is delegated: a P001 delegation from the Secretario, its ficha owed.
    pagina.goto(live_server.url + foro.get_absolute_url())
    pagina.get_by_role("button", name="Delegar la representación…").click()
    elegir_persona(pagina.locator("#accion-delegar"), "Delegado", str(directivo_salud))
    pagina.locator("#id_delegar_instrucciones").fill("Instalar el foro y tomar nota.")
    pagina.locator("#accion-delegar").get_by_role(
        "button", name="Delegar la representación"
    ).click()
    expect(pagina.get_by_text("Se delegó la representación")).to_be_visible()
    delegacion = Delegacion.objects.get()
    assert delegacion.delegante == Delegacion.Delegante.SECRETARIO
    pagina.get_by_role("link", name=str(directivo_salud)).click()
    pagina.wait_for_url(live_server.url + delegacion.get_absolute_url())
    expect(pagina.get_by_text("Representaciones del Secretario de Gobierno").first).to_be_visible()
    assert delegacion.fecha_limite_ficha == sumar_dias_habiles(dia, 3)
    expect(pagina.get_by_text(fecha_larga(delegacion.fecha_limite_ficha)).first).to_be_visible()
    # P001's page (not this app's): its "pendiente de firma" submit button is wider than a
    # 320 px phone, so only the accessibility check runs here.
    revisar_pagina(pagina, ancho_telefono=False)

    # The day's agenda PDF lists them.
    pagina.goto(live_server.url + f"/agenda/?vista=dia&fecha={fecha_entrada(dia)}")
    with pagina.expect_download(timeout=60_000) as descarga:
        pagina.get_by_role("link", name="Agenda del día (PDF)").click()
    contenido = Path(descarga.value.path()).read_bytes()
    texto = " ".join(
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(contenido)).pages).split()
    )
    for titulo in (
        "Lanzamiento de la campaña de vacunación",
        "Entrevista en Telepacífico",
        "Foro de convivencia escolar",
        "Cita médica del Secretario",
    ):
        assert titulo in texto

    # The ICS feed, from its secret address, parses and contains them.
    pagina.goto(live_server.url + "/agenda/")
    pagina.get_by_role("link", name="En mi calendario").click()
    pagina.get_by_role("button", name="Generar mi dirección").click()
    direccion = pagina.locator("#url-calendario").input_value()
    revisar_pagina(pagina)
    pagina.context.clear_cookies()
    eventos = Calendar.from_ical(pagina.request.get(direccion).body()).walk("VEVENT")
    resumenes = {str(e["SUMMARY"]) for e in eventos}
    assert {"Lanzamiento de la campaña de vacunación", "Foro de convivencia escolar"} <= resumenes
    inicio = {str(e["SUMMARY"]): e.decoded("DTSTART") for e in eventos}
    assert inicio["Entrevista en Telepacífico"] == momento(dia, 10) + timedelta(minutes=30)

    # To Salud the private activity is only "Ocupado".
    entrar(pagina, enlace_salud.username, CLAVE)
    pagina.goto(live_server.url + f"/agenda/?vista=dia&fecha={fecha_entrada(dia)}")
    expect(pagina.get_by_text("Ocupado").first).to_be_visible()
    expect(pagina.get_by_text("Cita médica del Secretario")).to_have_count(0)
    revisar_pagina(pagina)
