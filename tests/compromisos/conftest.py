import pytest

from buengobierno.organizacion.roles import Rol
from buengobierno.plazos.calendario import sumar_dias_habiles
from compromisos import services
from compromisos.apps import CONSEJO_DE_GOBIERNO
from compromisos.models import Asistente, PuntoOrden, Reunion, TipoReunion
from tests.conftest import momento


@pytest.fixture
def consejo(db):
    return TipoReunion.objects.get(nombre=CONSEJO_DE_GOBIERNO)


@pytest.fixture
def comite(db):
    return TipoReunion.objects.get(nombre="Comité")


@pytest.fixture
def secretaria(crear_usuario, gobierno):
    """The Despacho's secretary who runs the Consejo de Gobierno."""
    return crear_usuario(
        Rol.DESPACHO, gobierno, username="secretaria", first_name="Luisa", last_name="Caicedo"
    )


@pytest.fixture
def nueva_reunion(secretaria, gobierno, consejo, hoy):
    """nueva_reunion(**cambios) -> a scheduled meeting (by default a Consejo today)."""

    def crear(**cambios):
        datos = {
            "tipo": consejo,
            "titulo": "Consejo de Gobierno ordinario",
            "inicio": momento(hoy, 8),
            "fin": momento(hoy, 10),
            "organismo_convocante": gobierno,
            "puntos": ["Verificación del quórum", "Avance del Plan de Desarrollo"],
            "invitados": [],
            "creado_por": secretaria,
        }
        datos.update(cambios)
        return services.convocar_reunion(**datos)

    return crear


@pytest.fixture
def reunion(nueva_reunion):
    return nueva_reunion()


@pytest.fixture
def reunion_en_curso(reunion, secretaria):
    return services.iniciar_reunion(reunion=reunion, usuario=secretaria)


@pytest.fixture
def crear_compromiso(secretaria, hoy):
    """crear_compromiso(responsable, **cambios) -> one commitment from crear_compromisos."""

    def crear(responsable, origen=None, **cambios):
        datos = {
            "descripcion": "Entregar el informe de avance del plan de vacunación rural",
            "responsable": responsable,
            "fecha_limite": sumar_dias_habiles(hoy, 5),
        }
        datos.update(cambios)
        fecha_origen = cambios.pop("fecha_origen", None)
        datos.pop("fecha_origen", None)
        (compromiso,) = services.crear_compromisos(
            origen=origen, compromisos=[datos], creado_por=secretaria, fecha_origen=fecha_origen
        )
        return compromiso

    return crear


def completar_registro(reunion, secretaria):
    """Start `reunion` if needed and fill what policy 1 asks before closing it: someone
    present (the secretary), the objective and the development of every agenda item."""
    if reunion.estado == Reunion.Estado.PROGRAMADA:
        services.iniciar_reunion(reunion=reunion, usuario=secretaria)
    if not Asistente.objects.filter(reunion=reunion, asistencia="asistio").exists():
        services.agregar_asistentes(reunion=reunion, usuarios=[secretaria], usuario=secretaria)
        Asistente.objects.filter(reunion=reunion, usuario=secretaria).update(asistencia="asistio")
    Reunion.objects.filter(pk=reunion.pk, objetivo="").update(
        objetivo="Hacer seguimiento a los compromisos del Plan de Desarrollo."
    )
    PuntoOrden.objects.filter(reunion=reunion, desarrollo="").update(
        desarrollo="Se trató el punto y se acordaron los compromisos."
    )
    if not PuntoOrden.objects.filter(reunion=reunion).exists():
        services.agregar_punto(reunion=reunion, titulo="Varios", presentador="", usuario=secretaria)
        PuntoOrden.objects.filter(reunion=reunion).update(desarrollo="Sin novedades.")


def reunion_cerrada_con(reunion, secretaria, compromisos):
    """Start `reunion`, add [(descripcion, responsable, fecha)], complete its record and
    close it."""
    completar_registro(reunion, secretaria)
    for descripcion, responsable, fecha in compromisos:
        services.agregar_compromiso_en_reunion(
            reunion=reunion,
            descripcion=descripcion,
            responsable=responsable,
            fecha_limite=fecha,
            prioridad="media",
            usuario=secretaria,
        )
    return services.cerrar_reunion(reunion=reunion, usuario=secretaria)
