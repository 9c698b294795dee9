"""P002 reminders, through the platform's engine (buengobierno.avisos).

- "Escaneo: agenda" (every 15 minutes): to each person of the Despacho, the requests still
  unanswered after DIAS_HABILES_RESPUESTA business days, and tomorrow's activities of the
  Secretario without briefing notes; each (record, step, person) once.
- "Escaneo: agenda del día" (6:30 every weekday; nothing on a non-working day): the day's
  agenda by e-mail to the Secretario de Gobierno, once a day.
Each scan selects in SQL only what is due and not yet in the ledger (NOT EXISTS).
"""

from datetime import datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Value
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agenda.models import Actividad, SolicitudAgenda
from buengobierno.avisos.models import Recordatorio
from buengobierno.avisos.registro import escaneo
from buengobierno.avisos.servicios import programar_aviso
from buengobierno.documentos.formato import dia_y_fecha, fecha_larga, rango_horas
from buengobierno.organizacion.acceso import usuarios_con_rol
from buengobierno.organizacion.roles import Rol
from buengobierno.plazos.calendario import es_dia_habil

PLANTILLA = "aviso_generico"
PLANTILLA_AGENDA = "agenda/agenda_del_dia"
PASO_SIN_RESPUESTA = "sin_respuesta"


def _reclamado_por(modelo, paso, persona) -> Exists:
    return Exists(
        Recordatorio.objects.filter(
            content_type=ContentType.objects.get_for_model(modelo),
            object_id=OuterRef("pk"),
            paso=paso,
            destinatario=persona.pk,
        )
    )


def solicitudes_sin_respuesta(hoy, persona):
    return (
        SolicitudAgenda.objects.filter(
            estado=SolicitudAgenda.Estado.PENDIENTE, fecha_limite_respuesta__lt=hoy
        )
        .exclude(_reclamado_por(SolicitudAgenda, Value(PASO_SIN_RESPUESTA), persona))
        .select_related("organismo")
        .order_by("fecha_limite_respuesta", "pk")
    )


def paso_sin_preparacion(dia) -> str:
    return f"sin_preparacion:{dia:%Y%m%d}"


def actividades_sin_preparacion(manana, persona):
    inicio = timezone.make_aware(datetime.combine(manana, time.min))
    return (
        Actividad.objects.entre(inicio, inicio + timedelta(days=1))
        .filter(
            inicio__gte=inicio,
            estado__in=(Actividad.Estado.TENTATIVA, Actividad.Estado.CONFIRMADA),
            participacion=Actividad.Participacion.PRESENCIAL,
            notas="",
        )
        .exclude(_reclamado_por(Actividad, Value(paso_sin_preparacion(manana)), persona))
        .order_by("inicio", "pk")
    )


@escaneo(
    "agenda",
    descripcion=gettext_lazy(
        "Solicitudes de agenda sin respuesta y actividades de mañana sin preparación"
    ),
    crontab={"minute": "*/15"},
)
def avisar_agenda() -> int:
    hoy = timezone.localdate()
    manana = hoy + timedelta(days=1)
    enviados = 0
    for persona in usuarios_con_rol(Rol.DESPACHO):
        for solicitud in solicitudes_sin_respuesta(hoy, persona):
            enviados += bool(
                programar_aviso(
                    objeto=solicitud,
                    paso=PASO_SIN_RESPUESTA,
                    destinatario=persona,
                    plantilla=PLANTILLA,
                    contexto={
                        "titulo": _("Solicitud de agenda sin respuesta: %(tema)s")
                        % {"tema": solicitud.tema},
                        "mensaje": _(
                            "%(organismo)s espera respuesta desde el %(fecha)s; debía "
                            "responderse a más tardar el %(limite)s."
                        )
                        % {
                            "organismo": solicitud.organismo,
                            "fecha": fecha_larga(solicitud.creado_en),
                            "limite": fecha_larga(solicitud.fecha_limite_respuesta),
                        },
                    },
                )
            )
        for actividad in actividades_sin_preparacion(manana, persona):
            enviados += bool(
                programar_aviso(
                    objeto=actividad,
                    paso=paso_sin_preparacion(manana),
                    destinatario=persona,
                    plantilla=PLANTILLA,
                    contexto={
                        "titulo": _("Mañana, sin preparación: %(titulo)s")
                        % {"titulo": actividad.titulo},
                        "mensaje": _(
                            "La actividad (%(horario)s) aún no tiene notas de preparación "
                            "para el Secretario."
                        )
                        % {"horario": rango_horas(actividad.inicio, actividad.fin)},
                    },
                )
            )
    return enviados


def filas_del_dia(fecha) -> list[dict]:
    from agenda.services import actividades_del_dia

    return [
        {
            "horario": rango_horas(a.inicio, a.fin),
            "titulo": a.titulo,
            "lugar": a.lugar,
            "estado": a.get_estado_display(),
            "participacion": a.get_participacion_display(),
        }
        for a in actividades_del_dia(fecha)
    ]


@escaneo(
    "agenda del día",
    descripcion=gettext_lazy("La agenda del día al Secretario de Gobierno (6:30 a. m.)"),
    crontab={"minute": "30", "hour": "6", "day_of_week": "1-5"},
)
def enviar_agenda_del_dia(hoy=None) -> int:
    from agenda.services import url_del_dia
    from delegaciones.services import secretarios_de_gobierno

    hoy = hoy or timezone.localdate()
    if not es_dia_habil(hoy):
        return 0
    enviados = 0
    for secretario in secretarios_de_gobierno():
        enviados += bool(
            programar_aviso(
                objeto=secretario,
                paso=f"agenda_del_dia:{hoy:%Y%m%d}",
                destinatario=secretario,
                plantilla=PLANTILLA_AGENDA,
                url=url_del_dia(hoy),
                contexto={
                    "dia": dia_y_fecha(hoy),
                    "filas": filas_del_dia(hoy),
                    "mensaje": _("Su agenda del %(dia)s.") % {"dia": dia_y_fecha(hoy)},
                },
            )
        )
    return enviados
