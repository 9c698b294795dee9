"""Headers every response carries: Content-Security-Policy, Permissions-Policy, and private
caching of files (issue 9, «Access and hardening»)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

RAIZ = Path(settings.BASE_DIR)


def directivas(cabecera: str) -> dict[str, list[str]]:
    partes = (parte.split() for parte in cabecera.split(";") if parte.strip())
    return {nombre: valores for nombre, *valores in partes}


@pytest.mark.parametrize("anonimo", [True, False])
def test_every_page_has_a_csp_whose_scripts_come_only_from_the_site(client, despacho, anonimo):
    if not anonimo:
        client.force_login(despacho)

    respuesta = client.get(reverse("login" if anonimo else "escritorio"))

    politica = directivas(respuesta["Content-Security-Policy"])
    assert politica["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in politica["script-src"]
    assert "'unsafe-eval'" not in politica["script-src"]
    assert politica["object-src"] == ["'none'"]
    assert politica["frame-ancestors"] == ["'none'"]
    assert politica["default-src"] == ["'self'"]


def test_every_page_switches_off_browser_features_it_does_not_use(client):
    politica = client.get(reverse("login"))["Permissions-Policy"]

    for funcion in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{funcion}=()" in politica


def test_htmx_may_not_evaluate_code_from_attributes(client):
    html = client.get(reverse("login")).content.decode()

    assert '"allowEval": false' in html


SCRIPT_EN_LINEA = re.compile(r"<script(?![^>]*\b(src=|type=\"application/json\"))[^>]*>", re.I)
MANEJADOR = re.compile(r"\son[a-z]+\s*=", re.I)


def test_no_template_holds_an_inline_script_or_event_handler():
    plantillas = [
        p
        for carpeta in (RAIZ / "templates", *RAIZ.glob("*/templates"), *RAIZ.glob("*/*/templates"))
        for p in carpeta.rglob("*.html")
        if "pdf" not in p.parts and "emails" not in p.parts  # never run by a browser
    ]

    con_script = [str(p) for p in plantillas if SCRIPT_EN_LINEA.search(p.read_text())]
    con_manejador = [str(p) for p in plantillas if MANEJADOR.search(p.read_text())]

    assert len(plantillas) > 50
    assert con_script == []
    assert con_manejador == []


@pytest.mark.parametrize("formato", ["csv", "xlsx"])
def test_an_export_is_never_kept_in_a_cache(client, despacho, formato):
    client.force_login(despacho)

    respuesta = client.get(reverse("directorio"), {"exportar": formato})

    assert respuesta.status_code == 200
    assert respuesta["Cache-Control"] == "private, no-store"
