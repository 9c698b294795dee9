"""What writes the Secretario's agenda: activities, requests, delegations, meetings, the feed.

Views validate their forms, call one of these functions and turn `ErrorDeEstado` or
`ValidationError` (a dict of messages per field) into a message beside the field. Each
function is one transaction: nothing half-saved.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from agenda.models import (
    DIAS_HABILES_RESPUESTA,
    DURACION_ACTIVIDAD_VISITA,
    DURACION_SESION,
    ROLES_DESPACHO,
    Actividad,
    CalendarioAgenda,
    ErrorDeEstado,
    SolicitudAgenda,
)
from buengobierno.avisos.servicios import notificar, programar_aviso
from buengobierno.documentos.adjuntos import guardar_adjunto
from buengobierno.documentos.formato import fecha_entrada, fecha_hora_larga, frase, rango_horas
from buengobierno.organizacion.acceso import (
    exigir_creacion,
    exigir_edicion,
    tiene_rol,
    usuarios_con_rol,
)
from buengobierno.organizacion.roles import Rol
from buengobierno.plazos.calendario import sumar_dias_habiles
from buengobierno.web.concurrencia import aplicar
from buengobierno.web.entrada import mensajes_de_fecha

Estado = Actividad.Estado
PLANTILLA_SOLICITUD = "aviso_generico"


def _exigir_despacho(usuario) -> None:
    if not tiene_rol(usuario, *ROLES_DESPACHO, Rol.ADMINISTRADOR):
        raise PermissionDenied(_("Solo el Despacho de Gobierno gestiona la agenda del Secretario."))


def errores_de_horario(inicio, fin) -> dict[str, list[str]]:
    errores = {}
    for campo, valor in (("inicio", inicio), ("fin", fin)):
        mensajes = mensajes_de_fecha(valor) if valor else []
        if mensajes:
            errores[campo] = mensajes
    if not errores and inicio and fin and fin < inicio:
        errores["fin"] = [_("La actividad no puede terminar antes de empezar.")]
    return errores


def _guardar_documentos(actividad, archivos, usuario) -> None:
    for archivo in archivos:
        if archivo:
            guardar_adjunto(
                objeto=actividad,
                archivo=archivo,
                usuario=usuario,
                descripcion=_("Documento de preparación"),
            )


# --- conflicts -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cruce:
    """Something else that takes the Secretario's time in the same hours."""

    titulo: str
    inicio: object
    fin: object
    url: str

    @property
    def horario(self) -> str:
        return rango_horas(self.inicio, self.fin)


def sesiones_del_secretario(desde, hasta):
    """P001 sessions the Secretario attends that overlap [desde, hasta) (each taken to last
    DURACION_SESION)."""
    from delegaciones.models import Sesion

    return Sesion.objects.filter(
        asistencia=Sesion.Asistencia.SECRETARIO,
        inicio__lt=hasta,
        inicio__gt=desde - DURACION_SESION,
    ).select_related("instancia")


def cruces(inicio, fin, *, excluir=None) -> list[Cruce]:
    """Confirmed activities he attends and his P001 sessions overlapping [inicio, fin)."""
    if not inicio or not fin:
        return []
    actividades = Actividad.objects.entre(inicio, max(fin, inicio + timedelta(minutes=1))).filter(
        estado=Estado.CONFIRMADA, participacion=Actividad.Participacion.PRESENCIAL
    )
    if excluir is not None:
        actividades = actividades.exclude(pk=excluir)
    encontrados = [
        Cruce(a.titulo, a.inicio, a.fin, a.get_absolute_url())
        for a in actividades.order_by("inicio")
    ]
    for sesion in sesiones_del_secretario(inicio, fin):
        encontrados.append(
            Cruce(
                str(sesion.instancia),
                sesion.inicio,
                sesion.inicio + DURACION_SESION,
                sesion.get_absolute_url(),
            )
        )
    return encontrados


def mensaje_de_cruces(encontrados: list[Cruce]) -> str:
    return frase(
        _("Cruce de horario con: %(lista)s")
        % {"lista": "; ".join(f"{c.titulo} ({c.horario})" for c in encontrados)}
    )


# --- activities ------------------------------------------------------------------------------


@transaction.atomic
def registrar_actividad(*, datos: dict, usuario, archivos=(), solicitud=None) -> Actividad:
    """A new activity of the agenda. Raises ValidationError per field (end before start)."""
    _exigir_despacho(usuario)
    exigir_creacion(usuario, Actividad)
    errores = errores_de_horario(datos.get("inicio"), datos.get("fin"))
    if errores:
        raise ValidationError(errores)
    actividad = Actividad(**datos, creado_por=usuario)
    actividad.full_clean(exclude=["creado_por", "delegacion", "reunion"])
    actividad.save()
    _guardar_documentos(actividad, archivos, usuario)
    return actividad


@transaction.atomic
def actualizar_actividad(
    *, actividad: Actividad, datos: dict, usuario, archivos=(), base=None
) -> Actividad:
    """Change an activity's data. `base`: what the editor's form showed (see
    buengobierno.web.concurrencia); a field changed meanwhile by someone else and also here
    raises EdicionEnConflicto and nothing is saved."""
    actividad = Actividad.objects.select_for_update().get(pk=actividad.pk)
    exigir_edicion(usuario, actividad)
    errores = errores_de_horario(
        datos.get("inicio", actividad.inicio), datos.get("fin", actividad.fin)
    )
    if errores:
        raise ValidationError(errores)
    nuevo = datos.get("estado", actividad.estado)
    if nuevo != actividad.estado and not actividad.puede_pasar_a(nuevo):
        mensaje = _("Una actividad %(estado)s no puede pasar a %(nuevo)s.") % {
            "estado": actividad.get_estado_display().lower(),
            "nuevo": Estado(nuevo).label.lower(),
        }
        raise ValidationError({"estado": [mensaje]})
    aplicar(actividad, datos=datos, base=base, excluir=["creado_por", "delegacion", "reunion"])
    _guardar_documentos(actividad, archivos, usuario)
    return actividad


def _bloquear(actividad: Actividad, usuario) -> Actividad:
    actividad = Actividad.objects.select_for_update().get(pk=actividad.pk)
    exigir_edicion(usuario, actividad)
    return actividad


def _cambiar_estado(actividad: Actividad, nuevo: str) -> None:
    if not actividad.puede_pasar_a(nuevo):
        raise ErrorDeEstado(
            _("Esta actividad está %(estado)s: no puede quedar %(nuevo)s.")
            % {
                "estado": actividad.get_estado_display().lower(),
                "nuevo": Estado(nuevo).label.lower(),
            }
        )
    actividad.estado = nuevo


@transaction.atomic
def confirmar_actividad(*, actividad: Actividad, usuario) -> Actividad:
    actividad = _bloquear(actividad, usuario)
    _cambiar_estado(actividad, Estado.CONFIRMADA)
    actividad.save(update_fields=["estado"])
    return actividad


@transaction.atomic
def marcar_realizada(*, actividad: Actividad, usuario) -> Actividad:
    actividad = _bloquear(actividad, usuario)
    if actividad.inicio > timezone.now():
        raise ErrorDeEstado(_("La actividad aún no ha empezado."))
    _cambiar_estado(actividad, Estado.REALIZADA)
    actividad.save(update_fields=["estado"])
    return actividad


@transaction.atomic
def cancelar_actividad(*, actividad: Actividad, usuario, motivo: str) -> Actividad:
    actividad = _bloquear(actividad, usuario)
    if not (motivo or "").strip():
        raise ValidationError({"motivo": [_("Escriba por qué se cancela.")]})
    _cambiar_estado(actividad, Estado.CANCELADA)
    actividad.motivo_cancelacion = motivo.strip()
    actividad.save(update_fields=["estado", "motivo_cancelacion"])
    return actividad


@transaction.atomic
def declinar_actividad(*, actividad: Actividad, usuario, motivo: str) -> Actividad:
    """The Secretario does not take part: the reason is kept and the entry leaves his time."""
    actividad = _bloquear(actividad, usuario)
    if not (motivo or "").strip():
        raise ValidationError({"motivo": [_("Escriba por qué se declina.")]})
    if actividad.estado in (Estado.CANCELADA, Estado.REALIZADA) or actividad.delegacion_id:
        raise ErrorDeEstado(_("Esta actividad ya no se puede declinar."))
    actividad.participacion = Actividad.Participacion.DECLINADA
    actividad.motivo_declinacion = motivo.strip()
    actividad.save(update_fields=["participacion", "motivo_declinacion"])
    return actividad


@transaction.atomic
def delegar_actividad(*, actividad: Actividad, delegado, instrucciones: str, usuario) -> Actividad:
    """Someone represents the Secretario: a P001 delegation with him as delegating authority,
    whose letter and ficha técnica are owed as for any delegation."""
    from delegaciones.services import delegar_representacion_del_secretario

    actividad = _bloquear(actividad, usuario)
    if actividad.estado in (Estado.CANCELADA, Estado.REALIZADA) or actividad.delegacion_id:
        raise ErrorDeEstado(_("Esta actividad ya no se puede delegar."))
    if delegado is None:
        raise ValidationError({"delegado": [_("Elija a quién se delega.")]})
    delegacion = delegar_representacion_del_secretario(
        organismo=actividad.organismo,
        entidad=actividad.organismo.nombre,
        inicio=actividad.inicio,
        lugar=actividad.lugar,
        enlace_virtual=actividad.enlace_virtual,
        temas=actividad.titulo,
        delegado=delegado,
        instrucciones=instrucciones,
        usuario=usuario,
    )
    actividad.delegacion = delegacion
    actividad.participacion = Actividad.Participacion.DELEGADA
    actividad.save(update_fields=["delegacion", "participacion"])
    return actividad


@transaction.atomic
def abrir_reunion(*, actividad: Actividad, usuario):
    """The P005 meeting of a reunión or a Consejo de Gobierno (policy 1): its acta is numbered
    (for the Consejo) and its commitments land on the follow-up board. Opened once."""
    from compromisos.apps import CONSEJO_DE_GOBIERNO
    from compromisos.models import TipoReunion
    from compromisos.services import convocar_reunion

    actividad = _bloquear(actividad, usuario)
    if actividad.reunion_id:
        return actividad.reunion
    if not actividad.abre_reunion:
        raise ErrorDeEstado(_("Solo una reunión o un Consejo de Gobierno abre una reunión P005."))
    if actividad.estado == Estado.CANCELADA:
        raise ErrorDeEstado(_("La actividad está cancelada."))
    nombre = CONSEJO_DE_GOBIERNO if actividad.tipo == Actividad.Tipo.CONSEJO else "Mesa de trabajo"
    tipo = TipoReunion.objects.filter(nombre=nombre).first() or TipoReunion.objects.first()
    reunion = convocar_reunion(
        tipo=tipo,
        titulo=actividad.titulo,
        inicio=actividad.inicio,
        fin=actividad.fin,
        organismo_convocante=actividad.organismo,
        puntos=[],
        invitados=[],
        creado_por=usuario,
        objetivo=actividad.notas,
        lugar=actividad.lugar,
        enlace_virtual=actividad.enlace_virtual,
        origen=actividad,
    )
    actividad.reunion = reunion
    actividad.save(update_fields=["reunion"])
    return reunion


# --- activities of P008 visits --------------------------------------------------------------


def _vigente(actividad: Actividad | None) -> bool:
    return actividad is not None and actividad.estado in (Estado.TENTATIVA, Estado.CONFIRMADA)


@transaction.atomic
def registrar_actividad_de_visita(actividad_itinerario, usuario, *, motivo: str = ""):
    """Keep the Secretario's agenda in step with one entry of a P008 visit's itinerary.

    While the entry says «participa el Secretario» and the visit is programmed, it has a
    confirmed activity of type visita (created once, then updated: title, hours, place,
    organism, privacy). A reserved visit gives a private activity (others read «Ocupado») whose
    title does not name the visiting institution. Otherwise a still open activity is cancelled
    with `motivo`. Whoever may edit the visit may do this (the visit's access was checked).
    Returns the entry's agenda activity (None when it never had one).
    """
    from cooperacion.misiones.models import VisitaInternacional

    visita = actividad_itinerario.visita
    exigir_edicion(usuario, visita)
    vinculada = actividad_itinerario.actividad_agenda
    if vinculada is not None:
        vinculada = Actividad.objects.select_for_update().get(pk=vinculada.pk)
        actividad_itinerario.actividad_agenda = vinculada
    participa = (
        actividad_itinerario.pk is not None
        and actividad_itinerario.participa_secretario
        and visita.estado == VisitaInternacional.Estado.PROGRAMADA
    )
    if not participa:
        if _vigente(vinculada):
            vinculada.estado = Estado.CANCELADA
            vinculada.motivo_cancelacion = motivo or _(
                "El Secretario ya no participa en esta actividad de la visita."
            )
            vinculada._change_reason = Truncator(vinculada.motivo_cancelacion).chars(100)
            vinculada.save(update_fields=["estado", "motivo_cancelacion"])
        return vinculada
    datos = {
        "titulo": f"{actividad_itinerario.actividad} — {visita}"[:200],
        "tipo": Actividad.Tipo.VISITA,
        "inicio": actividad_itinerario.inicio,
        "fin": actividad_itinerario.inicio + DURACION_ACTIVIDAD_VISITA,
        "lugar": actividad_itinerario.lugar,
        "organismo": visita.organismo,
        "privada": visita.reservada,
    }
    if _vigente(vinculada):
        cambios = [campo for campo, valor in datos.items() if getattr(vinculada, campo) != valor]
        if cambios:
            for campo in cambios:
                setattr(vinculada, campo, datos[campo])
            vinculada._change_reason = Truncator(
                motivo or _("Cambió el itinerario de la visita.")
            ).chars(100)
            vinculada.save(update_fields=cambios)
        return vinculada
    if vinculada is not None and vinculada.estado == Estado.REALIZADA:
        return vinculada
    nueva = Actividad(
        **datos,
        contacto=str(actividad_itinerario.anfitrion),
        estado=Estado.CONFIRMADA,
        creado_por=usuario,
    )
    nueva.full_clean(exclude=["creado_por", "delegacion", "reunion"])
    nueva.save()
    actividad_itinerario.actividad_agenda = nueva
    actividad_itinerario.save(update_fields=["actividad_agenda"])
    return nueva


# --- requests for his presence ---------------------------------------------------------------


def plazo_de_respuesta(solicitud: SolicitudAgenda):
    return sumar_dias_habiles(
        timezone.localtime(solicitud.creado_en).date(), DIAS_HABILES_RESPUESTA
    )


def _despacho():
    return usuarios_con_rol(Rol.DESPACHO)


@transaction.atomic
def solicitar(*, datos: dict, usuario, archivos=()) -> SolicitudAgenda:
    """An organism asks for the Secretario's presence; the Despacho is told."""
    exigir_creacion(usuario, SolicitudAgenda)
    errores = {}
    if not datos.get("fecha_propuesta"):
        errores["fecha_propuesta"] = [_("Proponga al menos una fecha y hora.")]
    for campo in ("fecha_propuesta", "fecha_alterna"):
        if datos.get(campo) and (mensajes := mensajes_de_fecha(datos[campo])):
            errores[campo] = mensajes
    if errores:
        raise ValidationError(errores)
    organismo = datos.pop("organismo", None) or usuario.organismo
    if organismo is None:
        raise ValidationError(
            {"tema": [_("Su usuario no tiene organismo: pida al administrador que se lo asigne.")]}
        )
    solicitud = SolicitudAgenda(**datos, organismo=organismo, solicitante=usuario)
    solicitud.fecha_limite_respuesta = plazo_de_respuesta(solicitud)
    solicitud.full_clean(exclude=["solicitante", "organismo"])
    solicitud.save()
    for archivo in archivos:
        if archivo:
            guardar_adjunto(
                objeto=solicitud, archivo=archivo, usuario=usuario, descripcion=_("Soporte")
            )
    for persona in _despacho():
        notificar(
            destinatario=persona,
            titulo=_("Nueva solicitud de agenda: %(tema)s") % {"tema": solicitud.tema},
            mensaje=frase(
                _("%(organismo)s pide la presencia del Secretario el %(fecha)s")
                % {"organismo": organismo, "fecha": fecha_hora_larga(solicitud.fecha_propuesta)}
            ),
            url=solicitud.get_absolute_url(),
            objeto=solicitud,
        )
    return solicitud


def _bloquear_solicitud(solicitud: SolicitudAgenda, usuario, *, despacho=True) -> SolicitudAgenda:
    solicitud = (
        SolicitudAgenda.objects.select_for_update()
        .select_related("organismo", "solicitante")
        .get(pk=solicitud.pk)
    )
    exigir_edicion(usuario, solicitud)
    if despacho:
        _exigir_despacho(usuario)
    if not solicitud.abierta:
        raise ErrorDeEstado(
            _("Esta solicitud ya fue respondida (%(estado)s).")
            % {"estado": solicitud.get_estado_display().lower()}
        )
    return solicitud


def _avisar_al_solicitante(solicitud: SolicitudAgenda, titulo: str, mensaje: str) -> None:
    programar_aviso(
        objeto=solicitud,
        paso=f"{solicitud.estado}:{solicitud.resuelta_en:%Y%m%d%H%M%S%f}",
        destinatario=solicitud.solicitante,
        plantilla=PLANTILLA_SOLICITUD,
        contexto={"titulo": str(titulo), "mensaje": str(mensaje)},
    )


def _resolver(solicitud, usuario, estado, respuesta="") -> None:
    solicitud.estado = estado
    solicitud.respuesta = (respuesta or "").strip()
    solicitud.resuelta_por = usuario
    solicitud.resuelta_en = timezone.now()


def _actividad_de(solicitud: SolicitudAgenda, inicio, usuario, estado=Estado.CONFIRMADA):
    return registrar_actividad(
        datos={
            "titulo": solicitud.tema[:200],
            "tipo": solicitud.tipo,
            "inicio": inicio,
            "fin": inicio + timedelta(minutes=solicitud.duracion_minutos),
            "lugar": solicitud.lugar,
            "organismo": solicitud.organismo,
            "contacto": str(solicitud.solicitante),
            "notas": "",
            "estado": estado,
        },
        usuario=usuario,
    )


@transaction.atomic
def aprobar_solicitud(
    *, solicitud: SolicitudAgenda, usuario, respuesta: str = "", usar_alterna=False
) -> SolicitudAgenda:
    """The Despacho accepts: the request becomes a confirmed activity of the agenda."""
    solicitud = _bloquear_solicitud(solicitud, usuario)
    inicio = (
        solicitud.fecha_alterna
        if usar_alterna and solicitud.fecha_alterna
        else solicitud.fecha_contrapropuesta or solicitud.fecha_propuesta
    )
    solicitud.actividad = _actividad_de(solicitud, inicio, usuario)
    _resolver(solicitud, usuario, SolicitudAgenda.Estado.APROBADA, respuesta)
    solicitud.save()
    _avisar_al_solicitante(
        solicitud,
        _("El Secretario asistirá: %(tema)s") % {"tema": solicitud.tema},
        frase(_("Quedó en la agenda el %(fecha)s") % {"fecha": fecha_hora_larga(inicio)}),
    )
    return solicitud


@transaction.atomic
def proponer_otra_fecha(
    *, solicitud: SolicitudAgenda, usuario, fecha, respuesta: str = ""
) -> SolicitudAgenda:
    solicitud = _bloquear_solicitud(solicitud, usuario)
    if not fecha:
        raise ValidationError({"fecha": [_("Escriba la fecha y hora que propone.")]})
    if mensajes := mensajes_de_fecha(fecha):
        raise ValidationError({"fecha": mensajes})
    solicitud.fecha_contrapropuesta = fecha
    _resolver(solicitud, usuario, SolicitudAgenda.Estado.OTRA_FECHA, respuesta)
    solicitud.save()
    _avisar_al_solicitante(
        solicitud,
        _("El Despacho propone otra fecha: %(tema)s") % {"tema": solicitud.tema},
        _("Propone el %(fecha)s; acéptela en la solicitud o escriba al Despacho.")
        % {"fecha": fecha_hora_larga(fecha)},
    )
    return solicitud


@transaction.atomic
def aceptar_otra_fecha(*, solicitud: SolicitudAgenda, usuario) -> SolicitudAgenda:
    """The requester accepts the time the Despacho proposed: it goes into the agenda."""
    solicitud = _bloquear_solicitud(solicitud, usuario, despacho=False)
    if solicitud.estado != SolicitudAgenda.Estado.OTRA_FECHA:
        raise ErrorDeEstado(_("El Despacho no ha propuesto otra fecha."))
    if solicitud.solicitante_id != usuario.pk and not tiene_rol(usuario, *ROLES_DESPACHO):
        raise PermissionDenied(_("Solo quien hizo la solicitud acepta la nueva fecha."))
    # The Despacho proposed it: the activity is written on its behalf.
    autor = solicitud.resuelta_por or usuario
    solicitud.actividad = _actividad_de(solicitud, solicitud.fecha_contrapropuesta, autor)
    _resolver(solicitud, autor, SolicitudAgenda.Estado.APROBADA, solicitud.respuesta)
    solicitud.save()
    for persona in _despacho():
        notificar(
            destinatario=persona,
            titulo=_("Nueva fecha aceptada: %(tema)s") % {"tema": solicitud.tema},
            url=solicitud.actividad.get_absolute_url(),
            objeto=solicitud,
        )
    return solicitud


@transaction.atomic
def declinar_solicitud(*, solicitud: SolicitudAgenda, usuario, respuesta: str) -> SolicitudAgenda:
    solicitud = _bloquear_solicitud(solicitud, usuario)
    if not (respuesta or "").strip():
        raise ValidationError({"respuesta": [_("Escriba por qué se declina.")]})
    _resolver(solicitud, usuario, SolicitudAgenda.Estado.DECLINADA, respuesta)
    solicitud.save()
    _avisar_al_solicitante(
        solicitud,
        _("El Secretario no podrá asistir: %(tema)s") % {"tema": solicitud.tema},
        solicitud.respuesta,
    )
    return solicitud


@transaction.atomic
def delegar_solicitud(
    *, solicitud: SolicitudAgenda, usuario, delegado, instrucciones: str
) -> SolicitudAgenda:
    """Someone goes in his name: an activity (delegated) and its P001 delegation."""
    solicitud = _bloquear_solicitud(solicitud, usuario)
    if not (instrucciones or "").strip():
        raise ValidationError({"instrucciones": [_("Escriba las instrucciones para el delegado.")]})
    actividad = _actividad_de(
        solicitud, solicitud.fecha_contrapropuesta or solicitud.fecha_propuesta, usuario
    )
    actividad = delegar_actividad(
        actividad=actividad, delegado=delegado, instrucciones=instrucciones, usuario=usuario
    )
    solicitud.actividad = actividad
    _resolver(
        solicitud,
        usuario,
        SolicitudAgenda.Estado.DELEGADA,
        _("Asistirá %(delegado)s en representación del Secretario.") % {"delegado": delegado},
    )
    solicitud.save()
    _avisar_al_solicitante(
        solicitud,
        _("Se delegó la representación del Secretario: %(tema)s") % {"tema": solicitud.tema},
        solicitud.respuesta,
    )
    return solicitud


def recalcular_plazos(*, fecha, motivo: str = "", **kwargs) -> int:
    """The calendar changed on `fecha` (buengobierno.plazos.senales): recompute the answer
    deadline of the pending requests it can move, each saved with `motivo` in its history."""
    cambiadas = 0
    pendientes = SolicitudAgenda.objects.filter(
        estado=SolicitudAgenda.Estado.PENDIENTE, fecha_limite_respuesta__gte=fecha
    )
    for solicitud in pendientes:
        nuevo = plazo_de_respuesta(solicitud)
        if nuevo != solicitud.fecha_limite_respuesta:
            solicitud.fecha_limite_respuesta = nuevo
            solicitud._change_reason = motivo
            solicitud.save(update_fields=["fecha_limite_respuesta"])
            cambiadas += 1
    return cambiadas


# --- the calendar feed -----------------------------------------------------------------------


def calendario_de(usuario) -> CalendarioAgenda | None:
    return CalendarioAgenda.objects.filter(usuario=usuario).first()


@transaction.atomic
def generar_calendario(*, usuario) -> CalendarioAgenda:
    """A new secret URL (the previous one, if any, stops working at once)."""
    CalendarioAgenda.objects.filter(usuario=usuario).delete()
    return CalendarioAgenda.objects.create(usuario=usuario)


@transaction.atomic
def revocar_calendario(*, usuario) -> None:
    CalendarioAgenda.objects.filter(usuario=usuario).delete()


def url_del_dia(fecha) -> str:
    return reverse("agenda:inicio") + f"?vista=dia&fecha={fecha_entrada(fecha)}"


def actividades_del_dia(fecha, usuario=None):
    """The activities of one day (cancelled ones left out), in order."""
    inicio = timezone.make_aware(datetime.combine(fecha, time.min))
    consulta = (
        Actividad.objects.all() if usuario is None else Actividad.objects.visibles_para(usuario)
    )
    return (
        consulta.entre(inicio, inicio + timedelta(days=1))
        .vigentes()
        .select_related("organismo", "delegacion__delegado")
        .order_by("inicio", "pk")
    )
