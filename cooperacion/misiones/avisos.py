"""Reminders of P008, through the platform's engine (buengobierno.avisos), to the visit's
responsible person: a visit within DIAS_HABILES_ALISTAMIENTO business days with protocol and
logistics items still open (once per arrival date), and a visit whose results were not
recorded by their deadline, a working week after it (once per deadline). Each scan selects in
SQL only what is due and not yet in the ledger (NOT EXISTS); the ledger sends each (record,
step, person) once however many workers scan at once. Messages name the visit by its
`__str__`, which keeps a reserved visit's reserve.
"""

from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from buengobierno.avisos.consultas import paso_con_fecha, reclamado
from buengobierno.avisos.registro import escaneo
from buengobierno.avisos.servicios import programar_aviso
from buengobierno.documentos.formato import fecha_larga
from buengobierno.plazos.calendario import sumar_dias_habiles
from cooperacion.misiones.models import ItemProtocolo, VisitaInternacional
from cooperacion.misiones.services import DIAS_HABILES_ALISTAMIENTO

PLANTILLA = "aviso_generico"


def visitas_por_alistar(hoy):
    hasta = sumar_dias_habiles(hoy, DIAS_HABILES_ALISTAMIENTO)
    return (
        VisitaInternacional.objects.filter(
            estado=VisitaInternacional.Estado.PROGRAMADA,
            llegada__date__gte=hoy,
            llegada__date__lte=hasta,
        )
        .filter(
            Exists(
                ItemProtocolo.objects.filter(
                    visita=OuterRef("pk"), estado__in=ItemProtocolo.ABIERTOS
                )
            )
        )
        .annotate(paso=paso_con_fecha("alistamiento", "llegada"))
        .exclude(reclamado(VisitaInternacional, paso=OuterRef("paso"), destinatario="responsable"))
        .select_related("responsable")
        .order_by("llegada", "pk")
    )


def visitas_sin_resultados(hoy):
    return (
        VisitaInternacional.objects.filter(
            estado=VisitaInternacional.Estado.PROGRAMADA, fecha_limite_resultados__lt=hoy
        )
        .annotate(paso=paso_con_fecha("sin_resultados", "fecha_limite_resultados"))
        .exclude(reclamado(VisitaInternacional, paso=OuterRef("paso"), destinatario="responsable"))
        .select_related("responsable")
        .order_by("fecha_limite_resultados", "pk")
    )


def avisar_visitas(hoy) -> int:
    programados = 0
    for visita in visitas_por_alistar(hoy):
        abiertos = visita.items.filter(estado__in=ItemProtocolo.ABIERTOS).count()
        programados += (
            programar_aviso(
                objeto=visita,
                paso=visita.paso,
                destinatario=visita.responsable,
                plantilla=PLANTILLA,
                contexto={
                    "titulo": _("Visita próxima con protocolo pendiente"),
                    "mensaje": _(
                        "%(visita)s: quedan %(n)s aspectos de protocolo y logística sin terminar."
                    )
                    % {"visita": visita, "n": abiertos},
                },
            )
            is not None
        )
    for visita in visitas_sin_resultados(hoy):
        programados += (
            programar_aviso(
                objeto=visita,
                paso=visita.paso,
                destinatario=visita.responsable,
                plantilla=PLANTILLA,
                contexto={
                    "titulo": _("Resultados de la visita sin registrar"),
                    "mensaje": _("%(visita)s: sus resultados debían registrarse el %(fecha)s.")
                    % {"visita": visita, "fecha": fecha_larga(visita.fecha_limite_resultados)},
                },
            )
            is not None
        )
    return programados


@escaneo(
    "cooperacion_misiones",
    descripcion=gettext_lazy(
        "Visitas próximas con protocolo pendiente y resultados de visitas sin registrar"
    ),
    crontab={"minute": "25", "hour": "7-18"},
)
def avisar_visitas_internacionales() -> int:
    return avisar_visitas(timezone.localdate())
