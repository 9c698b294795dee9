"""What the cooperation procedures hand to P005: their meetings (policy 1: every meeting is a
P005 meeting, recorded live) and their commitments (the one follow-up board)."""

from django.utils import timezone

from compromisos import services as compromisos

TIPO_DE_REUNION = "Mesa de trabajo"


def convocar_desde(origen, *, organismo, datos: dict, usuario):
    """A P005 meeting convened from `origen` (an alliance, a visit), linked back both ways:
    the meeting names its origin, the origin lists it (`origen.reuniones`)."""
    from compromisos.models import TipoReunion

    reunion = compromisos.convocar_reunion(
        tipo=TipoReunion.objects.get(nombre=TIPO_DE_REUNION),
        titulo=datos["titulo"],
        inicio=datos["inicio"],
        fin=datos["fin"],
        lugar=datos.get("lugar") or "",
        organismo_convocante=organismo,
        puntos=datos.get("puntos") or [],
        invitados=list(datos.get("invitados") or []),
        objetivo=datos.get("objetivo") or "",
        creado_por=usuario,
        origen=origen,
    )
    origen.reuniones.add(reunion)
    return reunion


def compromisos_de(origen, filas: list[dict], *, usuario, fecha_origen=None):
    return compromisos.crear_compromisos(
        origen=origen,
        compromisos=filas,
        creado_por=usuario,
        fecha_origen=fecha_origen or timezone.localdate(),
    )
