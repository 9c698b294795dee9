"""P001 reminders, through the platform's engine (buengobierno.avisos).

One periodic scan, every working hour (the first run, 7:10, is the morning's):
- once the letter is signed: sent by services.registrar_firma (step "notificada");
- a delegation still unanswered (notificada) two business days before the session: reminded
  to the delegate; the business day before the session: escalated to the Despacho;
- the business day after the session (never while it takes place), to the delegate: the
  ficha is owed, with its deadline;
- the morning of the due day, to the delegate: the ficha is due today;
- when overdue: to the delegate, and escalated to the head of the delegate's organism
  (Organismo.jefe; the Secretario de Gobierno when the delegate is that head) and to every
  person of the Despacho de Gobierno.
Each step is keyed by the deadline, so a session that moves reminds again; the ledger
(programar_aviso) makes each (delegation, step, person) go out once, however many workers
scan at once. The scan selects in SQL only what is due and not in the ledger (NOT EXISTS).
"""

from datetime import datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    Case,
    CharField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from buengobierno.avisos.consultas import paso_con_fecha, reclamado, tipo_segun_fecha
from buengobierno.avisos.models import Recordatorio
from buengobierno.avisos.registro import escaneo
from buengobierno.avisos.servicios import programar_aviso
from buengobierno.documentos.formato import fecha_larga
from buengobierno.organizacion.acceso import usuarios_con_rol
from buengobierno.organizacion.models import Usuario
from buengobierno.organizacion.roles import Rol
from buengobierno.plazos.calendario import es_dia_habil, sumar_dias_habiles
from delegaciones.models import DIAS_HABILES_FICHA, Delegacion, condicion_devuelta
from delegaciones.services import secretarios_de_gobierno

PLANTILLA_FICHA = "delegaciones/ficha_pendiente"
PLANTILLA_ESCALAMIENTO = "delegaciones/ficha_escalada"
PLANTILLA_SIN_RESPUESTA = "delegaciones/sin_respuesta"
# Business days before the session: the unanswered delegate is reminded, then the Despacho told.
DIAS_RECORDAR_RESPUESTA = 2
DIAS_ESCALAR_RESPUESTA = 1


def _mensaje(tipo: str, delegacion: Delegacion) -> str:
    fecha = fecha_larga(delegacion.fecha_limite_ficha)
    if tipo == "ficha_pendiente":
        return _("Envíe la ficha técnica de la sesión a más tardar el %(fecha)s.") % {
            "fecha": fecha
        }
    if tipo == "ficha_vence_hoy":
        return _("Hoy vence el plazo para enviar la ficha técnica de la sesión.")
    return _("La ficha técnica venció el %(fecha)s y aún no se ha enviado.") % {"fecha": fecha}


def _adeudadas(hoy):
    """Sessions already held whose ficha is owed (indexed on estado, fecha_limite_ficha), with
    the step of their delegate's reminder. A range, never a date equality, so a missed run is
    caught up by the next."""
    tipo = tipo_segun_fecha(
        "fecha_limite_ficha",
        hoy,
        antes="ficha_pendiente",
        ese_dia="ficha_vence_hoy",
        despues="ficha_vencida",
    )
    # The first reminder goes the business day after the session, never while it is taking
    # place: the session fell before the last business day up to today.
    ultimo_habil = hoy if es_dia_habil(hoy) else sumar_dias_habiles(hoy, -1)
    return (
        Delegacion.objects.sin_ficha()
        .filter(
            sesion__inicio__lt=min(
                timezone.now(), timezone.make_aware(datetime.combine(ultimo_habil, time.min))
            )
        )
        .annotate(tipo=tipo, paso=paso_con_fecha(tipo, "fecha_limite_ficha"))
        .select_related("sesion__instancia", "delegado", "organismo__jefe")
        .order_by("fecha_limite_ficha", "pk")
    )


def _sin_avisar(quienes: Q, paso: str):
    """The people `quienes` (never the delegate) not yet told step `paso` (an annotation of
    the outer delegation query): for Exists(), so only what is still due is selected."""
    return (
        Usuario.objects.filter(is_active=True)
        .filter(quienes)
        .exclude(pk=OuterRef("delegado"))
        .exclude(
            Exists(
                Recordatorio.objects.filter(
                    content_type=ContentType.objects.get_for_model(Delegacion),
                    object_id=OuterRef(OuterRef("pk")),
                    paso=OuterRef(OuterRef(paso)),
                    destinatario=OuterRef("pk"),
                )
            )
        )
    )


def _secretario_si_es_el_jefe():
    """The Secretario de Gobierno's id when the delegate heads their organism (the escalation
    goes above them), else NULL: an annotation of a delegation query."""
    return Case(
        When(
            delegado=F("organismo__jefe"),
            then=Subquery(secretarios_de_gobierno().values("pk")[:1]),
        ),
        default=Value(None),
        output_field=IntegerField(),
    )


def escalamientos_debidos(hoy, despacho_ids):
    """Overdue fichas with someone to escalate to (the head of the delegate's organism, or the
    Secretario de Gobierno when the delegate is that head; each person of the Despacho; never
    the delegate) who was not told yet."""
    sin_avisar = _sin_avisar(
        Q(pk__in=despacho_ids)
        | Q(pk=OuterRef("organismo__jefe"))
        | Q(pk=OuterRef("secretario_escalada")),
        "paso_escalada",
    )
    return (
        _adeudadas(hoy)
        .filter(fecha_limite_ficha__lt=hoy)
        .annotate(
            paso_escalada=paso_con_fecha("escalada", "fecha_limite_ficha"),
            secretario_escalada=_secretario_si_es_el_jefe(),
        )
        .filter(Exists(sin_avisar))
    )


def avisar_fichas(*, hoy=None) -> int:
    """Reminders and escalations of owed fichas; returns how many were scheduled now. Selects
    only what is due and not yet in the ledger, so a run with nothing new costs a few queries."""
    hoy = hoy or timezone.localdate()
    programados = 0
    recordar = _adeudadas(hoy).exclude(
        reclamado(Delegacion, paso=OuterRef("paso"), destinatario="delegado")
    )
    for delegacion in recordar:
        aviso = programar_aviso(
            objeto=delegacion,
            paso=delegacion.paso,
            destinatario=delegacion.delegado,
            plantilla=PLANTILLA_FICHA,
            contexto={"tipo": delegacion.tipo, "mensaje": _mensaje(delegacion.tipo, delegacion)},
        )
        programados += aviso is not None
    despacho = list(usuarios_con_rol(Rol.DESPACHO))
    for delegacion in escalamientos_debidos(hoy, [p.pk for p in despacho]):
        escalamiento = _("La ficha técnica de %(persona)s venció el %(fecha)s.") % {
            "persona": delegacion.delegado,
            "fecha": fecha_larga(delegacion.fecha_limite_ficha),
        }
        programados += _escalar_vencida(delegacion, despacho, escalamiento)
    return programados


def _escalar_vencida(delegacion, despacho, mensaje: str) -> int:
    """An overdue ficha to the head of the delegate's organism (the Secretario when the
    delegate is that head, `secretario_escalada`) and the Despacho, at `paso_escalada`."""
    jefe = delegacion.organismo.jefe if delegacion.organismo_id else None
    if jefe is not None and jefe.pk == delegacion.delegado_id:
        jefe = Usuario.objects.filter(pk=delegacion.secretario_escalada).first()
    return _escalar(
        delegacion,
        [jefe, *despacho],
        paso=delegacion.paso_escalada,
        plantilla=PLANTILLA_ESCALAMIENTO,
        contexto={"tipo": "escalada", "mensaje": mensaje},
    )


def _escalar(delegacion, personas, *, paso: str, plantilla: str, contexto: dict) -> int:
    """Schedule step `paso` to each active person of `personas` once (never the delegate);
    returns how many were scheduled now."""
    programados = 0
    for persona in {p.pk: p for p in personas if p is not None}.values():
        if persona.is_active and persona.pk != delegacion.delegado_id:
            aviso = programar_aviso(
                objeto=delegacion,
                paso=paso,
                destinatario=persona,
                plantilla=plantilla,
                contexto=contexto,
            )
            programados += aviso is not None
    return programados


def _sin_respuesta(hoy, dias: int, paso: str):
    """Delegations still unanswered (notificada) whose session, not started yet, falls within
    `dias` business days of `hoy`: the reminder's date is the session's minus `dias`, and a
    range (never an equality) lets a missed run be caught up. The step is keyed by the ficha's
    deadline, which follows the session: a session that moves reminds again."""
    limite = sumar_dias_habiles(hoy, dias)
    antes_de = timezone.make_aware(datetime.combine(limite + timedelta(days=1), time.min))
    return (
        Delegacion.objects.filter(
            estado=Delegacion.Estado.NOTIFICADA,
            # Served by the index (estado, fecha_limite_ficha): the deadline is the session's
            # date plus three business days.
            fecha_limite_ficha__lte=sumar_dias_habiles(limite, DIAS_HABILES_FICHA),
            sesion__inicio__gt=timezone.now(),
            sesion__inicio__lt=antes_de,
        )
        .annotate(paso=paso_con_fecha(paso, "fecha_limite_ficha"))
        .select_related("sesion__instancia", "delegado")
        .order_by("sesion__inicio", "pk")
    )


def avisar_sin_respuesta(*, hoy=None) -> int:
    """Remind the delegate who has not accepted nor rejected two business days before the
    session, and tell the Despacho the business day before; returns how many were scheduled."""
    hoy = hoy or timezone.localdate()
    programados = 0
    inicio_de_hoy = timezone.make_aware(datetime.combine(hoy, time.min))
    recordar = (
        _sin_respuesta(hoy, DIAS_RECORDAR_RESPUESTA, "sin_respuesta")
        # Notified today: the notice itself is the reminder.
        .filter(notificada_en__lt=inicio_de_hoy)
        .exclude(reclamado(Delegacion, paso=OuterRef("paso"), destinatario="delegado"))
    )
    for delegacion in recordar:
        mensaje = _(
            "Aún no ha aceptado ni rechazado la delegación para la sesión del %(fecha)s. "
            "Respóndala hoy para que el Despacho sepa si cuenta con usted."
        ) % {"fecha": fecha_larga(delegacion.sesion.fecha)}
        aviso = programar_aviso(
            objeto=delegacion,
            paso=delegacion.paso,
            destinatario=delegacion.delegado,
            plantilla=PLANTILLA_SIN_RESPUESTA,
            contexto={"tipo": "sin_respuesta", "mensaje": mensaje},
        )
        programados += aviso is not None
    despacho = list(usuarios_con_rol(Rol.DESPACHO))
    sin_avisar = _sin_avisar(Q(pk__in=[p.pk for p in despacho]), "paso")
    escalar = _sin_respuesta(hoy, DIAS_ESCALAR_RESPUESTA, "sin_respuesta_escalada").filter(
        Exists(sin_avisar)
    )
    for delegacion in escalar:
        mensaje = _(
            "%(persona)s no ha aceptado ni rechazado la delegación y la sesión es el %(fecha)s: "
            "confirme su asistencia o delegue en otra persona."
        ) % {"persona": delegacion.delegado, "fecha": fecha_larga(delegacion.sesion.fecha)}
        programados += _escalar(
            delegacion,
            despacho,
            paso=delegacion.paso,
            plantilla=PLANTILLA_SIN_RESPUESTA,
            contexto={"tipo": "sin_respuesta_escalada", "mensaje": mensaje},
        )
    return programados


def avisar_devueltas(*, hoy=None) -> int:
    """A ficha returned by the Despacho and not sent back: on its new deadline (three business
    days from the return) the delegate is reminded; once past, reminded and escalated as an
    overdue ficha. Keyed by the new deadline; returns how many were scheduled now."""
    hoy = hoy or timezone.localdate()
    tipo = Case(
        When(ficha__plazo_reenvio=hoy, then=Value("reenvio_vence_hoy")),
        default=Value("reenvio_vencida"),
        output_field=CharField(),
    )
    devueltas = (
        Delegacion.objects.filter(condicion_devuelta(plazo_reenvio__lte=hoy))
        .annotate(
            tipo=tipo,
            paso=paso_con_fecha(tipo, "ficha__plazo_reenvio"),
            paso_escalada=paso_con_fecha("reenvio_escalada", "ficha__plazo_reenvio"),
            secretario_escalada=_secretario_si_es_el_jefe(),
        )
        .select_related("sesion__instancia", "delegado", "organismo__jefe", "ficha")
        .order_by("pk")
    )
    programados = 0
    for delegacion in devueltas.exclude(
        reclamado(Delegacion, paso=OuterRef("paso"), destinatario="delegado")
    ):
        plazo = fecha_larga(delegacion.ficha.plazo_reenvio)
        if delegacion.tipo == "reenvio_vence_hoy":
            mensaje = _("Hoy vence el nuevo plazo para enviar la ficha técnica completada.")
        else:
            mensaje = _(
                "El nuevo plazo para enviar la ficha técnica completada venció el %(fecha)s."
            ) % {"fecha": plazo}
        aviso = programar_aviso(
            objeto=delegacion,
            paso=delegacion.paso,
            destinatario=delegacion.delegado,
            plantilla=PLANTILLA_FICHA,
            contexto={"tipo": delegacion.tipo.replace("reenvio_", "ficha_"), "mensaje": mensaje},
        )
        programados += aviso is not None
    despacho = list(usuarios_con_rol(Rol.DESPACHO))
    sin_avisar = _sin_avisar(
        Q(pk__in=[p.pk for p in despacho])
        | Q(pk=OuterRef("organismo__jefe"))
        | Q(pk=OuterRef("secretario_escalada")),
        "paso_escalada",
    )
    for delegacion in devueltas.filter(ficha__plazo_reenvio__lt=hoy).filter(Exists(sin_avisar)):
        escalamiento = _(
            "La ficha técnica que el Despacho devolvió a %(persona)s para completarla venció "
            "el %(fecha)s sin reenviarse."
        ) % {"persona": delegacion.delegado, "fecha": fecha_larga(delegacion.ficha.plazo_reenvio)}
        programados += _escalar_vencida(delegacion, despacho, escalamiento)
    return programados


@escaneo(
    "delegaciones",
    descripcion=gettext_lazy(
        "Delegaciones sin respuesta antes de la sesión; fichas técnicas de delegación "
        "pendientes, que vencen hoy y vencidas, con escalamiento al jefe del organismo y al "
        "Despacho"
    ),
    crontab={"minute": "10", "hour": "7-18"},
)
def avisar_delegaciones() -> int:
    return avisar_sin_respuesta() + avisar_fichas() + avisar_devueltas()
