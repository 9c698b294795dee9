"""What P001 puts on Mi escritorio: delegations to accept, fichas to send, fichas to review,
and, for managers, the on-time rate of fichas."""

from django.utils import timezone
from django.utils.translation import gettext as _

from buengobierno.organizacion.acceso import tiene_rol
from buengobierno.organizacion.roles import Rol
from buengobierno.web.escritorio import Indicador, Pendiente
from delegaciones.indicadores import totales
from delegaciones.models import Delegacion
from delegaciones.services import es_coordinador

LIMITE = 20


def delegaciones_pendientes(usuario):
    mias = Delegacion.objects.filter(delegado=usuario).select_related("sesion__instancia")
    for delegacion in mias.por_aceptar().order_by("sesion__inicio")[:LIMITE]:
        yield Pendiente(
            titulo=_("Aceptar o rechazar: %(instancia)s")
            % {"instancia": delegacion.sesion.instancia},
            url=delegacion.get_absolute_url(),
            procedimiento="P001",
            fecha_limite=delegacion.sesion.fecha,
            detalle=_("Delegación para la sesión del %(fecha)s")
            % {"fecha": f"{delegacion.sesion.fecha:%d/%m/%Y}"},
        )
    debidas = mias.filter(estado__in=Delegacion.DEBEN_FICHA).select_related("ficha")
    for delegacion in debidas.order_by("fecha_limite_ficha")[:LIMITE]:
        if delegacion.sesion.ya_empezo:
            yield Pendiente(
                titulo=_("Enviar la ficha técnica: %(instancia)s")
                % {"instancia": delegacion.sesion.instancia},
                url=delegacion.get_absolute_url(),
                procedimiento="P001",
                fecha_limite=delegacion.fecha_limite_ficha,
                vencido=delegacion.ficha_vencida,
            )
    if tiene_rol(usuario, Rol.ENLACE) and usuario.organismo_id:
        # The enlace drafts the fichas of the organism's delegates.
        del_organismo = (
            Delegacion.objects.filter(
                organismo=usuario.organismo_id, estado__in=Delegacion.DEBEN_FICHA
            )
            .exclude(delegado=usuario)
            .filter(sesion__inicio__lt=timezone.now())
            .select_related("sesion__instancia", "delegado", "ficha")
            .order_by("fecha_limite_ficha")[:LIMITE]
        )
        for delegacion in del_organismo:
            yield Pendiente(
                titulo=_("Preparar la ficha técnica: %(instancia)s")
                % {"instancia": delegacion.sesion.instancia},
                url=delegacion.get_absolute_url(),
                procedimiento="P001",
                fecha_limite=delegacion.fecha_limite_ficha,
                vencido=delegacion.ficha_vencida,
                detalle=_("Delegado: %(persona)s") % {"persona": delegacion.delegado},
            )
    if es_coordinador(usuario):
        por_revisar = (
            Delegacion.objects.filter(estado=Delegacion.Estado.FICHA_ENTREGADA)
            .select_related("sesion__instancia", "delegado")
            .order_by("fecha_limite_ficha")[:LIMITE]
        )
        for delegacion in por_revisar:
            yield Pendiente(
                titulo=_("Revisar la ficha técnica: %(instancia)s")
                % {"instancia": delegacion.sesion.instancia},
                url=delegacion.get_absolute_url(),
                procedimiento="P001",
                detalle=_("Entregada por %(persona)s") % {"persona": delegacion.delegado},
            )


def indicadores_de_delegaciones(usuario):
    visibles = Delegacion.objects.visibles_para(usuario)
    total = totales(visibles)
    porcentaje = total.porcentaje_a_tiempo
    yield Indicador(
        titulo=_("Fichas técnicas entregadas a tiempo"),
        valor=f"{porcentaje:.0f} %" if porcentaje is not None else "—",
        detalle=_("%(a_tiempo)s de %(base)s fichas debidas")
        % {"a_tiempo": total.a_tiempo, "base": total.base},
    )
    yield Indicador(
        titulo=_("Fichas técnicas vencidas"),
        valor=total.vencidas,
        detalle=_("sin entregar después del plazo"),
    )
