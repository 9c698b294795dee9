"""The delegate types the ficha on a phone that loses the page; meanwhile an enlace saves
another text. The phone's text comes back from the browser with the version it was typed
over, so saving it shows both texts instead of overwriting the enlace's. In a real browser."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from delegaciones import services
from delegaciones.models import FichaTecnica
from tests.navegador import revisar_pagina

CLAVE = "clave-de-prueba-123"  # tests.factories.UsuarioFactory


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_ficha_draft_restored_after_someone_else_saved_shows_both_texts(
    live_server, pagina, entrar, aceptada_pasada, directivo_salud, enlace_salud
):
    delegacion = aceptada_pasada()
    pagina.set_viewport_size({"width": 390, "height": 844})
    entrar(pagina, directivo_salud.username, CLAVE)
    pagina.goto(live_server.url + reverse("delegaciones:ficha", args=[delegacion.pk]))
    pagina.get_by_label("Lo acontecido en la sesión").fill("Texto del teléfono")

    # The enlace saves the draft from the laptop, after the phone typed.
    services.guardar_ficha(
        delegacion=delegacion,
        datos={"desarrollo": "Texto del portátil"},
        compromisos=[],
        archivos={},
        usuario=enlace_salud,
        enviar=False,
    )
    FichaTecnica.objects.filter(delegacion=delegacion).update(
        actualizada_en=timezone.now() + timedelta(seconds=5)
    )

    # The phone reloads: its unsent text comes back, and saving it is a conflict.
    pagina.reload()
    expect(pagina.locator("#aviso-respaldo")).to_be_visible()
    expect(pagina.get_by_label("Lo acontecido en la sesión")).to_have_value("Texto del teléfono")
    pagina.get_by_role("button", name="Guardar borrador").click()
    expect(pagina.locator("[data-resumen-errores]")).to_be_visible()
    expect(pagina.locator("[data-texto-guardado]")).to_contain_text("Texto del portátil")
    expect(pagina.get_by_label("Lo acontecido en la sesión")).to_have_value("Texto del teléfono")
    assert FichaTecnica.objects.get(delegacion=delegacion).desarrollo == "Texto del portátil"
    revisar_pagina(pagina)

    # Having seen both, the delegate keeps the phone's text.
    pagina.get_by_role("button", name="Guardar borrador").click()
    expect(pagina.get_by_text("Se guardó el borrador de la ficha.")).to_be_visible()
    assert FichaTecnica.objects.get(delegacion=delegacion).desarrollo == "Texto del teléfono"
