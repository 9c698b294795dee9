"""Fixtures of P002: the Secretario, his office (despacho), an organism that asks for him
(Salud: directivo_salud, enlace_salud), another organism (directivo_educacion) and consulta.
"""

from datetime import timedelta

import pytest

from agenda import services
from agenda.models import Actividad
from buengobierno.organizacion.roles import Rol
from tests.conftest import momento


@pytest.fixture
def secretario(crear_usuario, gobierno):
    return crear_usuario(
        Rol.SECRETARIO,
        gobierno,
        username="secretario",
        first_name="Andrés",
        last_name="Cárdenas",
        cargo="Secretario de Gobierno",
    )


@pytest.fixture
def manana(hoy):
    return hoy + timedelta(days=1)


@pytest.fixture
def nueva_actividad(despacho, otro_organismo, hoy):
    """nueva_actividad(dias=3, hora=9, horas=1, **datos) -> an activity organised by Salud."""

    def crear(dias=3, hora=9, horas=1, **datos):
        inicio = momento(hoy + timedelta(days=dias), hora)
        datos = {
            "titulo": "Mesa de salud mental",
            "tipo": Actividad.Tipo.REUNION,
            "inicio": inicio,
            "fin": inicio + timedelta(hours=horas),
            "organismo": otro_organismo,
            "estado": Actividad.Estado.CONFIRMADA,
            **datos,
        }
        return services.registrar_actividad(datos=datos, usuario=despacho)

    return crear


@pytest.fixture
def nueva_solicitud(enlace_salud, hoy):
    def crear(dias=6, **datos):
        datos = {
            "tema": "Lanzamiento de la campaña de vacunación",
            "tipo": Actividad.Tipo.EVENTO,
            "fecha_propuesta": momento(hoy + timedelta(days=dias), 10),
            "duracion_minutos": 90,
            "lugar": "Centro de Salud de Siloé",
            "justificacion": "La comunidad de la comuna 20 pidió la presencia del Secretario.",
            **datos,
        }
        return services.solicitar(datos=datos, usuario=enlace_salud)

    return crear
