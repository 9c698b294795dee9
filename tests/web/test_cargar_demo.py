import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from buengobierno.organizacion.models import Organismo, Usuario
from buengobierno.organizacion.roles import Rol
from tests.web import demo_de_prueba

pytestmark = pytest.mark.django_db

ROLES_DEMO = {
    "admin": Rol.ADMINISTRADOR,
    "despacho": Rol.DESPACHO,
    "secretario": Rol.SECRETARIO,
    "relaciones": Rol.RELACIONES,
    "directivo": Rol.DIRECTIVO,
    "enlace": Rol.ENLACE,
    "juridica": Rol.JURIDICA,
    "viabilizador": Rol.VIABILIZADOR,
    "consulta": Rol.CONSULTA,
}


def cargar_demo(*argumentos) -> str:
    salida = StringIO()
    call_command("cargar_demo", *argumentos, stdout=salida)
    return salida.getvalue()


def test_refuses_to_run_with_debug_off():
    with pytest.raises(CommandError, match="DEBUG está apagado"):
        cargar_demo()
    assert not Usuario.objects.exists()


@override_settings(DEBUG=True)
def test_runs_with_debug_on_without_forcing():
    cargar_demo()

    assert Usuario.objects.filter(username__in=ROLES_DEMO).count() == 9


def test_forced_it_creates_one_user_per_role_in_its_organism_and_prints_the_logins():
    salida = cargar_demo("--forzar")

    for usuario, rol in ROLES_DEMO.items():
        cuenta = Usuario.objects.get(username=usuario)
        assert list(cuenta.groups.values_list("name", flat=True)) == [rol]
        assert cuenta.check_password("BuenGobierno2026!")
        assert cuenta.email.endswith("@cali.gov.co")
        assert f"  {usuario} " in salida
    assert "BuenGobierno2026!" in salida
    assert "http://" in salida
    admin = Usuario.objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    assert not Usuario.objects.filter(is_staff=True).exclude(username="admin").exists()
    organismo = {u.username: u.organismo for u in Usuario.objects.select_related("organismo")}
    assert organismo["despacho"].codigo == organismo["secretario"].codigo == "4112"
    assert organismo["relaciones"].nombre == "Oficina de Relaciones y Cooperación"
    assert organismo["relaciones"].padre.codigo == "4112"
    assert organismo["directivo"] == organismo["enlace"]
    assert organismo["directivo"].nombre == "Secretaría de Salud Pública"
    assert organismo["directivo"].jefe.username == "directivo"
    assert organismo["juridica"].sigla == "DAGJP"
    assert organismo["viabilizador"].nombre == "Departamento Administrativo de Hacienda"
    assert organismo["consulta"].nombre == "Departamento Administrativo de Control Interno"


def test_running_it_twice_duplicates_nothing_and_applies_the_new_password():
    cargar_demo("--forzar")
    usuarios, organismos = Usuario.objects.count(), Organismo.objects.count()

    cargar_demo("--forzar", "--clave", "Otra-Clave-Demo-7")

    assert (Usuario.objects.count(), Organismo.objects.count()) == (usuarios, organismos)
    assert Usuario.objects.get(username="consulta").groups.count() == 1
    assert Usuario.objects.get(username="enlace").check_password("Otra-Clave-Demo-7")


def test_calls_each_procedure_demo_with_the_users(monkeypatch):
    # A procedure plugs in with a module <app>.demo exposing cargar(*, usuarios, stdout).
    monkeypatch.setitem(sys.modules, "compromisos.demo", demo_de_prueba)
    demo_de_prueba.llamadas.clear()

    salida = cargar_demo("--forzar")
    cargar_demo("--forzar")

    assert len(demo_de_prueba.llamadas) == 2
    assert set(demo_de_prueba.llamadas[0]) == set(ROLES_DEMO)
    assert "P005 Seguimiento a compromisos" in salida
    assert "Demo de prueba cargada para Carlos Eduardo Valencia Lozano." in salida
