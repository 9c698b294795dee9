"""Reminders of P006, through the platform's engine (buengobierno.avisos): an alliance in
force is reminded to its responsible person 90 and 30 days before its validity ends (steps
keyed by the end date, so a new end date reminds again; within 30 days only the 30-day one
goes out); alliances whose validity ended without automatic renewal become «vencidas». The
scan selects in SQL only what is due and not yet in the ledger (NOT EXISTS), so a run with
nothing new reads no record; the ledger sends each (record, step, person) once however many
workers scan at once.
"""

from datetime import timedelta

from django.db.models import OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from buengobierno.avisos.consultas import paso_con_fecha, reclamado
from buengobierno.avisos.registro import escaneo
from buengobierno.avisos.servicios import programar_aviso
from buengobierno.documentos.formato import fecha_larga
from cooperacion.alianzas.models import Alianza
from cooperacion.alianzas.services import marcar_vencidas

PLANTILLA = "aviso_generico"
DIAS_ANTES_DE_VENCER = (90, 30)


def alianzas_por_vencer(hoy, dias: int):
    return (
        Alianza.objects.filter(
            estado=Alianza.Estado.VIGENTE,
            fecha_fin_vigencia__gte=hoy,
            fecha_fin_vigencia__lte=hoy + timedelta(days=dias),
        )
        .annotate(paso=paso_con_fecha(f"vence_{dias}", "fecha_fin_vigencia"))
        .exclude(reclamado(Alianza, paso=OuterRef("paso"), destinatario="responsable"))
        .select_related("responsable")
        .order_by("fecha_fin_vigencia", "pk")
    )


def avisar_alianzas(hoy) -> int:
    programados = 0
    # The 30-day reminder first: an alliance registered 20 days before its end gets only it.
    for dias in sorted(DIAS_ANTES_DE_VENCER):
        for alianza in alianzas_por_vencer(hoy, dias):
            if dias != min(DIAS_ANTES_DE_VENCER) and (alianza.fecha_fin_vigencia - hoy).days <= (
                min(DIAS_ANTES_DE_VENCER)
            ):
                continue  # within 30 days: the 90-day reminder no longer says anything new
            programados += (
                programar_aviso(
                    objeto=alianza,
                    paso=alianza.paso,
                    destinatario=alianza.responsable,
                    plantilla=PLANTILLA,
                    contexto={
                        "titulo": _("Alianza por vencer"),
                        "mensaje": _("«%(alianza)s» vence el %(fecha)s%(renovacion)s.")
                        % {
                            "alianza": alianza.nombre,
                            "fecha": fecha_larga(alianza.fecha_fin_vigencia),
                            "renovacion": _(" (se renueva automáticamente si no se denuncia)")
                            if alianza.renovacion_automatica
                            else "",
                        },
                    },
                )
                is not None
            )
    return programados


@escaneo(
    "cooperacion_alianzas",
    descripcion=gettext_lazy("Alianzas que vencen en 90 y en 30 días; alianzas vencidas"),
    crontab={"minute": "20", "hour": "7"},
)
def avisar_vencimientos_de_alianzas() -> int:
    hoy = timezone.localdate()
    marcar_vencidas(hoy)
    return avisar_alianzas(hoy)
