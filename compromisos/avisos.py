"""P005 reminders, through the platform's engine (buengobierno.avisos).

One periodic scan, every working hour:
- to the responsible person: due within COMPROMISOS_DIAS_AVISO_PREVIO business days (3),
  due today, overdue; each step keyed by the due date, so a reprogramming reminds again;
- to the head of the responsible's organism (Organismo.jefe) when a commitment is overdue
  by COMPROMISOS_DIAS_ESCALAMIENTO business days or more (2);
- to each organism head, a weekly digest of the organism's open commitments: the step is
  keyed by the ISO week, so the first run of the week (Monday 7:05) sends it and a missed
  Monday is caught up the next day.
The ledger (programar_aviso) makes each (commitment, step, person) go out once, however
many workers scan at once. Each scan selects in SQL only what is due and not yet in the
ledger (NOT EXISTS), so a run with nothing new costs a few queries whatever the volume.
"""

from django.conf import settings
from django.db.models import Count, Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from buengobierno.avisos.consultas import paso_con_fecha, reclamado, tipo_segun_fecha
from buengobierno.avisos.registro import escaneo
from buengobierno.avisos.servicios import programar_aviso
from buengobierno.documentos.formato import fecha_larga
from buengobierno.organizacion.models import Organismo
from buengobierno.plazos.calendario import fecha_de_ordinal, ordinal, sumar_dias_habiles
from buengobierno.plazos.consultas import dias_habiles_entre
from compromisos.models import Compromiso

PLANTILLA_RECORDATORIO = "compromisos/recordatorio"
PLANTILLA_ESCALAMIENTO = "compromisos/escalamiento"
PLANTILLA_RESUMEN = "compromisos/resumen_semanal"
COMPROMISOS_POR_RESUMEN = 30


def dias_aviso_previo() -> int:
    return settings.COMPROMISOS_DIAS_AVISO_PREVIO


def dias_para_escalar() -> int:
    return settings.COMPROMISOS_DIAS_ESCALAMIENTO


def _mensaje(compromiso: Compromiso) -> str:
    if compromiso.tipo == "vence_pronto":
        return _("Su compromiso vence el %(fecha)s (en %(dias)s días hábiles).") % {
            "fecha": fecha_larga(compromiso.fecha_limite),
            "dias": compromiso.dias,
        }
    if compromiso.tipo == "vence_hoy":
        return _("Su compromiso vence hoy.")
    return _("Su compromiso venció el %(fecha)s.") % {"fecha": fecha_larga(compromiso.fecha_limite)}


def recordatorios_debidos(hoy):
    """Open commitments due for a reminder to their responsible person today (due within
    COMPROMISOS_DIAS_AVISO_PREVIO business days, due today, overdue) and not yet reminded of
    that due date. Indexed on (cerrado, fecha_limite): a range, so a missed run is caught up."""
    tipo = tipo_segun_fecha(
        "fecha_limite", hoy, antes="vence_pronto", ese_dia="vence_hoy", despues="vencido"
    )
    return (
        Compromiso.objects.abiertos()
        .filter(fecha_limite__lte=sumar_dias_habiles(hoy, dias_aviso_previo()))
        .annotate(tipo=tipo, paso=paso_con_fecha(tipo, "fecha_limite"))
        .exclude(reclamado(Compromiso, paso=OuterRef("paso"), destinatario="responsable"))
        .annotate(dias=dias_habiles_entre(hoy, "dia_limite"))
        .select_related("responsable")
        .order_by("fecha_limite", "pk")
    )


def escalamientos_debidos(hoy):
    """Commitments overdue by COMPROMISOS_DIAS_ESCALAMIENTO business days or more whose
    organism head (someone other than the responsible person) was not told yet."""
    # Overdue by n business days or more <=> due before the business day n - 1 before today's
    # ordinal: a date comparison the index serves, no arithmetic per row.
    vencido_antes_de = fecha_de_ordinal(ordinal(hoy) - dias_para_escalar() + 1)
    return (
        Compromiso.objects.abiertos()
        .filter(fecha_limite__lt=min(hoy, vencido_antes_de), organismo__jefe__is_active=True)
        .exclude(organismo__jefe=F("responsable"))
        .annotate(paso=paso_con_fecha("escalado", "fecha_limite"))
        .exclude(reclamado(Compromiso, paso=OuterRef("paso"), destinatario="organismo__jefe"))
        .annotate(dias=dias_habiles_entre("dia_limite", hoy))
        .select_related("responsable", "organismo__jefe")
        .order_by("fecha_limite", "pk")
    )


def avisar_vencimientos(*, hoy=None) -> int:
    """Due soon, due today and overdue reminders, and escalations. Returns how many were
    scheduled now (0, in a few queries, when everything due was already claimed)."""
    hoy = hoy or timezone.localdate()
    programados = 0
    for compromiso in recordatorios_debidos(hoy):
        programados += (
            programar_aviso(
                objeto=compromiso,
                paso=compromiso.paso,
                destinatario=compromiso.responsable,
                plantilla=PLANTILLA_RECORDATORIO,
                contexto={"tipo": compromiso.tipo, "mensaje": _mensaje(compromiso)},
            )
            is not None
        )
    for compromiso in escalamientos_debidos(hoy):
        programados += (
            programar_aviso(
                objeto=compromiso,
                paso=compromiso.paso,
                destinatario=compromiso.organismo.jefe,
                plantilla=PLANTILLA_ESCALAMIENTO,
                contexto={
                    "mensaje": _(
                        "Un compromiso de su organismo lleva %(dias)s días hábiles vencido."
                    )
                    % {"dias": compromiso.dias}
                },
            )
            is not None
        )
    return programados


def enviar_resumenes(*, hoy=None) -> int:
    """The weekly digest to each organism head with open commitments (once per ISO week)."""
    hoy = hoy or timezone.localdate()
    paso = f"resumen:{hoy:%G-W%V}"
    # Only the organisms still owed this week's digest: a few rows, after the first run none.
    organismos = (
        Organismo.objects.filter(jefe__isnull=False, jefe__is_active=True)
        .filter(Exists(Compromiso.objects.abiertos().filter(organismo=OuterRef("pk"))))
        .exclude(reclamado(Organismo, paso=paso, destinatario="jefe"))
        .select_related("jefe")
    )
    programados = 0
    for organismo in organismos:
        abiertos = Compromiso.objects.abiertos().filter(organismo=organismo)
        cifras = abiertos.aggregate(
            total=Count("pk"), vencidos=Count("pk", filter=Q(fecha_limite__lt=hoy))
        )
        lista = list(
            abiertos.select_related("responsable").order_by("fecha_limite", "pk")[
                :COMPROMISOS_POR_RESUMEN
            ]
        )
        programados += (
            programar_aviso(
                objeto=organismo,
                paso=paso,
                destinatario=organismo.jefe,
                plantilla=PLANTILLA_RESUMEN,
                url=reverse("compromisos:organismo", args=[organismo.pk]),
                contexto={
                    "abiertos": cifras["total"],
                    "vencidos": cifras["vencidos"],
                    "restantes": max(cifras["total"] - len(lista), 0),
                    "mensaje": _("%(n)s compromisos abiertos en su organismo.")
                    % {"n": cifras["total"]},
                    "compromisos": [
                        {
                            "descripcion": str(c),
                            "responsable": str(c.responsable),
                            "fecha": fecha_larga(c.fecha_limite),
                            "vencido": c.fecha_limite < hoy,
                        }
                        for c in lista
                    ],
                },
            )
            is not None
        )
    return programados


@escaneo(
    "compromisos",
    descripcion=gettext_lazy(
        "Compromisos por vencer, que vencen hoy y vencidos; escalamiento al jefe del "
        "organismo y resumen semanal"
    ),
    crontab={"minute": "5", "hour": "7-18"},
)
def avisar_compromisos() -> int:
    hoy = timezone.localdate()
    return avisar_vencimientos(hoy=hoy) + enviar_resumenes(hoy=hoy)
