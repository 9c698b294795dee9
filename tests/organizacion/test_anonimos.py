"""Anonymous visitors learn nothing, not even which ids exist: every URL that takes an id
asks them to log in before it looks anything up (issue 9)."""

import re

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from buengobierno.organizacion.roles import Rol

pytestmark = pytest.mark.django_db

NO_EXISTE = 987654321


def rutas_con_id(patrones=None, prefijo=""):
    """Every route of the site with an <int:…> part, outside the Django admin (own login)."""
    for patron in patrones if patrones is not None else get_resolver().url_patterns:
        ruta = prefijo + str(patron.pattern)
        if isinstance(patron, URLResolver):
            if patron.app_name != "admin":
                yield from rutas_con_id(patron.url_patterns, ruta)
        elif isinstance(patron, URLPattern) and "<int:" in ruta:
            yield ruta


def construir(ruta: str, valor: int) -> str:
    """The route with every converter filled: ids with `valor`, other parts with a word."""
    ruta = re.sub(r"<int:\w+>", str(valor), ruta)
    return "/" + re.sub(r"<\w+:\w+>|<\w+>", "x", ruta).lstrip("^").rstrip("$")


RUTAS = sorted(set(rutas_con_id()))


def test_the_site_has_routes_with_ids_to_check():
    assert len(RUTAS) > 20
    assert "compromisos/personas/<int:pk>/" in RUTAS
    assert "compromisos/organismos/<int:pk>/" in RUTAS


@pytest.mark.parametrize("ruta", RUTAS)
def test_an_anonymous_visitor_is_sent_to_log_in_before_any_lookup(client, ruta):
    respuesta = client.get(construir(ruta, NO_EXISTE))

    assert respuesta.status_code == 302, construir(ruta, NO_EXISTE)
    assert respuesta.url.startswith(resolve_url(settings.LOGIN_URL))


@pytest.mark.parametrize("vista", ["compromisos:persona", "compromisos:organismo"])
def test_an_existing_and_a_missing_id_answer_the_same_to_anonymous(client, vista, enlace):
    pk = enlace.pk if vista == "compromisos:persona" else enlace.organismo_id
    existente = client.get(reverse(vista, args=[pk]))
    inexistente = client.get(reverse(vista, args=[NO_EXISTE]))

    assert existente.status_code == inexistente.status_code == 302


@pytest.fixture
def enlace(crear_usuario, otro_organismo):
    return crear_usuario(Rol.ENLACE, otro_organismo)
