"""What waits on Mi escritorio from P006 and P008: the legal concepts the DAGJP owes, the
visits whose results the responsible person owes, the checklist items one answers for."""

from django.utils import timezone
from django.utils.translation import gettext as _

from buengobierno.documentos.formato import fecha_larga
from buengobierno.organizacion.acceso import tiene_rol
from buengobierno.organizacion.roles import Rol
from buengobierno.web.escritorio import Pendiente

MAXIMO = 20


def pendientes_de_cooperacion(usuario):
    from cooperacion.alianzas.models import Alianza
    from cooperacion.misiones.models import ItemProtocolo, VisitaInternacional

    hoy = timezone.localdate()
    pendientes = []
    if tiene_rol(usuario, Rol.JURIDICA):
        for alianza in Alianza.objects.filter(
            estado=Alianza.Estado.EN_GESTION, concepto_juridico=Alianza.Concepto.SOLICITADO
        ).order_by("creado_en")[:MAXIMO]:
            pendientes.append(
                Pendiente(
                    titulo=_("Emitir el concepto jurídico: %(alianza)s") % {"alianza": alianza},
                    url=alianza.get_absolute_url(),
                    procedimiento="P006",
                )
            )
    for visita in VisitaInternacional.objects.filter(
        responsable=usuario,
        estado=VisitaInternacional.Estado.PROGRAMADA,
        salida__date__lt=hoy,
    ).order_by("fecha_limite_resultados")[:MAXIMO]:
        pendientes.append(
            Pendiente(
                titulo=_("Registrar los resultados: %(visita)s") % {"visita": visita},
                url=visita.get_absolute_url(),
                procedimiento="P008",
                fecha_limite=visita.fecha_limite_resultados,
                vencido=visita.fecha_limite_resultados < hoy,
            )
        )
    for item in (
        ItemProtocolo.objects.filter(
            responsable=usuario,
            estado__in=ItemProtocolo.ABIERTOS,
            visita__estado=VisitaInternacional.Estado.PROGRAMADA,
            visita__llegada__date__gte=hoy,
        )
        .select_related("visita")
        .order_by("visita__llegada")[:MAXIMO]
    ):
        llegada = timezone.localtime(item.visita.llegada).date()
        pendientes.append(
            Pendiente(
                titulo=_("Alistar %(aspecto)s: %(visita)s")
                % {"aspecto": item.get_tipo_display().lower(), "visita": item.visita},
                url=item.visita.get_absolute_url(),
                procedimiento="P008",
                fecha_limite=llegada,
                detalle=_("Llega el %(fecha)s") % {"fecha": fecha_larga(llegada)},
            )
        )
    return pendientes
