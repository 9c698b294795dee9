from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from buengobierno.organizacion.models import Organismo

pytestmark = pytest.mark.django_db


def cargar(**opciones) -> str:
    salida = StringIO()
    call_command("cargar_organismos", stdout=salida, **opciones)
    return salida.getvalue()


def test_loads_the_central_administration_with_the_secretaria_de_gobierno_as_4112():
    cargar()

    gobierno = Organismo.objects.get(codigo="4112")
    assert gobierno.nombre == "Secretaría de Gobierno"
    assert Organismo.objects.get(sigla="DAGJP").nombre == (
        "Departamento Administrativo de Gestión Jurídica Pública"
    )
    assert Organismo.objects.filter(tipo=Organismo.Tipo.SECRETARIA).count() == 15
    assert Organismo.objects.filter(tipo=Organismo.Tipo.DEPARTAMENTO).count() == 9
    assert Organismo.objects.filter(tipo=Organismo.Tipo.UNIDAD).count() == 2
    assert set(gobierno.dependencias.values_list("nombre", flat=True)) == {
        "Despacho del Secretario de Gobierno",
        "Oficina de la Secretaría Privada",
        "Oficina Asesora de Transparencia",
        "Oficina de Relaciones y Cooperación",
    }


def test_loading_twice_creates_nothing_new():
    primera = cargar()
    total = Organismo.objects.count()

    segunda = cargar()

    assert Organismo.objects.count() == total == 31
    assert f"{total} creados" in primera
    assert "0 creados, 0 actualizados" in segunda


def test_a_code_an_admin_corrected_survives_a_reload_and_nothing_is_deleted(gobierno):
    cargar()
    hacienda = Organismo.objects.get(nombre="Departamento Administrativo de Hacienda")
    hacienda.codigo = "4131"
    hacienda.save()
    propio = Organismo.objects.create(codigo="9999", nombre="Entidad agregada a mano")

    cargar()

    hacienda.refresh_from_db()
    assert hacienda.codigo == "4131"
    assert Organismo.objects.filter(pk=propio.pk).exists()
    assert Organismo.objects.filter(codigo="4112").count() == 1


def test_an_existing_organism_is_recognised_by_name_and_keeps_its_code(otro_organismo):
    cargar()

    otro_organismo.refresh_from_db()
    assert otro_organismo.codigo == "4161"
    assert Organismo.objects.filter(nombre="Secretaría de Salud Pública").count() == 1


def test_a_malformed_file_is_refused_before_writing_anything(tmp_path):
    archivo = tmp_path / "organismos.csv"
    archivo.write_text(
        "codigo,nombre,sigla,tipo,padre_codigo\nX1,Algo,AL,secretaria,\nX2,Otra,OT,ministerio,\n",
        encoding="utf-8",
    )

    with pytest.raises(CommandError, match="tipo desconocido"):
        cargar(archivo=archivo)
    assert not Organismo.objects.exists()
