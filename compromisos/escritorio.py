"""What P005 puts on Mi escritorio: my open commitments, what waits for my verification,
and, for managers, the compliance indicators."""

from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from buengobierno.organizacion.acceso import tiene_rol
from buengobierno.organizacion.roles import Rol
from buengobierno.web.escritorio import Indicador, Pendiente
from compromisos.indicadores import Cifras, cifras_por, grafico_por_organismo
from compromisos.models import ROLES_SEGUIMIENTO, Compromiso

LIMITE = 20


def compromisos_pendientes(usuario):
    hoy = timezone.localdate()
    mios = (
        Compromiso.objects.abiertos()
        .de_persona(usuario)
        .select_related("organismo")
        .order_by("fecha_limite")[:LIMITE]
    )
    for compromiso in mios:
        yield Pendiente(
            titulo=_("Cumplir: %(compromiso)s") % {"compromiso": compromiso},
            url=compromiso.get_absolute_url(),
            procedimiento="P005",
            fecha_limite=compromiso.fecha_limite,
            vencido=compromiso.fecha_limite < hoy,
            detalle=compromiso.origen_descripcion,
        )
    por_verificar = Compromiso.objects.filter(estado=Compromiso.Estado.CUMPLIDO).exclude(
        responsable=usuario
    )
    if not tiene_rol(usuario, *ROLES_SEGUIMIENTO, Rol.ADMINISTRADOR):
        por_verificar = por_verificar.filter(creado_por=usuario)
    for compromiso in por_verificar.select_related("responsable").order_by("fecha_cumplimiento")[
        :LIMITE
    ]:
        yield Pendiente(
            titulo=_("Verificar: %(compromiso)s") % {"compromiso": compromiso},
            url=compromiso.get_absolute_url(),
            procedimiento="P005",
            detalle=_("Reportado cumplido por %(persona)s") % {"persona": compromiso.responsable},
        )


def indicadores_de_compromisos(usuario):
    # One grouped query gives the chart's rows and, summed, the totals.
    por_organismo = cifras_por(Compromiso.objects.visibles_para(usuario), "organismo")
    total = Cifras.suma(por_organismo)
    porcentaje = total.porcentaje_a_tiempo
    yield Indicador(
        titulo=_("Compromisos cumplidos a tiempo"),
        valor=f"{porcentaje:.0f} %" if porcentaje is not None else "—",
        detalle=_("%(a_tiempo)s de %(base)s cumplidos o vencidos")
        % {"a_tiempo": total.a_tiempo, "base": total.cumplidos + total.vencidos},
    )
    yield Indicador(
        titulo=_("Compromisos vencidos"),
        valor=total.vencidos,
        detalle=_("Retraso promedio: %(dias)s días hábiles")
        % {"dias": number_format(total.retraso_promedio or 0, decimal_pos=1)},
    )
    if por_organismo:
        yield Indicador(
            titulo=_("Compromisos por organismo"),
            valor=total.abiertos,
            detalle=_("abiertos en total"),
            grafico=grafico_por_organismo(por_organismo, limite=8),
        )
