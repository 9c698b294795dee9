"""A secretary runs a Consejo de Gobierno from the live page, in a real browser; then the
responsible person asks for a new date and the Despacho approves it."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect
from pypdf import PdfReader

from buengobierno.documentos.formato import fecha_entrada
from buengobierno.organizacion.roles import Rol
from buengobierno.plazos.calendario import sumar_dias_habiles
from compromisos import services
from compromisos.models import Compromiso, Reunion
from tests.navegador import elegir_persona, escribir_fecha, revisar_pagina

CLAVE = "clave-de-prueba-123"  # tests.factories.UsuarioFactory
CAPTURAS = Path(settings.BASE_DIR) / "var" / "capturas"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_secretary_runs_a_consejo_live_reloads_without_losing_anything_and_closes_it(
    live_server, pagina, entrar, secretaria, directivo_salud, crear_usuario, gobierno, hoy
):
    colega = crear_usuario(Rol.DESPACHO, gobierno, username="colega")
    CAPTURAS.mkdir(parents=True, exist_ok=True)
    entrar(pagina, secretaria.username, CLAVE)

    # Schedule the Consejo with its agenda and the Secretary of Health invited.
    pagina.goto(live_server.url + reverse("compromisos:nueva_reunion"))
    pagina.get_by_label("Tipo").select_option(label="Consejo de Gobierno")
    pagina.get_by_label("Título").fill("Consejo de Gobierno de noviembre")
    escribir_fecha(pagina, "Inicio", hoy)
    pagina.locator("#id_inicio_hora").fill("08:00")
    escribir_fecha(pagina, "Fin", hoy)
    pagina.locator("#id_fin_hora").fill("10:00")
    pagina.get_by_label("Orden del día").fill("Verificación del quórum\nTemporada de lluvias")
    elegir_persona(pagina, "Invitados internos", str(directivo_salud))
    pagina.get_by_role("button", name="Programar la reunión").click()
    reunion = Reunion.objects.get()
    pagina.wait_for_url(live_server.url + reverse("compromisos:en_vivo", args=[reunion.pk]))
    pagina.get_by_role("button", name="Iniciar la reunión").click()
    pagina.get_by_text("La reunión está en curso.").wait_for()
    revisar_pagina(pagina)
    estado = pagina.locator("#estado-guardado")

    # Attendance, then the development of the first item, typed as in a meeting.
    fila = pagina.locator(".asistente", has_text=str(directivo_salud))
    fila.get_by_text("Presente").click()
    expect(estado).to_contain_text("Guardado")
    desarrollos = pagina.get_by_label("Desarrollo", exact=True)
    desarrollos.nth(0).press_sequentially("Se verificó el quórum con siete secretarios.", delay=15)
    expect(estado).to_contain_text("Guardado", timeout=10_000)
    with pagina.expect_response(lambda r: r.url.endswith("/en-vivo/guardar/")):
        pagina.locator("#campo-reunion-objetivo").press_sequentially(
            "Revisar la temporada de lluvias.", delay=5
        )

    # A commitment with the "+5 días hábiles" shortcut, computed on the server.
    nuevo = pagina.locator("#form-nuevo-compromiso")
    nuevo.get_by_label("Compromiso").fill("Presentar el plan de choque de vacunación rural")
    elegir_persona(nuevo, "Responsable", str(directivo_salud))
    nuevo.get_by_role("button", name="+5 días hábiles").click()
    vence = sumar_dias_habiles(hoy, 5)
    expect(nuevo.get_by_label("Fecha límite de cumplimiento", exact=True)).to_have_value(
        fecha_entrada(vence)
    )
    nuevo.get_by_role("button", name="Agregar compromiso").click()
    expect(pagina.locator(".compromiso-en-vivo")).to_have_count(1)

    # The connection drops while the second item is written: the text waits in the browser…
    pagina.route("**/en-vivo/guardar/", lambda ruta: ruta.abort())
    desarrollos.nth(1).press_sequentially("Puesto de mando unificado activo.", delay=15)
    expect(estado).to_contain_text("Sin conexión — se guardará al reconectar", timeout=10_000)
    pagina.unroute("**/en-vivo/guardar/")

    # …and a reload puts it back and sends it: nothing is lost.
    pagina.reload()
    expect(estado).to_contain_text("Guardado", timeout=10_000)
    pagina.reload()
    expect(pagina.get_by_label("Desarrollo", exact=True).nth(0)).to_have_value(
        "Se verificó el quórum con siete secretarios."
    )
    expect(pagina.get_by_label("Desarrollo", exact=True).nth(1)).to_have_value(
        "Puesto de mando unificado activo."
    )
    expect(
        pagina.locator(".asistente", has_text=str(directivo_salud)).get_by_label("Presente")
    ).to_be_checked()
    expect(
        pagina.locator(".compromiso-en-vivo").get_by_label(
            "Fecha límite de cumplimiento", exact=True
        )
    ).to_have_value(fecha_entrada(vence))
    assert pagina.evaluate("Object.keys(localStorage).length") == 0

    # A colleague changes the same text meanwhile: a conflict notice, not a silent overwrite.
    punto = reunion.puntos.order_by("orden").first()
    services.guardar_campo(
        reunion=reunion,
        clave=f"punto.{punto.pk}.desarrollo",
        valor="Texto de la colega.",
        version=99,
        usuario=colega,
    )
    primero = pagina.get_by_label("Desarrollo", exact=True).nth(0)
    primero.press("Control+End")
    primero.press_sequentially(" Se aprobó el orden del día.", delay=15)
    aviso = pagina.locator(".nota-campo.alert-warning")
    expect(aviso).to_contain_text("Texto de la colega.", timeout=10_000)
    punto.refresh_from_db()
    assert punto.desarrollo == "Texto de la colega."
    aviso.get_by_role("button", name="Conservar la mía").click()
    expect(estado).to_contain_text("Guardado", timeout=10_000)
    punto.refresh_from_db()
    assert punto.desarrollo == (
        "Se verificó el quórum con siete secretarios. Se aprobó el orden del día."
    )
    pagina.set_viewport_size({"width": 390, "height": 844})
    pagina.screenshot(path=CAPTURAS / "compromisos-en-vivo-telefono.png", full_page=True)
    revisar_pagina(pagina)  # on the phone too, with the conflict notice open
    pagina.set_viewport_size({"width": 1366, "height": 900})

    # Close: the acta is numbered and the PDF carries what was recorded.
    pagina.once("dialog", lambda dialogo: dialogo.accept())
    pagina.get_by_role("button", name="Cerrar la reunión").click()
    pagina.wait_for_url(live_server.url + reunion.get_absolute_url())
    expect(pagina.locator("#numero-acta")).to_have_text(f"Acta No. {hoy.year}-0001")
    revisar_pagina(pagina)
    with pagina.expect_download() as descarga:
        pagina.get_by_role("link", name="Descargar el acta (PDF)").click()
    pdf = PdfReader(io.BytesIO(Path(descarga.value.path()).read_bytes()))
    texto = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert f"Acta de reunión No. {hoy.year}-0001" in texto
    assert "Puesto de mando unificado activo." in texto
    assert "Presentar el plan de choque de vacunación rural" in texto

    # The commitment is on the follow-up board, with its responsible person.
    pagina.goto(live_server.url + reverse("compromisos:inicio"))
    fila = pagina.locator("table.tabla-compromisos tbody tr").first
    expect(fila).to_contain_text("Presentar el plan de choque de vacunación rural")
    expect(fila).to_contain_text(str(directivo_salud))
    assert Compromiso.objects.get().estado == Compromiso.Estado.PENDIENTE

    # The responsible person cannot move the date: they request a new one with a reason…
    compromiso = Compromiso.objects.get()
    nueva = sumar_dias_habiles(hoy, 12)
    entrar(pagina, directivo_salud.username, CLAVE)
    pagina.goto(live_server.url + compromiso.get_absolute_url())
    pagina.get_by_role("button", name="Solicitar nueva fecha…").click()
    solicitud = pagina.locator("#accion-solicitar_reprogramacion")
    escribir_fecha(solicitud, "Nueva fecha límite de cumplimiento", nueva)
    solicitud.get_by_label("Por qué necesita una nueva fecha").fill(
        "El Instituto Nacional de Salud entrega los datos la otra semana."
    )
    solicitud.get_by_role("button", name="Solicitar nueva fecha", exact=True).click()
    expect(pagina.locator("#siguiente-paso")).to_contain_text("solicitó mover la fecha")
    revisar_pagina(pagina)
    compromiso.refresh_from_db()
    assert compromiso.fecha_limite == vence

    # …and the Despacho approves it: the date moves, the original stays for the indicators.
    entrar(pagina, secretaria.username, CLAVE)
    pagina.goto(live_server.url + compromiso.get_absolute_url())
    pagina.get_by_role("button", name="Aprobar la nueva fecha…").click()
    aprobacion = pagina.locator("#accion-aprobar_reprogramacion")
    aprobacion.get_by_role("button", name="Aprobar la nueva fecha", exact=True).click()
    expect(pagina.locator("#estado-compromiso")).to_have_text("Reprogramado")
    revisar_pagina(pagina)
    compromiso.refresh_from_db()
    assert (compromiso.fecha_limite, compromiso.fecha_limite_original) == (nueva, vence)
