"""What P001 puts on Mi escritorio, and, for managers, the on-time rate of fichas.

The delegate: delegations to accept, fichas to send. An enlace: the fichas of the organism's
delegates to prepare. The Despacho (who coordinates): delegations still in draft to notify,
upcoming sessions without a delegate, refused delegations to give to someone else, fichas
to review. Each is a few indexed queries, whatever the number of delegations.
"""

from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from buengobierno.documentos.formato import fecha_larga, frase, hora
from buengobierno.organizacion.acceso import tiene_rol
from buengobierno.organizacion.roles import Rol
from buengobierno.web.escritorio import Indicador, Pendiente
from delegaciones.models import Delegacion, Sesion
from delegaciones.resumen import cifras_y_total
from delegaciones.services import es_coordinador

LIMITE = 20


def _sesion(delegacion_o_sesion) -> str:
    """'Junta Directiva de EMCALI, sesión del 9 de diciembre de 2026'."""
    sesion = getattr(delegacion_o_sesion, "sesion", delegacion_o_sesion)
    return _("%(instancia)s, sesión del %(fecha)s") % {
        "instancia": sesion.instancia,
        "fecha": fecha_larga(sesion.fecha),
    }


def delegaciones_pendientes(usuario):
    yield from _del_delegado(usuario)
    if tiene_rol(usuario, Rol.ENLACE) and usuario.organismo_id:
        yield from _del_enlace(usuario)
    if es_coordinador(usuario):
        yield from _del_despacho()


def _del_delegado(usuario):
    mias = Delegacion.objects.filter(delegado=usuario).select_related("sesion__instancia")
    for delegacion in mias.por_aceptar().order_by("sesion__inicio")[:LIMITE]:
        yield Pendiente(
            titulo=_("Aceptar o rechazar la delegación: %(sesion)s")
            % {"sesion": _sesion(delegacion)},
            url=delegacion.get_absolute_url(),
            procedimiento="P001",
            fecha_limite=delegacion.sesion.fecha,
            detalle=_("Representa %(a_quien)s") % {"a_quien": delegacion.a_quien_representa},
        )
    debidas = mias.filter(
        estado__in=Delegacion.DEBEN_FICHA, sesion__inicio__lt=timezone.now()
    ).select_related("ficha")
    for delegacion in debidas.order_by("fecha_limite_ficha")[:LIMITE]:
        yield Pendiente(
            titulo=_("Enviar la ficha técnica: %(sesion)s") % {"sesion": _sesion(delegacion)},
            url=delegacion.get_absolute_url(),
            procedimiento="P001",
            fecha_limite=delegacion.fecha_limite_ficha,
            vencido=delegacion.ficha_vencida,
        )


def _del_enlace(usuario):
    # The enlace drafts the fichas of the organism's delegates.
    del_organismo = (
        Delegacion.objects.filter(organismo=usuario.organismo_id, estado__in=Delegacion.DEBEN_FICHA)
        .exclude(delegado=usuario)
        .filter(sesion__inicio__lt=timezone.now())
        .select_related("sesion__instancia", "delegado", "ficha")
        .order_by("fecha_limite_ficha")[:LIMITE]
    )
    for delegacion in del_organismo:
        yield Pendiente(
            titulo=_("Preparar la ficha técnica: %(sesion)s") % {"sesion": _sesion(delegacion)},
            url=delegacion.get_absolute_url(),
            procedimiento="P001",
            fecha_limite=delegacion.fecha_limite_ficha,
            vencido=delegacion.ficha_vencida,
            detalle=_("Delegado: %(persona)s") % {"persona": delegacion.delegado},
        )


def _del_despacho():
    ahora = timezone.now()
    futuras = Delegacion.objects.filter(sesion__inicio__gte=ahora).select_related(
        "sesion__instancia", "delegado"
    )
    for delegacion in futuras.filter(estado=Delegacion.Estado.BORRADOR).order_by("sesion__inicio")[
        :LIMITE
    ]:
        yield Pendiente(
            titulo=_("Notificar la delegación: %(sesion)s") % {"sesion": _sesion(delegacion)},
            url=delegacion.get_absolute_url(),
            procedimiento="P001",
            fecha_limite=delegacion.sesion.fecha,
            detalle=_("En borrador; delegado: %(persona)s") % {"persona": delegacion.delegado},
        )
    vigente = Delegacion.objects.filter(sesion=OuterRef("pk")).vigentes()
    sin_delegado = (
        Sesion.objects.filter(inicio__gte=ahora, asistencia=Sesion.Asistencia.DELEGA)
        .filter(~Exists(vigente))
        .select_related("instancia")
        .annotate(
            rechazada=Exists(
                Delegacion.objects.filter(sesion=OuterRef("pk"), estado=Delegacion.Estado.RECHAZADA)
            )
        )
        .order_by("inicio")[:LIMITE]
    )
    for sesion in sin_delegado:
        yield Pendiente(
            titulo=_("Delegar la sesión: %(sesion)s") % {"sesion": _sesion(sesion)},
            url=sesion.get_absolute_url() + "#form-delegar",
            procedimiento="P001",
            fecha_limite=sesion.fecha,
            detalle=(
                _("El delegado no puede asistir; delegue en otra persona.")
                if sesion.rechazada
                else frase(
                    _("Sin delegado. Empieza a las %(hora)s") % {"hora": hora(sesion.inicio)}
                )
            ),
        )
    por_revisar = (
        Delegacion.objects.filter(estado=Delegacion.Estado.FICHA_ENTREGADA)
        .select_related("sesion__instancia", "delegado")
        .order_by("fecha_limite_ficha")[:LIMITE]
    )
    for delegacion in por_revisar:
        yield Pendiente(
            titulo=_("Revisar la ficha técnica: %(sesion)s") % {"sesion": _sesion(delegacion)},
            url=delegacion.get_absolute_url(),
            procedimiento="P001",
            detalle=_("Entregada por %(persona)s") % {"persona": delegacion.delegado},
        )


def indicadores_de_delegaciones(usuario):
    # For whoever sees everything, from the figures kept per organism and instancia.
    _grupos, total = cifras_y_total(Delegacion.objects.visibles_para(usuario), usuario)
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
