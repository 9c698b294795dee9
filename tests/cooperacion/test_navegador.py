"""The Oficina de Relaciones y Cooperación in a real browser: registers an alliance with a
resource in USD and sees it in COP on the dashboard; registers a visit with its itinerary
and checklist, downloads its ficha and records a commitment that lands on the P005 board."""

from datetime import timedelta

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from compromisos.models import Compromiso
from cooperacion.alianzas.models import Alianza
from cooperacion.misiones.models import VisitaInternacional
from tests.navegador import elegir_persona, escribir_fecha, revisar_pagina

CLAVE = "clave-de-prueba-123"  # tests.factories.UsuarioFactory


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_alliance_with_a_resource_in_usd_shows_in_cop_on_the_dashboard(
    live_server, pagina, entrar, relaciones, cooperante, hoy
):
    entrar(pagina, relaciones.username, CLAVE)
    pagina.goto(live_server.url + reverse("cooperacion_alianzas:inicio"))
    revisar_pagina(pagina)
    pagina.get_by_role("link", name="Nueva alianza").click()
    pagina.get_by_label("Nombre de la alianza").fill("Agua para la ladera")
    pagina.get_by_label("Instrumento").select_option(label="Convenio")
    pagina.get_by_label("Cooperante principal").select_option(label=str(cooperante))
    pagina.get_by_label("Objeto").fill("Acueductos comunitarios en la ladera de Cali.")
    pagina.get_by_label("Agua limpia y saneamiento").check()
    escribir_fecha(pagina, "Fin de la vigencia", hoy + timedelta(days=700))
    revisar_pagina(pagina)
    pagina.get_by_role("button", name="Guardar la alianza").click()
    alianza = Alianza.objects.get()
    pagina.wait_for_url(live_server.url + alianza.get_absolute_url())
    revisar_pagina(pagina)

    pagina.get_by_role("link", name="Agregar recurso").click()
    pagina.get_by_label("Tipo de recurso").select_option(label="Financiero")
    pagina.get_by_label("Descripción").fill("Aporte para obras")
    pagina.get_by_label("Año").fill(str(hoy.year))
    pagina.get_by_label("Monto").fill("50000")
    pagina.get_by_label("Moneda").select_option("USD")
    pagina.get_by_label("Tasa de cambio (COP por unidad)").fill("4000")
    pagina.get_by_role("button", name="Agregar el recurso").click()
    # Bad input first: a rate without its date comes back beside the field.
    expect(pagina.get_by_text("Indique la fecha de la tasa de cambio.").first).to_be_visible()
    revisar_pagina(pagina)
    escribir_fecha(pagina, "Fecha de la tasa", hoy)
    pagina.get_by_role("button", name="Agregar el recurso").click()
    pagina.wait_for_url(live_server.url + alianza.get_absolute_url())
    expect(pagina.get_by_text("COP 200.000.000").first).to_be_visible()

    pagina.get_by_role("link", name="Tablero").click()
    expect(pagina.locator("#total-cop")).to_have_text("COP 200.000.000")
    revisar_pagina(pagina)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_visit_with_itinerary_and_checklist_its_ficha_and_a_commitment_on_the_board(
    live_server, pagina, entrar, relaciones, directivo_salud, hoy
):
    entrar(pagina, relaciones.username, CLAVE)
    pagina.goto(live_server.url + reverse("cooperacion_misiones:nueva"))
    llegada = hoy + timedelta(days=7)
    pagina.get_by_label("Tipo de visita").select_option(label="Técnica")
    pagina.get_by_label("País").select_option(label="Alemania")
    pagina.get_by_label("Institución que visita").fill("GIZ")
    pagina.get_by_label("Nivel de la delegación").select_option(label="Técnico")
    escribir_fecha(pagina, "Llegada", llegada)
    pagina.locator("#id_llegada_hora").fill("09:00")
    escribir_fecha(pagina, "Salida", llegada + timedelta(days=1))
    pagina.locator("#id_salida_hora").fill("17:00")
    pagina.get_by_label("Propósito").fill("Movilidad eléctrica y clima.")
    revisar_pagina(pagina)
    pagina.get_by_role("button", name="Guardar la visita").click()
    visita = VisitaInternacional.objects.get()
    pagina.wait_for_url(live_server.url + visita.get_absolute_url())
    revisar_pagina(pagina)

    pagina.get_by_role("link", name="Agregar actividad").click()
    escribir_fecha(pagina, "Fecha y hora", llegada)
    pagina.locator("#id_inicio_hora").fill("10:00")
    pagina.get_by_label("Actividad").fill("Recorrido por el corredor verde")
    pagina.locator("#id_lugar").fill("Corredor Verde")
    elegir_persona(pagina, "Funcionario anfitrión", str(directivo_salud))
    pagina.get_by_role("button", name="Agregar al itinerario").click()
    pagina.wait_for_url(live_server.url + visita.get_absolute_url())
    expect(pagina.get_by_text("Recorrido por el corredor verde")).to_be_visible()

    pagina.get_by_role("link", name="Agregar aspecto").click()
    pagina.get_by_label("Aspecto").select_option(label="Intérprete")
    pagina.get_by_label("Detalle").fill("Alemán–español")
    elegir_persona(pagina, "Responsable", str(relaciones))
    pagina.get_by_role("button", name="Agregar a la lista").click()
    pagina.wait_for_url(live_server.url + visita.get_absolute_url())
    pagina.get_by_label("Estado").select_option(label="Listo")
    pagina.get_by_role("button", name="Guardar", exact=True).click()
    expect(pagina.get_by_text("Se actualizó la lista de protocolo y logística.")).to_be_visible()
    revisar_pagina(pagina)

    with pagina.expect_download() as descarga:
        pagina.get_by_role("link", name="Ficha de visita (PDF)").click()
    assert descarga.value.suggested_filename.startswith("ficha-visita-")

    pagina.get_by_role("link", name="Registrar compromiso").click()
    pagina.get_by_label("Compromiso").fill("Enviar a la GIZ el perfil del corredor verde")
    elegir_persona(pagina, "Responsable", str(directivo_salud))
    escribir_fecha(pagina, "Fecha límite de cumplimiento", hoy + timedelta(days=15))
    pagina.get_by_role("button", name="Registrar el compromiso").click()
    pagina.wait_for_url(live_server.url + visita.get_absolute_url())
    compromiso = Compromiso.objects.get()
    assert compromiso.origen_id == visita.pk

    pagina.goto(live_server.url + reverse("compromisos:inicio"))
    visible = pagina.get_by_text("Enviar a la GIZ el perfil del corredor verde").locator(
        "visible=true"
    )
    expect(visible.first).to_be_visible()
    revisar_pagina(pagina)
