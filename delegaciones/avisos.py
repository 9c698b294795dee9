"""P001 reminders, through the platform's engine (buengobierno.avisos).

One periodic scan, every working hour (the first run, 7:10, is the morning's):
- on delegation: sent by services.notificar_delegacion (step "notificada");
- the day after the session, to the delegate: the ficha is owed, with its deadline;
- the morning of the due day, to the delegate: the ficha is due today;
- when overdue: to the delegate, and escalated to the head of the delegate's organism
  (Organismo.jefe) and to every person of the Despacho de Gobierno.
Each step is keyed by the deadline, so a session that moves reminds again; the ledger
(programar_aviso) makes each (delegation, step, person) go out once, however many workers
scan at once. The scan selects in SQL only what is due and not in the ledger (NOT EXISTS).
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q
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
from delegaciones.models import Delegacion

PLANTILLA_FICHA = "delegaciones/ficha_pendiente"
PLANTILLA_ESCALAMIENTO = "delegaciones/ficha_escalada"


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
    return (
        Delegacion.objects.sin_ficha()
        .filter(sesion__inicio__lt=timezone.now())
        .annotate(tipo=tipo, paso=paso_con_fecha(tipo, "fecha_limite_ficha"))
        .select_related("sesion__instancia", "delegado", "organismo__jefe")
        .order_by("fecha_limite_ficha", "pk")
    )


def escalamientos_debidos(hoy, despacho_ids):
    """Overdue fichas with someone to escalate to (the head of the delegate's organism, each
    person of the Despacho; never the delegate) who was not told yet."""
    sin_avisar = (
        Usuario.objects.filter(is_active=True)
        .filter(Q(pk__in=despacho_ids) | Q(pk=OuterRef("organismo__jefe")))
        .exclude(pk=OuterRef("delegado"))
        .exclude(
            Exists(
                Recordatorio.objects.filter(
                    content_type=ContentType.objects.get_for_model(Delegacion),
                    object_id=OuterRef(OuterRef("pk")),
                    paso=OuterRef(OuterRef("paso_escalada")),
                    destinatario=OuterRef("pk"),
                )
            )
        )
    )
    return (
        _adeudadas(hoy)
        .filter(fecha_limite_ficha__lt=hoy)
        .annotate(paso_escalada=paso_con_fecha("escalada", "fecha_limite_ficha"))
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
        jefe = delegacion.organismo.jefe if delegacion.organismo_id else None
        escalamiento = _("La ficha técnica de %(persona)s venció el %(fecha)s.") % {
            "persona": delegacion.delegado,
            "fecha": fecha_larga(delegacion.fecha_limite_ficha),
        }
        for persona in {p.pk: p for p in [jefe, *despacho] if p is not None}.values():
            if persona.is_active and persona.pk != delegacion.delegado_id:
                aviso = programar_aviso(
                    objeto=delegacion,
                    paso=delegacion.paso_escalada,
                    destinatario=persona,
                    plantilla=PLANTILLA_ESCALAMIENTO,
                    contexto={"tipo": "escalada", "mensaje": escalamiento},
                )
                programados += aviso is not None
    return programados


@escaneo(
    "delegaciones",
    descripcion=gettext_lazy(
        "Fichas técnicas de delegación pendientes, que vencen hoy y vencidas, con "
        "escalamiento al jefe del organismo y al Despacho"
    ),
    crontab={"minute": "10", "hour": "7-18"},
)
def avisar_delegaciones() -> int:
    return avisar_fichas()
