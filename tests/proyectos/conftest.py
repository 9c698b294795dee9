from datetime import date

import pytest

from buengobierno.organizacion.roles import Rol
from proyectos_acuerdo import services
from proyectos_acuerdo.models import Concepto, PeriodoSesiones
from tests.factories import OrganismoFactory

# Projects are walked on fixed dates well inside the calendar; a Monday with no holiday.
LUNES = date(2026, 3, 2)


@pytest.fixture
def viabilizadores(db, crear_usuario):
    """Planeación, Hacienda and DAGJP, each with a head who gives its concept."""
    personas = {}
    for tipo, (sigla, codigo, nombre) in {
        Concepto.Tipo.TECNICO: ("DAP", "4132", "Departamento Administrativo de Planeación"),
        Concepto.Tipo.FINANCIERO: ("DAH", "4131", "Departamento Administrativo de Hacienda"),
        Concepto.Tipo.JURIDICO: (
            "DAGJP",
            "4112J",
            "Departamento Administrativo de Gestión Jurídica Pública",
        ),
    }.items():
        organismo = OrganismoFactory(codigo=codigo, nombre=nombre, sigla=sigla)
        jefe = crear_usuario(Rol.VIABILIZADOR, organismo, username=f"jefe.{sigla.lower()}")
        organismo.jefe = jefe
        organismo.save()
        personas[tipo] = jefe
    return personas


@pytest.fixture
def periodo(db):
    return PeriodoSesiones.objects.create(
        nombre="Primer periodo ordinario 2026",
        tipo=PeriodoSesiones.Tipo.ORDINARIO,
        inicio=date(2026, 3, 1),
        fin=date(2026, 5, 31),
    )


@pytest.fixture
def crear_proyecto(despacho, directivo_salud):
    def crear(**campos):
        datos = {
            "titulo": "Por el cual se adopta la política de salud mental",
            "organismo": directivo_salud.organismo,
            "responsable": directivo_salud,
            "objeto": "Adoptar la política pública de salud mental del Distrito.",
            "numero_articulos": 12,
            **campos,
        }
        return services.crear_proyecto(datos=datos, usuario=despacho)

    return crear


@pytest.fixture
def en_conceptos(crear_proyecto, despacho, viabilizadores):
    """A project whose three concepts were asked on LUNES."""

    def crear(**campos):
        proyecto = crear_proyecto(**campos)
        services.solicitar_conceptos(
            proyecto=proyecto,
            solicitudes={t: p.organismo for t, p in viabilizadores.items()},
            usuario=despacho,
            hoy=LUNES,
        )
        proyecto.refresh_from_db()
        return proyecto

    return crear


def emitir(proyecto, persona, tipo, sentido):
    return services.emitir_concepto(
        proyecto=proyecto,
        organismo=persona.organismo,
        tipo=tipo,
        sentido=sentido,
        texto=f"Concepto {sentido}.",
        usuario=persona,
    )


@pytest.fixture
def viable(en_conceptos, viabilizadores):
    def crear(**campos):
        proyecto = en_conceptos(**campos)
        for tipo, persona in viabilizadores.items():
            emitir(proyecto, persona, tipo, Concepto.Sentido.FAVORABLE)
        proyecto.refresh_from_db()
        return proyecto

    return crear


@pytest.fixture
def aprobado(viable, despacho, periodo):
    proyecto = viable()
    services.radicar(
        proyecto=proyecto,
        fecha=date(2026, 3, 18),
        numero_concejo="PA-1",
        comision="",
        ponentes="",
        usuario=despacho,
    )
    services.primer_debate(
        proyecto=proyecto, fecha=date(2026, 3, 20), resultado="aprobado", usuario=despacho
    )
    services.segundo_debate(
        proyecto=proyecto,
        fecha=date(2026, 3, 26),
        resultado="aprobado",
        numero_acuerdo="0451",
        recibido=date(2026, 3, 27),
        usuario=despacho,
    )
    proyecto.refresh_from_db()
    return proyecto
