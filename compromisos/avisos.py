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
many workers scan at once.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from buengobierno.avisos.models import Recordatorio
from buengobierno.avisos.registro import escaneo
from buengobierno.avisos.servicios import programar_aviso
from buengobierno.documentos.formato import fecha_larga
from buengobierno.organizacion.models import Organismo
from buengobierno.plazos.calendario import dias_habiles_entre, sumar_dias_habiles
from compromisos.models import Compromiso

PLANTILLA_RECORDATORIO = "compromisos/recordatorio"
PLANTILLA_ESCALAMIENTO = "compromisos/escalamiento"
PLANTILLA_RESUMEN = "compromisos/resumen_semanal"
COMPROMISOS_POR_RESUMEN = 30


def dias_aviso_previo() -> int:
    return settings.COMPROMISOS_DIAS_AVISO_PREVIO


def dias_para_escalar() -> int:
    return settings.COMPROMISOS_DIAS_ESCALAMIENTO


def _ya_reclamados(modelo, pks) -> set[tuple]:
    """(object_id, paso, destinatario_id) already in the ledger: one query instead of one
    refused insert per row and run. programar_aviso still settles any race."""
    return set(
        Recordatorio.objects.filter(
            content_type=ContentType.objects.get_for_model(modelo), object_id__in=pks
        ).values_list("object_id", "paso", "destinatario_id")
    )


def _programar(reclamados, *, objeto, paso, destinatario, **datos) -> int:
    if destinatario is None or (objeto.pk, paso, destinatario.pk) in reclamados:
        return 0
    return int(
        programar_aviso(objeto=objeto, paso=paso, destinatario=destinatario, **datos) is not None
    )


def _mensaje(tipo: str, compromiso: Compromiso, hoy) -> str:
    if tipo == "vence_pronto":
        return _("Su compromiso vence el %(fecha)s (en %(dias)s días hábiles).") % {
            "fecha": fecha_larga(compromiso.fecha_limite),
            "dias": dias_habiles_entre(hoy, compromiso.fecha_limite),
        }
    if tipo == "vence_hoy":
        return _("Su compromiso vence hoy.")
    return _("Su compromiso venció el %(fecha)s.") % {"fecha": fecha_larga(compromiso.fecha_limite)}


def avisar_vencimientos(*, hoy=None) -> int:
    """Due soon, due today and overdue reminders, and escalations. Returns how many were
    scheduled now (0 when everything due was already claimed)."""
    hoy = hoy or timezone.localdate()
    limite = sumar_dias_habiles(hoy, dias_aviso_previo())
    escalar_desde = dias_para_escalar()
    # Indexed on (estado, fecha_limite): a range, so a missed run is caught up by the next.
    candidatos = list(
        Compromiso.objects.abiertos()
        .filter(fecha_limite__lte=limite)
        .select_related("responsable", "organismo__jefe")
        .order_by("fecha_limite", "pk")
    )
    reclamados = _ya_reclamados(Compromiso, [c.pk for c in candidatos])
    programados = 0
    for compromiso in candidatos:
        fecha = f"{compromiso.fecha_limite:%Y%m%d}"
        if compromiso.fecha_limite > hoy:
            tipo = "vence_pronto"
        elif compromiso.fecha_limite == hoy:
            tipo = "vence_hoy"
        else:
            tipo = "vencido"
        mensaje = _mensaje(tipo, compromiso, hoy)
        programados += _programar(
            reclamados,
            objeto=compromiso,
            paso=f"{tipo}:{fecha}",
            destinatario=compromiso.responsable,
            plantilla=PLANTILLA_RECORDATORIO,
            contexto={"tipo": tipo, "mensaje": mensaje},
        )
        jefe = compromiso.organismo.jefe if compromiso.organismo_id else None
        if (
            tipo == "vencido"
            and jefe is not None
            and jefe.is_active
            and jefe.pk != compromiso.responsable_id
            and dias_habiles_entre(compromiso.fecha_limite, hoy) >= escalar_desde
        ):
            programados += _programar(
                reclamados,
                objeto=compromiso,
                paso=f"escalado:{fecha}",
                destinatario=jefe,
                plantilla=PLANTILLA_ESCALAMIENTO,
                contexto={
                    "mensaje": _(
                        "Un compromiso de su organismo lleva %(dias)s días hábiles vencido."
                    )
                    % {"dias": dias_habiles_entre(compromiso.fecha_limite, hoy)}
                },
            )
    return programados


def enviar_resumenes(*, hoy=None) -> int:
    """The weekly digest to each organism head with open commitments (once per ISO week)."""
    hoy = hoy or timezone.localdate()
    paso = f"resumen:{hoy:%G-W%V}"
    organismos = list(
        Organismo.objects.filter(
            jefe__isnull=False,
            jefe__is_active=True,
            pk__in=Compromiso.objects.abiertos().values("organismo"),
        ).select_related("jefe")
    )
    reclamados = _ya_reclamados(Organismo, [o.pk for o in organismos])
    programados = 0
    for organismo in organismos:
        if (organismo.pk, paso, organismo.jefe_id) in reclamados:
            continue
        abiertos = (
            Compromiso.objects.abiertos()
            .filter(organismo=organismo)
            .select_related("responsable")
            .order_by("fecha_limite", "pk")
        )
        total = abiertos.count()
        lista = list(abiertos[:COMPROMISOS_POR_RESUMEN])
        programados += _programar(
            reclamados,
            objeto=organismo,
            paso=paso,
            destinatario=organismo.jefe,
            plantilla=PLANTILLA_RESUMEN,
            url=reverse("compromisos:organismo", args=[organismo.pk]),
            contexto={
                "abiertos": total,
                "vencidos": abiertos.filter(fecha_limite__lt=hoy).count(),
                "restantes": max(total - len(lista), 0),
                "mensaje": _("%(n)s compromisos abiertos en su organismo.") % {"n": total},
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
