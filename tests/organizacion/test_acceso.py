"""The access helper, exercised on a real model and real queries: Usuario, owned by its organismo."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from buengobierno.organizacion.acceso import (
    AccesoQuerySet,
    Politica,
    es_solo_lectura,
    exigir_creacion,
    exigir_edicion,
    obtener_visible_o_404,
    roles_de,
    usuarios_con_rol,
)
from buengobierno.organizacion.models import Usuario
from buengobierno.organizacion.roles import Rol

pytestmark = pytest.mark.django_db

POLITICA = Politica(
    ven_todo={Rol.DESPACHO, Rol.SECRETARIO, Rol.CONSULTA},
    editan_todo={Rol.DESPACHO},
    organismo="organismo",
    asignados=("pk",),
    editan_propios={Rol.DIRECTIVO},
)


@pytest.fixture
def usuarios_con_politica(monkeypatch):
    # Usuario stands in for a domain model: it gets the policy and the access queryset.
    monkeypatch.setattr(Usuario, "acceso", POLITICA, raising=False)
    return AccesoQuerySet(model=Usuario)


@pytest.fixture
def gente(crear_usuario, gobierno, otro_organismo):
    return {
        "despacho": crear_usuario(Rol.DESPACHO, gobierno),
        "consulta": crear_usuario(Rol.CONSULTA, otro_organismo),
        "directivo": crear_usuario(Rol.DIRECTIVO, otro_organismo),
        "enlace": crear_usuario(Rol.ENLACE, otro_organismo),
        "colega_gobierno": crear_usuario(Rol.ENLACE, gobierno),
        "sin_organismo": crear_usuario(Rol.ENLACE, organismo=None),
        "admin": crear_usuario(is_superuser=True, organismo=None),
    }


def visibles(usuario) -> set[str]:
    return set(POLITICA.filtrar(Usuario.objects.all(), usuario).values_list("username", flat=True))


def test_roles_that_see_everything_see_every_row(gente):
    todos = set(Usuario.objects.values_list("username", flat=True))

    for quien in ("despacho", "consulta", "admin"):
        assert visibles(gente[quien]) == todos


def test_others_see_their_organism_and_what_is_assigned_to_them(gente, otro_organismo):
    de_salud = set(otro_organismo.usuarios.values_list("username", flat=True))

    assert visibles(gente["directivo"]) == de_salud
    assert visibles(gente["enlace"]) == de_salud
    assert visibles(gente["sin_organismo"]) == {gente["sin_organismo"].username}


def test_anonymous_visitors_see_nothing(gente):
    assert visibles(AnonymousUser()) == set()
    assert not POLITICA.puede_editar(AnonymousUser(), gente["enlace"])


def test_who_may_edit(gente):
    colega, enlace = gente["colega_gobierno"], gente["enlace"]

    assert POLITICA.puede_editar(gente["despacho"], enlace)
    assert POLITICA.puede_editar(gente["admin"], enlace)
    assert POLITICA.puede_editar(gente["directivo"], enlace)
    assert not POLITICA.puede_editar(gente["directivo"], colega)
    assert not POLITICA.puede_editar(gente["enlace"], enlace)
    assert not POLITICA.puede_editar(gente["consulta"], enlace)
    assert es_solo_lectura(gente["consulta"])
    assert not POLITICA.puede_crear(gente["consulta"])
    assert POLITICA.puede_crear(gente["directivo"])


def test_an_outsider_gets_404_and_a_read_only_role_gets_403(usuarios_con_politica, gente):
    colega = gente["colega_gobierno"]

    with pytest.raises(Http404):
        obtener_visible_o_404(usuarios_con_politica, gente["enlace"], pk=colega.pk)
    visto = obtener_visible_o_404(usuarios_con_politica, gente["consulta"], pk=colega.pk)
    with pytest.raises(PermissionDenied):
        exigir_edicion(gente["consulta"], visto)
    with pytest.raises(PermissionDenied):
        exigir_creacion(gente["consulta"], Usuario)
    exigir_edicion(gente["despacho"], visto)


def test_a_superuser_counts_as_administrador_and_roles_are_read_once(
    gente, django_assert_num_queries
):
    admin = gente["admin"]

    with django_assert_num_queries(1):
        assert Rol.ADMINISTRADOR in roles_de(admin)
        roles_de(admin)


def test_users_with_a_role_are_listed_once_and_only_when_active(gente, crear_usuario):
    inactivo = crear_usuario(Rol.DESPACHO, is_active=False)

    despacho = list(usuarios_con_rol(Rol.DESPACHO, Rol.SECRETARIO))

    assert despacho == [gente["despacho"]]
    assert inactivo not in despacho


def test_a_signed_in_user_without_any_role_sees_nothing(gente, crear_usuario, otro_organismo):
    sin_rol = crear_usuario(None, otro_organismo)
    assert visibles(sin_rol) == set()
    assert not POLITICA.puede_editar(sin_rol, sin_rol)
