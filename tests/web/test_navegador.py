from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.navegador import revisar_pagina

CAPTURAS = Path(settings.BASE_DIR) / "var" / "capturas"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_demo_user_logs_in_sees_mi_escritorio_and_the_process_map_also_on_a_phone(
    live_server, pagina, entrar
):
    call_command("cargar_demo", "--forzar", stdout=StringIO())
    CAPTURAS.mkdir(parents=True, exist_ok=True)

    entrar(pagina, "despacho", "BuenGobierno2026!")

    assert pagina.get_by_role("heading", name="Mi escritorio", level=1).is_visible()
    mapa = pagina.get_by_role("navigation", name="Mapa de procesos")
    assert mapa.is_visible()
    assert mapa.get_by_role("link").filter(has_text="P008").is_visible()
    assert pagina.get_by_role("heading", name="Lo que espera de mí").is_visible()
    pagina.screenshot(path=CAPTURAS / "escritorio-escritorio.png", full_page=True)

    revisar_pagina(pagina)
    pagina.set_viewport_size({"width": 390, "height": 844})
    assert not mapa.is_visible()
    pagina.get_by_role("button", name="Abrir el mapa de procesos").click()
    pagina.locator("#barra-lateral.show:not(.showing)").wait_for()  # slide-in finished
    pagina.screenshot(path=CAPTURAS / "escritorio-telefono-menu.png")
    mapa.get_by_role("link").filter(has_text="P005").click()

    pagina.wait_for_url(f"{live_server.url}/compromisos/")
    activo = pagina.locator('#barra-lateral a[aria-current="page"]')
    assert "P005" in activo.text_content()
    revisar_pagina(pagina)  # nothing overflows sideways on a phone
    pagina.screenshot(path=CAPTURAS / "procedimiento-telefono.png", full_page=True)
