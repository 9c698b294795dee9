"""The Despacho delegates a director, who accepts and, after the session, sends the ficha
técnica from a phone; its two commitments land on the P005 board. In a real browser."""

import io
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from buengobierno.documentos.formato import fecha_larga
from buengobierno.plazos.calendario import es_dia_habil, sumar_dias_habiles
from compromisos.models import Compromiso
from delegaciones import services
from delegaciones.models import Delegacion, Sesion
from tests.navegador import elegir_persona, escribir_fecha, revisar_pagina

CLAVE = "clave-de-prueba-123"  # tests.factories.UsuarioFactory
CAPTURAS = Path(settings.BASE_DIR) / "var" / "capturas"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def viernes_antes_de_un_lunes_festivo(desde):
    """The first Friday after `desde` followed by a Monday holiday (a long weekend)."""
    dia = desde + timedelta(days=1)
    while not (dia.weekday() == 4 and not es_dia_habil(dia + timedelta(days=3))):
        dia += timedelta(days=1)
    return dia


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_director_is_delegated_accepts_and_sends_the_ficha_whose_commitments_reach_p005(
    live_server, pagina, entrar, despacho, instancia, directivo_salud, enlace_salud, hoy
):
    CAPTURAS.mkdir(parents=True, exist_ok=True)
    viernes = viernes_antes_de_un_lunes_festivo(hoy)
    # Friday, then the holiday Monday is skipped: Tuesday, Wednesday, Thursday.
    plazo_esperado = viernes + timedelta(days=6)
    assert sumar_dias_habiles(viernes, 3) == plazo_esperado

    # The Despacho opens P001 from the sidebar and registers a session, delegating at once.
    entrar(pagina, despacho.username, CLAVE)
    pagina.locator("#barra-lateral").get_by_role("link", name="P001").click()
    pagina.get_by_role("link", name="Nueva sesión").click()
    pagina.get_by_label("Instancia").select_option(label=instancia.nombre)
    # The instancia's usual delegate is suggested in the person picker.
    expect(pagina.get_by_role("combobox", name="Delegado")).to_have_value(
        f"{directivo_salud} — {directivo_salud.organismo.sigla} · {directivo_salud.cargo_y_nivel}"
    )
    escribir_fecha(pagina, "Fecha y hora", viernes)
    pagina.locator("#id_inicio_hora").fill("08:00")
    pagina.get_by_label("Lugar").fill("Sede de la Red de Salud del Oriente")
    pagina.get_by_label("Delegar ahora la representación en esta sesión").check()
    pagina.get_by_label("Instrucciones").fill("Votar a favor del plan de saneamiento fiscal.")
    pagina.get_by_role("button", name="Registrar la sesión").click()
    sesion = Sesion.objects.get()
    pagina.wait_for_url(live_server.url + sesion.get_absolute_url())
    expect(pagina.get_by_text("Se registró la sesión y se numeró la carta")).to_be_visible()
    revisar_pagina(pagina)
    delegacion = Delegacion.objects.get()
    assert delegacion.fecha_limite_ficha == plazo_esperado

    # A written act: the letter is pending signature and the delegate does not see it yet.
    entrar(pagina, directivo_salud.username, CLAVE)
    pagina.goto(live_server.url + reverse("delegaciones:mis_delegaciones"))
    expect(pagina.get_by_role("link", name=instancia.nombre)).to_have_count(0)

    # The Despacho uploads the signed letter; only then is the delegate notified.
    entrar(pagina, despacho.username, CLAVE)
    pagina.goto(live_server.url + delegacion.get_absolute_url())
    expect(pagina.locator("#estado-delegacion")).to_have_text("Pendiente de firma")
    # At 320 px the long submit button wraps instead of pushing the page sideways.
    revisar_pagina(pagina)
    pagina.get_by_label("Copia firmada de la carta (PDF)").set_input_files(
        files=[{"name": "carta-firmada.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    pagina.get_by_role("button", name="Registrar la firma y notificar al delegado").click()
    expect(pagina.locator("#estado-delegacion")).to_have_text("Notificada")
    expect(pagina.locator("#firma-carta")).to_contain_text("Copia firmada (PDF)")
    revisar_pagina(pagina)

    # The director, on a phone, finds it in "Mis delegaciones" and accepts.
    pagina.set_viewport_size({"width": 390, "height": 844})
    entrar(pagina, directivo_salud.username, CLAVE)
    pagina.goto(live_server.url + reverse("delegaciones:mis_delegaciones"))
    pagina.locator(".lista-tarjetas").get_by_role("link", name=instancia.nombre).click()
    expect(pagina.locator("#plazo-ficha")).to_contain_text(fecha_larga(plazo_esperado))
    revisar_pagina(pagina)
    pagina.get_by_role("button", name="Acepto la delegación").click()
    expect(pagina.locator("#estado-delegacion")).to_have_text("Aceptada")
    pagina.screenshot(path=CAPTURAS / "delegaciones-aceptada-telefono.png", full_page=True)

    # The session takes place (the clock moves past it).
    Sesion.objects.filter(pk=sesion.pk).update(inicio=timezone.now() - timedelta(hours=2))
    sesion.refresh_from_db()
    Delegacion.objects.filter(pk=delegacion.pk).update(
        fecha_limite_ficha=services.plazo_de_ficha(sesion)
    )

    # The director fills the ficha with two commitments and sends it.
    pagina.reload()
    pagina.get_by_role("link", name="Llenar la ficha técnica").click()
    pagina.get_by_label("Lo acontecido en la sesión").fill(
        "La gerencia presentó el estado de cartera y el plan de saneamiento."
    )
    pagina.get_by_label("Decisiones tomadas").fill("Se aprobó el plan de saneamiento fiscal.")
    # The phone loses the page before anything was saved: the text comes back from the browser.
    pagina.reload()
    expect(pagina.locator("#aviso-respaldo")).to_be_visible()
    expect(pagina.get_by_label("Decisiones tomadas")).to_have_value(
        "Se aprobó el plan de saneamiento fiscal."
    )
    vence = sumar_dias_habiles(hoy, 10)
    filas = pagina.locator(".fila-compromiso")
    filas.nth(0).get_by_label("Compromiso").fill("Presentar el flujo de caja mensual.")
    elegir_persona(filas.nth(0), "Responsable", str(directivo_salud))
    escribir_fecha(filas.nth(0), "Fecha límite", vence)
    pagina.get_by_role("button", name="Agregar otro compromiso").click()
    expect(filas).to_have_count(2)
    filas.nth(1).get_by_label("Compromiso").fill("Depurar la cartera de más de 360 días.")
    elegir_persona(filas.nth(1), "Responsable", str(enlace_salud))
    escribir_fecha(filas.nth(1), "Fecha límite", vence)
    pagina.screenshot(path=CAPTURAS / "delegaciones-ficha-telefono.png", full_page=True)
    revisar_pagina(pagina)
    pagina.once("dialog", lambda dialogo: dialogo.accept())
    pagina.get_by_role("button", name="Enviar la ficha al Despacho").click()
    pagina.wait_for_url(live_server.url + delegacion.get_absolute_url())
    expect(pagina.locator("#estado-delegacion")).to_have_text("Ficha entregada")
    expect(pagina.locator("#plazo-ficha")).to_contain_text("a tiempo")
    revisar_pagina(pagina)

    # The ficha downloads as the official PDF.
    with pagina.expect_download() as descarga:
        pagina.get_by_role("link", name="Descargar la ficha (PDF)").click()
    pdf = PdfReader(io.BytesIO(Path(descarga.value.path()).read_bytes()))
    texto = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert "MEDE01.09.P001.F001" in texto
    assert instancia.nombre in texto
    assert "Depurar la cartera de más de 360 días." in texto

    # The Despacho sees both commitments on the P005 board, linked to the ficha.
    pagina.set_viewport_size({"width": 1366, "height": 900})
    entrar(pagina, despacho.username, CLAVE)
    pagina.goto(live_server.url + reverse("compromisos:inicio"))
    tabla = pagina.locator("table.tabla-compromisos tbody")
    expect(tabla).to_contain_text("Presentar el flujo de caja mensual.")
    expect(tabla).to_contain_text("Depurar la cartera de más de 360 días.")
    assert Compromiso.objects.filter(origen_id=delegacion.ficha.pk).count() == 2
