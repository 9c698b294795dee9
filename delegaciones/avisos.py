"""P001 reminders, through the platform's engine (buengobierno.avisos).

One periodic scan, every working hour (the first run, 7:10, is the morning's):
- on delegation: sent by services.notificar_delegacion (step "notificada");
- the day after the session, to the delegate: the ficha is owed, with its deadline;
- the morning of the due day, to the delegate: the ficha is due today;
- when overdue: to the delegate, and escalated to the head of the delegate's organism
  (Organismo.jefe) and to every person of the Despacho de Gobierno.
Each step is keyed by the deadline, so a session that moves reminds again; the ledger
(programar_aviso) makes each (delegation, step, person) go out once, however many workers
scan at once.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from buengobierno.avisos.models import Recordatorio
from buengobierno.avisos.registro import escaneo
from buengobierno.avisos.servicios import programar_aviso
from buengobierno.documentos.formato import fecha_larga
from buengobierno.organizacion.acceso import usuarios_con_rol
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


def avisar_fichas(*, hoy=None) -> int:
    """Reminders and escalations of owed fichas; returns how many were scheduled now."""
    hoy = hoy or timezone.localdate()
    # Sessions already held whose ficha is owed (indexed on estado, fecha_limite_ficha); a
    # range, never a date equality, so a missed run is caught up by the next.
    candidatas = list(
        Delegacion.objects.sin_ficha()
        .filter(sesion__inicio__lt=timezone.now())
        .select_related("sesion__instancia", "delegado", "organismo__jefe")
        .order_by("fecha_limite_ficha", "pk")
    )
    reclamados = set(
        Recordatorio.objects.filter(
            content_type=ContentType.objects.get_for_model(Delegacion),
            object_id__in=[d.pk for d in candidatas],
        ).values_list("object_id", "paso", "destinatario_id")
    )
    despacho = list(usuarios_con_rol(Rol.DESPACHO)) if candidatas else []
    programados = 0

    def programar(delegacion, paso, destinatario, plantilla, mensaje):
        nonlocal programados
        if destinatario is None or (delegacion.pk, paso, destinatario.pk) in reclamados:
            return
        nuevo = programar_aviso(
            objeto=delegacion,
            paso=paso,
            destinatario=destinatario,
            plantilla=plantilla,
            contexto={"tipo": paso.split(":")[0], "mensaje": mensaje},
        )
        programados += nuevo is not None

    for delegacion in candidatas:
        plazo = delegacion.fecha_limite_ficha
        if plazo > hoy:
            tipo = "ficha_pendiente"
        elif plazo == hoy:
            tipo = "ficha_vence_hoy"
        else:
            tipo = "ficha_vencida"
        paso = f"{tipo}:{plazo:%Y%m%d}"
        mensaje = _mensaje(tipo, delegacion)
        programar(delegacion, paso, delegacion.delegado, PLANTILLA_FICHA, mensaje)
        if tipo != "ficha_vencida":
            continue
        jefe = delegacion.organismo.jefe if delegacion.organismo_id else None
        escalamiento = _("La ficha técnica de %(persona)s venció el %(fecha)s.") % {
            "persona": delegacion.delegado,
            "fecha": fecha_larga(plazo),
        }
        for persona in [jefe, *despacho]:
            if persona is not None and persona.is_active and persona.pk != delegacion.delegado_id:
                programar(
                    delegacion,
                    f"escalada:{plazo:%Y%m%d}",
                    persona,
                    PLANTILLA_ESCALAMIENTO,
                    escalamiento,
                )
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
