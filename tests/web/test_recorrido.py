"""The pages each role of the demo visits, in a real browser (issue 10's Definition of done):
axe-core finds no serious or critical violation at 1366×900 — and at 390×844 on the pages
whose phone layout differs (lists as cards, the desk, a record, the live meeting, the forms)
— and no page scrolls sideways at 390 or 320 px. One demo and one browser page for the
module; the flows of P001 and P005 check their own steps (tests/*/test_navegador.py)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from compromisos.models import Compromiso
from delegaciones.models import Delegacion
from tests.navegador import revisar_pagina, sin_desplazamiento_lateral, violaciones_graves

CLAVE = "BuenGobierno2026!"


def _primera(consulta):
    objeto = consulta.order_by("pk").first()
    assert objeto is not None, consulta.query
    return objeto


def _paginas_del_despacho():
    """(path, also axe on a phone) for the Despacho, who sees everything. The live page,
    a delegation's ficha and the acta are checked by the flows of P001 and P005."""
    return [
        (reverse("escritorio"), True),
        (reverse("delegaciones:inicio"), False),
        (reverse("delegaciones:delegaciones"), True),
        (reverse("delegaciones:sesiones"), False),
        (reverse("delegaciones:calendario"), False),
        (reverse("delegaciones:instancias"), False),
        (reverse("delegaciones:indicadores"), False),
        (reverse("delegaciones:nueva_sesion"), False),
        (_primera(Delegacion.objects.filter(estado="borrador")).get_absolute_url(), True),
        (_primera(Delegacion.objects.filter(estado="ficha_entregada")).get_absolute_url(), False),
        (_primera(Delegacion.objects.filter(estado="rechazada")).sesion.get_absolute_url(), False),
        (reverse("compromisos:inicio"), True),
        (reverse("compromisos:reuniones"), True),
        (reverse("compromisos:indicadores"), False),
        (reverse("compromisos:calendario"), False),
        (reverse("compromisos:nueva_reunion"), False),
        (reverse("compromisos:nuevo"), False),
        (_primera(Compromiso.objects.filter(estado="cumplido")).get_absolute_url(), False),
        (reverse("avisos:lista"), False),
        (reverse("directorio"), False),
        (reverse("organismos"), False),
        (reverse("agenda:inicio"), False),
        ("/no-existe/", False),
    ]


def _paginas_del_directivo():
    mia = _primera(Delegacion.objects.filter(delegado__username="directivo", estado="realizada"))
    return [
        (reverse("escritorio"), True),
        (reverse("delegaciones:mis_delegaciones"), True),
        (mia.get_absolute_url(), False),
        (reverse("compromisos:mis_compromisos"), False),
    ]


def _recorrer(pagina, live_server, paginas):
    for ruta, en_telefono in paginas:
        pagina.set_viewport_size({"width": 1366, "height": 900})
        pagina.goto(live_server.url + ruta)
        revisar_pagina(pagina, ancho_telefono=not en_telefono)
        if en_telefono:
            pagina.set_viewport_size({"width": 390, "height": 844})
            graves = violaciones_graves(pagina)
            assert not graves, f"{ruta} a 390 px: " + "; ".join(graves)
            sin_desplazamiento_lateral(pagina)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_every_page_a_role_visits_is_accessible_and_fits_a_phone(live_server, pagina, entrar):
    call_command("cargar_demo", "--forzar", stdout=StringIO())

    entrar(pagina, "despacho", CLAVE)
    _recorrer(pagina, live_server, _paginas_del_despacho())
    entrar(pagina, "directivo", CLAVE)
    _recorrer(pagina, live_server, _paginas_del_directivo())
