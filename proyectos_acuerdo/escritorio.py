"""What P004 puts on Mi escritorio: concepts a viabilizing organism owes; for the Despacho,
projects with discrepancies and acuerdos awaiting the Alcalde's sanction or objection."""

from django.utils import timezone
from django.utils.translation import gettext as _

from buengobierno.web.escritorio import Pendiente
from proyectos_acuerdo.models import Concepto, Estado, ProyectoAcuerdo
from proyectos_acuerdo.services import es_coordinador

LIMITE = 20


def pendientes(usuario):
    hoy = timezone.localdate()
    if usuario.organismo_id and not es_coordinador(usuario):
        debidos = (
            Concepto.objects.filter(organismo=usuario.organismo_id, sentido="")
            .select_related("proyecto")
            .order_by("fecha_limite", "pk")[:LIMITE]
        )
        for concepto in debidos:
            yield Pendiente(
                titulo=_("Emitir el concepto %(tipo)s: %(proyecto)s")
                % {"tipo": concepto.get_tipo_display().lower(), "proyecto": concepto.proyecto},
                url=concepto.get_absolute_url(),
                procedimiento="P004",
                fecha_limite=concepto.fecha_limite,
                vencido=concepto.fecha_limite < hoy,
            )
    if not es_coordinador(usuario):
        return
    for proyecto in ProyectoAcuerdo.objects.filter(estado=Estado.CON_DISCREPANCIAS).order_by(
        "-creado_en"
    )[:LIMITE]:
        yield Pendiente(
            titulo=_("Resolver las discrepancias: %(p)s") % {"p": proyecto},
            url=proyecto.get_absolute_url(),
            procedimiento="P004",
        )
    for proyecto in ProyectoAcuerdo.objects.filter(estado=Estado.APROBADO).order_by(
        "plazo_sancion"
    )[:LIMITE]:
        yield Pendiente(
            titulo=_("Sancionar u objetar el acuerdo: %(p)s") % {"p": proyecto},
            url=proyecto.get_absolute_url(),
            procedimiento="P004",
            fecha_limite=proyecto.plazo_sancion,
            vencido=proyecto.plazo_sancion < hoy,
        )
