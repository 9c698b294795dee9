"""P008: register a visit, its delegation, itinerary and checklist, its results and what it
produced (commitments on the P005 board, meetings as P005 meetings, a possible P006 alliance).
Every write is one transaction and checks who may do it."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from buengobierno.organizacion.acceso import exigir_creacion, exigir_edicion
from buengobierno.plazos.calendario import sumar_dias_habiles
from buengobierno.web.concurrencia import aplicar
from buengobierno.web.entrada import mensajes_de_fecha
from cooperacion.alianzas.models import Alianza
from cooperacion.misiones.models import (
    ActividadItinerario,
    ItemProtocolo,
    MiembroDelegacion,
    VisitaInternacional,
)
from cooperacion.p005 import compromisos_de, convocar_desde

# Results are owed a working week after the departure.
DIAS_HABILES_RESULTADOS = 5
# The checklist reminder goes out this many business days before the arrival.
DIAS_HABILES_ALISTAMIENTO = 5


def plazo_de_resultados(salida) -> date:
    return sumar_dias_habiles(timezone.localtime(salida).date(), DIAS_HABILES_RESULTADOS)


def _exigir_programada(visita: VisitaInternacional) -> None:
    if visita.estado != VisitaInternacional.Estado.PROGRAMADA:
        raise ValidationError(
            _("La visita está «%(estado)s»: ya no admite ese cambio.")
            % {"estado": visita.get_estado_display()}
        )


def _bloquear(visita: VisitaInternacional) -> VisitaInternacional:
    return VisitaInternacional.objects.select_for_update().get(pk=visita.pk)


def errores_de_visita(datos: dict) -> dict[str, list[str]]:
    errores = {}
    for campo in ("llegada", "salida"):
        if datos.get(campo) and (mensajes := mensajes_de_fecha(datos[campo])):
            errores[campo] = mensajes
    llegada, salida = datos.get("llegada"), datos.get("salida")
    if llegada and salida and salida < llegada and not errores:
        errores["salida"] = [_("La salida no puede ser anterior a la llegada.")]
    if datos.get("reservada") and not (datos.get("motivo_reserva") or "").strip():
        errores["motivo_reserva"] = [
            _("Indique el fundamento de la reserva (Ley 1712 de 2014, art. 19).")
        ]
    alianza = datos.get("alianza")
    if alianza is not None and alianza.estado != Alianza.Estado.EN_GESTION:
        errores["alianza"] = [_("Enlace solo una alianza en gestión.")]
    return errores


@transaction.atomic
def registrar_visita(*, datos: dict, acompanantes=(), usuario) -> VisitaInternacional:
    exigir_creacion(usuario, VisitaInternacional)
    if errores := errores_de_visita(datos):
        raise ValidationError(errores)
    if not datos.get("reservada"):
        datos["motivo_reserva"] = ""
    visita = VisitaInternacional(
        **datos,
        creado_por=usuario,
        fecha_limite_resultados=plazo_de_resultados(datos["salida"]),
    )
    visita.full_clean(exclude=["acompanantes", "reuniones"])
    visita.save()
    visita.acompanantes.set(acompanantes)
    return visita


@transaction.atomic
def actualizar_visita(
    *, visita: VisitaInternacional, datos: dict, acompanantes, usuario, base=None
) -> VisitaInternacional:
    exigir_edicion(usuario, visita)
    visita = _bloquear(visita)
    _exigir_programada(visita)
    if errores := errores_de_visita(datos):
        raise ValidationError(errores)
    if not datos.get("reservada"):
        datos["motivo_reserva"] = ""
    aplicar(visita, datos=datos, base=base)
    plazo = plazo_de_resultados(visita.salida)
    if plazo != visita.fecha_limite_resultados:
        visita.fecha_limite_resultados = plazo
        visita.save(update_fields=["fecha_limite_resultados"])
    visita.acompanantes.set(acompanantes)
    _sincronizar_agenda(visita, usuario)
    return visita


@transaction.atomic
def agregar_miembro(*, visita: VisitaInternacional, datos: dict, usuario) -> MiembroDelegacion:
    exigir_edicion(usuario, visita)
    visita = _bloquear(visita)
    if datos.get("es_jefe") and visita.miembros.filter(es_jefe=True).exists():
        raise ValidationError({"es_jefe": _("La delegación ya tiene jefe.")})
    miembro = MiembroDelegacion(visita=visita, **datos)
    miembro.full_clean()
    miembro.save()
    return miembro


def agenda_del_secretario(actividad: ActividadItinerario, usuario, motivo: str = ""):
    """P002: the entry's activity in the Secretario's agenda, created, updated or cancelled to
    follow «participa el Secretario» and the visit (see
    agenda.services.registrar_actividad_de_visita)."""
    from agenda.services import registrar_actividad_de_visita

    return registrar_actividad_de_visita(actividad, usuario, motivo=motivo)


def _sincronizar_agenda(visita: VisitaInternacional, usuario, motivo: str = "") -> None:
    for actividad in visita.actividades.select_related("actividad_agenda"):
        if actividad.participa_secretario or actividad.actividad_agenda_id:
            actividad.visita = visita
            agenda_del_secretario(actividad, usuario, motivo)


def _errores_de_inicio(visita: VisitaInternacional, inicio) -> dict[str, list[str]]:
    if inicio and (mensajes := mensajes_de_fecha(inicio)):
        return {"inicio": mensajes}
    if inicio and not (
        timezone.localtime(visita.llegada).date()
        <= timezone.localtime(inicio).date()
        <= timezone.localtime(visita.salida).date()
    ):
        return {"inicio": [_("La actividad debe caer entre la llegada y la salida de la visita.")]}
    return {}


@transaction.atomic
def agregar_actividad(*, visita: VisitaInternacional, datos: dict, usuario) -> ActividadItinerario:
    exigir_edicion(usuario, visita)
    visita = _bloquear(visita)
    _exigir_programada(visita)
    if errores := _errores_de_inicio(visita, datos.get("inicio")):
        raise ValidationError(errores)
    actividad = ActividadItinerario(visita=visita, **datos)
    actividad.full_clean()
    actividad.save()
    if actividad.participa_secretario:
        agenda_del_secretario(actividad, usuario)
    return actividad


def _actividad_bloqueada(visita, actividad, usuario) -> tuple:
    exigir_edicion(usuario, visita)
    visita = _bloquear(visita)
    _exigir_programada(visita)
    actividad = ActividadItinerario.objects.select_for_update().get(pk=actividad.pk, visita=visita)
    actividad.visita = visita
    return visita, actividad


@transaction.atomic
def editar_actividad(
    *, visita: VisitaInternacional, actividad: ActividadItinerario, datos: dict, usuario
) -> ActividadItinerario:
    """Change an itinerary entry; the Secretario's agenda follows (updated, or cancelled when
    he no longer takes part)."""
    visita, actividad = _actividad_bloqueada(visita, actividad, usuario)
    if errores := _errores_de_inicio(visita, datos.get("inicio")):
        raise ValidationError(errores)
    for campo, valor in datos.items():
        setattr(actividad, campo, valor)
    actividad.full_clean()
    actividad.save()
    agenda_del_secretario(actividad, usuario)
    return actividad


@transaction.atomic
def quitar_actividad(*, visita: VisitaInternacional, actividad: ActividadItinerario, usuario):
    """Remove an itinerary entry; its activity in the Secretario's agenda is cancelled."""
    visita, actividad = _actividad_bloqueada(visita, actividad, usuario)
    actividad.participa_secretario = False
    agenda_del_secretario(
        actividad, usuario, _("La actividad se retiró del itinerario de la visita.")
    )
    actividad.delete()


@transaction.atomic
def agregar_item(*, visita: VisitaInternacional, datos: dict, usuario) -> ItemProtocolo:
    exigir_edicion(usuario, visita)
    visita = _bloquear(visita)
    _exigir_programada(visita)
    item = ItemProtocolo(visita=visita, **datos)
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def cambiar_estado_item(*, item: ItemProtocolo, estado: str, usuario) -> ItemProtocolo:
    """The Oficina, or the item's responsible person, moves an item of the checklist."""
    item = ItemProtocolo.objects.select_for_update().select_related("visita").get(pk=item.pk)
    if item.responsable_id != usuario.pk and not item.visita.puede_editar(usuario):
        raise PermissionDenied(_("Solo la Oficina o el responsable actualizan este aspecto."))
    if estado not in ItemProtocolo.Estado.values:
        raise ValidationError({"estado": _("Estado desconocido.")})
    item.estado = estado
    item.save(update_fields=["estado"])
    return item


@transaction.atomic
def registrar_resultados(
    *, visita: VisitaInternacional, resultados: str, usuario
) -> VisitaInternacional:
    exigir_edicion(usuario, visita)
    visita = _bloquear(visita)
    _exigir_programada(visita)
    resultados = (resultados or "").strip()
    if not resultados:
        raise ValidationError({"resultados": _("Escriba los resultados de la visita.")})
    if timezone.localtime(visita.llegada).date() > timezone.localdate():
        raise ValidationError(
            {"resultados": _("Los resultados se registran cuando la visita ha comenzado.")}
        )
    visita.resultados = resultados
    visita.resultados_en = timezone.now()
    visita.estado = VisitaInternacional.Estado.REALIZADA
    visita.save()
    from cooperacion.misiones.documentos import FICHA

    FICHA.generar_al_confirmar(visita)
    return visita


@transaction.atomic
def cancelar_visita(*, visita: VisitaInternacional, motivo: str, usuario) -> VisitaInternacional:
    exigir_edicion(usuario, visita)
    visita = _bloquear(visita)
    _exigir_programada(visita)
    motivo = (motivo or "").strip()
    if not motivo:
        raise ValidationError({"motivo": _("Indique el motivo de la cancelación.")})
    visita.estado = VisitaInternacional.Estado.CANCELADA
    visita.motivo_cancelacion = motivo
    # The history keeps 100 characters of the reason; the full text is motivo_cancelacion.
    visita._change_reason = Truncator(motivo).chars(100)
    visita.save()
    _sincronizar_agenda(visita, usuario, _("Se canceló la visita: %(motivo)s") % {"motivo": motivo})
    return visita


@transaction.atomic
def registrar_compromisos(*, visita: VisitaInternacional, compromisos_: list[dict], usuario):
    """Commitments of the visit, on the P005 board (their origin's name keeps the reserve:
    see VisitaInternacional.__str__)."""
    exigir_edicion(usuario, visita)
    if visita.estado == VisitaInternacional.Estado.CANCELADA:
        raise ValidationError(_("Una visita cancelada no adopta compromisos."))
    return compromisos_de(
        visita,
        compromisos_,
        usuario=usuario,
        fecha_origen=min(timezone.localdate(), timezone.localtime(visita.llegada).date()),
    )


@transaction.atomic
def convocar_reunion(*, visita: VisitaInternacional, datos: dict, usuario):
    """A meeting of the visit: a P005 meeting (policy 1), linked back to the visit."""
    exigir_edicion(usuario, visita)
    if visita.estado == VisitaInternacional.Estado.CANCELADA:
        raise ValidationError(_("Una visita cancelada no tiene reuniones."))
    organismo = usuario.organismo if usuario.organismo_id else visita.organismo
    return convocar_desde(visita, organismo=organismo, datos=datos, usuario=usuario)


def recalcular_plazos(*, fecha, motivo: str = "", **kwargs) -> int:
    """The business-day calendar changed on `fecha`: recompute the results deadline of the
    visits still owing them whose window spans that day, with `motivo` in their history."""
    cambiadas = 0
    for visita in VisitaInternacional.objects.filter(
        estado=VisitaInternacional.Estado.PROGRAMADA, fecha_limite_resultados__gte=fecha
    ):
        nuevo = plazo_de_resultados(visita.salida)
        if nuevo != visita.fecha_limite_resultados:
            with transaction.atomic():
                visita.fecha_limite_resultados = nuevo
                visita._change_reason = motivo or _("Cambió el calendario de días hábiles.")
                visita.save(update_fields=["fecha_limite_resultados"])
            cambiadas += 1
    return cambiadas
