"""Forms in a real browser: a form sent with errors puts its error summary at the top, with
the focus, linking to each field (no recovery note in its place), and a date reads
day/month/year in Spanish even in a browser set to English."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from buengobierno.documentos.formato import fecha_entrada
from compromisos.models import Compromiso, Reunion
from delegaciones.models import Delegacion
from tests.navegador import elegir_persona, revisar_pagina

CLAVE = "BuenGobierno2026!"


def _foco_en_el_resumen(pagina) -> bool:
    return pagina.evaluate("document.activeElement.hasAttribute('data-resumen-errores')")


def _arriba(pagina, selector) -> bool:
    """The element is at the top of what the person sees (it took the scroll)."""
    caja = pagina.locator(selector).bounding_box()
    return 0 <= caja["y"] < 200


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_errors_are_summarised_at_the_top_with_the_focus_and_link_to_their_fields(
    live_server, pagina, entrar
):
    call_command("cargar_demo", "--forzar", stdout=StringIO())
    pagina.set_viewport_size({"width": 390, "height": 844})

    # A delegate sends the ficha with a commitment missing its date, on a phone.
    entrar(pagina, "directivo", CLAVE)
    delegacion = Delegacion.objects.get(delegado__username="directivo", estado="realizada")
    pagina.goto(live_server.url + reverse("delegaciones:ficha", args=[delegacion.pk]))
    fila = pagina.locator(".fila-compromiso").first
    fila.get_by_label("Compromiso").fill("Enviar el acta firmada al Despacho.")
    elegir_persona(fila, "Responsable", "Carlos Eduardo")
    pagina.once("dialog", lambda dialogo: dialogo.accept())
    pagina.get_by_role("button", name="Enviar la ficha al Despacho").click()

    resumen = pagina.locator("[data-resumen-errores]")
    expect(resumen).to_contain_text("Fecha límite")
    assert _foco_en_el_resumen(pagina) and _arriba(pagina, "[data-resumen-errores]")
    # What was typed came back from the server: no recovery note stands for the summary.
    expect(pagina.locator("#aviso-respaldo")).to_be_hidden()
    revisar_pagina(pagina)
    resumen.get_by_role("link", name="Fecha límite").click()
    assert pagina.evaluate("document.activeElement.name") == "compromisos-0-fecha_limite"

    # The Despacho closes a meeting whose last commitment has no responsible yet: the
    # summary names it and links to the field, thousands of pixels below on a phone.
    entrar(pagina, "despacho", CLAVE)
    reunion = Reunion.objects.get(estado="en_curso")
    pendiente = reunion.compromisos.get(responsable=None)
    pagina.goto(live_server.url + reverse("compromisos:en_vivo", args=[reunion.pk]))
    pagina.once("dialog", lambda dialogo: dialogo.accept())
    pagina.get_by_role("button", name="Cerrar la reunión").click()
    expect(resumen).to_contain_text("Definir el responsable del tablero")
    assert _foco_en_el_resumen(pagina) and _arriba(pagina, "[data-resumen-errores]")
    enlaces = resumen.get_by_role("link")
    expect(enlaces.first).to_contain_text("— Responsable: Indique quién es el responsable.")
    enlaces.first.click()
    assert pagina.evaluate("document.activeElement.id") == (
        f"campo-compromiso-{pendiente.pk}-responsable-buscar"
    )
    reunion.refresh_from_db()
    assert reunion.estado == "en_curso"


def _proxima_fecha_ambigua(desde):
    """A coming date whose day and month could be swapped (9/12 vs 12/9)."""
    fecha = desde + timedelta(days=2)
    while not (fecha.day <= 12 and fecha.day != fecha.month):
        fecha += timedelta(days=1)
    return fecha


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_in_a_browser_set_to_english_dates_still_read_and_save_day_first(
    live_server, navegador, entrar
):
    call_command("cargar_demo", "--forzar", stdout=StringIO())
    contexto = navegador.new_context(
        locale="en-US", timezone_id="America/Bogota", viewport={"width": 1366, "height": 900}
    )
    contexto.set_default_timeout(15_000)
    pagina = contexto.new_page()
    try:
        assert pagina.evaluate("navigator.language") == "en-US"
        entrar(pagina, "despacho", CLAVE)
        pagina.goto(live_server.url + reverse("compromisos:nuevo"))
        fecha = pagina.get_by_role("textbox", name="Fecha límite de cumplimiento", exact=True)
        expect(fecha).to_have_attribute("placeholder", "dd/mm/aaaa")

        # The calendar is Spanish, Monday first, and fills the box day first.
        pagina.get_by_role("button", name="Elegir la fecha en un calendario").click()
        calendario = pagina.get_by_role("dialog", name="Calendario")
        hoy = timezone.localdate()
        meses = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto"]
        meses += ["septiembre", "octubre", "noviembre", "diciembre"]
        expect(calendario.get_by_role("heading")).to_have_text(
            f"{meses[hoy.month - 1].capitalize()} de {hoy.year}"
        )
        expect(calendario.locator("th").first).to_have_text("lu")
        dia = f"{hoy.day} de {meses[hoy.month - 1]} de {hoy.year}"
        calendario.get_by_role("button", name=dia, exact=True).click()
        expect(fecha).to_have_value(fecha_entrada(hoy))

        # Typed digits read as day, month, year: 09122026 is the 9th of December.
        vence = _proxima_fecha_ambigua(hoy)
        fecha.fill("")
        fecha.press_sequentially(f"{vence:%d%m%Y}")
        expect(fecha).to_have_value(fecha_entrada(vence))
        pagina.get_by_role("textbox", name="Compromiso", exact=True).fill(
            "Publicar el calendario de sesiones."
        )
        elegir_persona(pagina, "Responsable", "Carlos Eduardo")
        pagina.get_by_role("button", name="Registrar compromiso").click()
        expect(pagina.get_by_text("Se registró el compromiso")).to_be_visible()
        creado = Compromiso.objects.get(descripcion="Publicar el calendario de sesiones.")
        assert creado.fecha_limite == vence
    finally:
        contexto.close()
