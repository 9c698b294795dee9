from datetime import timedelta
from decimal import Decimal

import pytest

from buengobierno.organizacion.roles import Rol
from cooperacion.alianzas import services as alianzas
from cooperacion.alianzas.models import Alianza, Cooperante
from cooperacion.misiones import services as misiones
from tests.conftest import momento
from tests.factories import OrganismoFactory


@pytest.fixture
def oficina(db):
    return OrganismoFactory(
        codigo="4112-ORC", nombre="Oficina de Relaciones y Cooperación", sigla="ORC"
    )


@pytest.fixture
def relaciones(crear_usuario, oficina):
    return crear_usuario(
        Rol.RELACIONES, oficina, username="relaciones", first_name="Paula", last_name="Lozano"
    )


@pytest.fixture
def juridica(crear_usuario):
    return crear_usuario(Rol.JURIDICA, username="dagjp", first_name="Andrés", last_name="Mejía")


@pytest.fixture
def secretario(crear_usuario, gobierno):
    return crear_usuario(Rol.SECRETARIO, gobierno, username="secretario")


@pytest.fixture
def cooperante(relaciones):
    return alianzas.registrar_cooperante(
        datos={
            "nombre": "Agencia de Cooperación Internacional del Japón",
            "sigla": "JICA",
            "tipo": Cooperante.Tipo.AGENCIA_BILATERAL,
            "pais": "JP",
            "areas_interes": "Gestión del riesgo, movilidad",
        },
        usuario=relaciones,
    )


@pytest.fixture
def nueva_alianza(relaciones, cooperante, oficina, hoy):
    def crear(**cambios):
        datos = {
            "nombre": "Movilidad sostenible para Cali",
            "instrumento": Alianza.Instrumento.MEMORANDO,
            "cooperante": cooperante,
            "objeto": "Asistencia técnica para el sistema de transporte masivo.",
            "organismo": oficina,
            "responsable": relaciones,
            "fecha_fin_vigencia": hoy + timedelta(days=365),
        }
        datos.update(cambios)
        return alianzas.registrar_alianza(datos=datos, ods=[11], usuario=relaciones)

    return crear


@pytest.fixture
def alianza(nueva_alianza):
    return nueva_alianza()


def vigente(alianza, relaciones, juridica, *, firma, fin):
    alianzas.solicitar_concepto(alianza=alianza, usuario=relaciones)
    alianzas.emitir_concepto(alianza=alianza, favorable=True, observaciones="", usuario=juridica)
    return alianzas.firmar_alianza(
        alianza=alianza, fecha_firma=firma, fecha_fin_vigencia=fin, usuario=relaciones
    )


@pytest.fixture
def recurso_usd(alianza, relaciones, hoy):
    return alianzas.agregar_recurso(
        alianza=alianza,
        datos={
            "tipo": "financiero",
            "descripcion": "Aporte para estudios de movilidad",
            "anio": hoy.year,
            "monto": Decimal("100000"),
            "moneda": "USD",
            "tasa_cambio": Decimal("4000"),
            "fecha_tasa": hoy,
        },
        usuario=relaciones,
    )


@pytest.fixture
def nueva_visita(relaciones, oficina, hoy):
    def crear(**cambios):
        datos = {
            "tipo": "diplomatica",
            "pais": "FR",
            "institucion": "Embajada de Francia",
            "nivel": "embajador",
            "llegada": momento(hoy + timedelta(days=10), 9),
            "salida": momento(hoy + timedelta(days=11), 17),
            "proposito": "Explorar cooperación en cultura y movilidad.",
            "organismo": oficina,
            "responsable": relaciones,
        }
        datos.update(cambios)
        acompanantes = datos.pop("acompanantes", [])
        return misiones.registrar_visita(datos=datos, acompanantes=acompanantes, usuario=relaciones)

    return crear
