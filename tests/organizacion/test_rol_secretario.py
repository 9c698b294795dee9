"""The role of the Secretario de Gobierno is named as such (issue 11, item 17)."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission

from buengobierno.organizacion.roles import Rol

pytestmark = pytest.mark.django_db

migracion = importlib.import_module(
    "buengobierno.organizacion.migrations.0004_rol_secretario_de_gobierno"
)


def test_the_role_reads_secretario_de_gobierno():
    assert Rol.SECRETARIO.value == "Secretario de Gobierno"
    assert Rol.SECRETARIO.label == "Secretario de Gobierno"
    assert Group.objects.filter(name="Secretario de Gobierno").exists()
    assert not Group.objects.filter(name="Secretario de Despacho").exists()


def test_the_data_migration_renames_the_group_keeping_members_and_permissions(crear_usuario):
    Group.objects.filter(name=Rol.SECRETARIO).delete()
    viejo = Group.objects.create(name="Secretario de Despacho")
    permiso = Permission.objects.get(codename="view_organismo")
    viejo.permissions.add(permiso)
    secretario = crear_usuario()
    secretario.groups.add(viejo)

    migracion.renombrar(apps, None)

    grupo = Group.objects.get(pk=viejo.pk)
    assert grupo.name == "Secretario de Gobierno"
    assert list(secretario.groups.all()) == [grupo]
    assert permiso in grupo.permissions.all()


def test_the_data_migration_merges_into_an_existing_group_of_the_new_name(crear_usuario):
    nuevo = Group.objects.get(name=Rol.SECRETARIO)
    viejo = Group.objects.create(name="Secretario de Despacho")
    secretario = crear_usuario()
    secretario.groups.add(viejo)

    migracion.renombrar(apps, None)

    assert not Group.objects.filter(name="Secretario de Despacho").exists()
    assert list(secretario.groups.all()) == [nuevo]


def test_the_data_migration_can_be_undone():
    migracion.deshacer(apps, None)

    assert Group.objects.filter(name="Secretario de Despacho").exists()
    assert not Group.objects.filter(name="Secretario de Gobierno").exists()
