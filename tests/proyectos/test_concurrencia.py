"""P004 edits two people (or two tabs) make at once: nothing is overwritten silently."""

import pytest
from django.urls import reverse

from buengobierno.organizacion.roles import Rol
from tests.pestanas import cliente_de, escribir, formulario

pytestmark = pytest.mark.django_db


@pytest.fixture
def otro_despacho(crear_usuario, gobierno):
    return crear_usuario(Rol.DESPACHO, gobierno, username="otro_despacho")


def test_a_stale_sheet_edit_shows_both_texts_and_saves_nothing(
    crear_proyecto, despacho, otro_despacho
):
    proyecto = crear_proyecto()
    url = reverse("proyectos_acuerdo:editar", args=[proyecto.pk])
    yo, otro = cliente_de(despacho), cliente_de(otro_despacho)
    mia, suya = formulario(yo.get(url)), formulario(otro.get(url))
    assert (
        otro.post(url, escribir(suya, objeto="Adoptar la política 2026-2035.")).status_code == 302
    )

    respuesta = yo.post(url, escribir(mia, objeto="Adoptar la política.", numero_articulos="30"))

    assert respuesta.status_code == 409
    html = respuesta.content.decode()
    assert "cambió este campo mientras usted lo editaba" in html
    assert "Adoptar la política 2026-2035." in html
    proyecto.refresh_from_db()
    assert (proyecto.objeto, proyecto.numero_articulos) == ("Adoptar la política 2026-2035.", 12)


def test_an_edit_of_other_fields_merges_quietly(crear_proyecto, despacho, otro_despacho):
    proyecto = crear_proyecto()
    url = reverse("proyectos_acuerdo:editar", args=[proyecto.pk])
    yo, otro = cliente_de(despacho), cliente_de(otro_despacho)
    mia, suya = formulario(yo.get(url)), formulario(otro.get(url))
    otro.post(url, escribir(suya, objeto="Otro objeto."))

    assert yo.post(url, escribir(mia, numero_articulos="30")).status_code == 302

    proyecto.refresh_from_db()
    assert (proyecto.objeto, proyecto.numero_articulos) == ("Otro objeto.", 30)
