"""What P005 puts on Mi escritorio: my open commitments (in "Mis compromisos"), the tasks of
following them up — commitments reported fulfilled to verify, meetings of mine to record live
or to close — and, for managers, the compliance indicators."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from buengobierno.documentos.formato import fecha_hora_larga, fecha_larga
from buengobierno.organizacion.acceso import tiene_rol
from buengobierno.organizacion.roles import Rol
from buengobierno.web.escritorio import Indicador, Pendiente
from compromisos.indicadores import Cifras, grafico_por_organismo
from compromisos.models import ROLES_SEGUIMIENTO, Compromiso, Reunion
from compromisos.resumen import cifras_por_organismo

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
            titulo=str(compromiso),
            url=compromiso.get_absolute_url(),
            procedimiento="P005",
            fecha_limite=compromiso.fecha_limite,
            vencido=compromiso.fecha_limite < hoy,
            detalle=compromiso.origen_descripcion or _("Registrado a mano"),
            grupo=Pendiente.COMPROMISO,
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
            titulo=_("Verificar el cumplimiento: %(compromiso)s") % {"compromiso": compromiso},
            url=compromiso.get_absolute_url(),
            procedimiento="P005",
            detalle=_("%(persona)s lo reportó cumplido el %(fecha)s")
            % {
                "persona": compromiso.responsable,
                "fecha": fecha_larga(compromiso.fecha_cumplimiento),
            },
        )
    yield from reuniones_por_registrar(usuario)


def reuniones_por_registrar(usuario):
    """My meetings of the coming week still open: to record live, and to close once held."""
    ahora = timezone.now()
    reuniones = (
        Reunion.objects.abiertas()
        .filter(creado_por=usuario, inicio__lte=ahora + timedelta(days=7))
        .select_related("tipo")
        .order_by("inicio")[:LIMITE]
    )
    for reunion in reuniones:
        termino = reunion.fin <= ahora
        yield Pendiente(
            titulo=(
                _("Cerrar la reunión: %(reunion)s")
                if termino
                else _("Registrar la reunión en vivo: %(reunion)s")
            )
            % {"reunion": reunion},
            url=reverse("compromisos:en_vivo", args=[reunion.pk]),
            procedimiento="P005",
            fecha_limite=reunion.fecha,
            vencido=termino and reunion.fecha < timezone.localdate(),
            detalle=_("%(tipo)s, %(cuando)s")
            % {"tipo": reunion.tipo, "cuando": fecha_hora_larga(reunion.inicio)},
        )


def indicadores_de_compromisos(usuario):
    # One grouped query gives the chart's rows and, summed, the totals (for whoever sees
    # everything, over the figures kept per organism and month).
    por_organismo = cifras_por_organismo(Compromiso.objects.visibles_para(usuario), usuario)
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
