"""P004 reminders, through the platform's engine (buengobierno.avisos).

One scan, every working hour, each step keyed by its date so it goes out once (the ledger
makes it so however many workers scan at once) and again only if the date moves:
- a concept overdue: to the head of the viabilizing organism and to the process leader;
- the Alcalde's term to sanction or object (Ley 136, art. 78) running: to the leader two
  business days before it ends, on its last day and once it has passed;
- faculties pro tempore expiring: to their responsible person 60, 30 and 10 days before.
Each query selects in SQL only what is due and not yet in the ledger (NOT EXISTS).
"""

from datetime import timedelta

from django.db.models import Case, CharField, OuterRef, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from buengobierno.avisos.consultas import paso_con_fecha, reclamado, tipo_segun_fecha
from buengobierno.avisos.registro import escaneo
from buengobierno.avisos.servicios import programar_aviso
from buengobierno.documentos.formato import fecha_larga
from buengobierno.plazos.calendario import sumar_dias_habiles
from proyectos_acuerdo.models import Concepto, Estado, FacultadExtraordinaria, ProyectoAcuerdo

PLANTILLA = "aviso_generico"
DIAS_AVISO_SANCION = 2
AVISOS_FACULTADES = (60, 30, 10)


def conceptos_vencidos(hoy, destinatario: str):
    return (
        Concepto.objects.filter(sentido="", fecha_limite__lt=hoy)
        .filter(**{f"{destinatario}__is_active": True})
        .annotate(paso=paso_con_fecha("concepto_vencido", "fecha_limite"))
        .exclude(reclamado(Concepto, paso=OuterRef("paso"), destinatario=destinatario))
        .select_related("proyecto__lider", "organismo__jefe")
        .order_by("fecha_limite", "pk")
    )


def sanciones_debidas(hoy):
    tipo = tipo_segun_fecha(
        "plazo_sancion",
        hoy,
        antes="sancion_por_vencer",
        ese_dia="sancion_vence_hoy",
        despues="sancion_vencida",
    )
    return (
        ProyectoAcuerdo.objects.filter(
            estado=Estado.APROBADO,
            plazo_sancion__lte=sumar_dias_habiles(hoy, DIAS_AVISO_SANCION),
        )
        .annotate(tipo=tipo, paso=paso_con_fecha(tipo, "plazo_sancion"))
        .exclude(reclamado(ProyectoAcuerdo, paso=OuterRef("paso"), destinatario="lider"))
        .select_related("lider")
        .order_by("plazo_sancion", "pk")
    )


def facultades_por_vencer(hoy):
    cuantos = Case(
        *(
            When(fin__lte=hoy + timedelta(days=n), then=Value(f"faltan_{n}"))
            for n in sorted(AVISOS_FACULTADES)
        ),
        output_field=CharField(),
    )
    return (
        FacultadExtraordinaria.objects.filter(
            fin__gte=hoy, fin__lte=hoy + timedelta(days=max(AVISOS_FACULTADES))
        )
        .annotate(tipo=cuantos, paso=paso_con_fecha(cuantos, "fin"))
        .exclude(
            reclamado(FacultadExtraordinaria, paso=OuterRef("paso"), destinatario="responsable")
        )
        .select_related("responsable")
        .order_by("fin", "pk")
    )


def _mensaje_sancion(proyecto) -> str:
    if proyecto.tipo == "sancion_por_vencer":
        return _("El término para sancionar u objetar el acuerdo vence el %(fecha)s.") % {
            "fecha": fecha_larga(proyecto.plazo_sancion)
        }
    if proyecto.tipo == "sancion_vence_hoy":
        return _("Hoy vence el término para sancionar u objetar el acuerdo.")
    return _("El término para sancionar u objetar el acuerdo venció el %(fecha)s.") % {
        "fecha": fecha_larga(proyecto.plazo_sancion)
    }


def avisar(*, hoy=None) -> int:
    hoy = hoy or timezone.localdate()
    programados = 0
    for destinatario in ("organismo__jefe", "proyecto__lider"):
        for concepto in conceptos_vencidos(hoy, destinatario):
            persona = (
                concepto.organismo.jefe
                if destinatario == "organismo__jefe"
                else concepto.proyecto.lider
            )
            programados += (
                programar_aviso(
                    objeto=concepto,
                    paso=concepto.paso,
                    destinatario=persona,
                    plantilla=PLANTILLA,
                    contexto={
                        "titulo": _("Concepto vencido: %(p)s") % {"p": concepto.proyecto},
                        "mensaje": _("El concepto %(tipo)s de %(org)s venció el %(fecha)s.")
                        % {
                            "tipo": concepto.get_tipo_display().lower(),
                            "org": concepto.organismo,
                            "fecha": fecha_larga(concepto.fecha_limite),
                        },
                    },
                )
                is not None
            )
    for proyecto in sanciones_debidas(hoy):
        programados += (
            programar_aviso(
                objeto=proyecto,
                paso=proyecto.paso,
                destinatario=proyecto.lider,
                plantilla=PLANTILLA,
                contexto={
                    "titulo": _("Sanción u objeción: %(p)s") % {"p": proyecto},
                    "mensaje": _mensaje_sancion(proyecto),
                },
            )
            is not None
        )
    for facultad in facultades_por_vencer(hoy):
        programados += (
            programar_aviso(
                objeto=facultad,
                paso=facultad.paso,
                destinatario=facultad.responsable,
                plantilla=PLANTILLA,
                contexto={
                    "titulo": _("Facultades por vencer: %(a)s") % {"a": facultad.acuerdo},
                    "mensaje": _("Las facultades extraordinarias del %(a)s vencen el %(fecha)s.")
                    % {"a": facultad.acuerdo, "fecha": fecha_larga(facultad.fin)},
                },
            )
            is not None
        )
    return programados


@escaneo(
    "proyectos_acuerdo",
    descripcion=gettext_lazy(
        "Conceptos vencidos, término de sanción u objeción y facultades extraordinarias por vencer"
    ),
    crontab={"minute": "10", "hour": "7-18"},
)
def avisar_proyectos() -> int:
    return avisar()
