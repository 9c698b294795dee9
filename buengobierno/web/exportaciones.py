"""Exports produced in the background, on Mi escritorio: ready ones to download (until they
expire) and the ones still in preparation."""

from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from buengobierno.web.escritorio import Pendiente
from buengobierno.web.models import Exportacion

LIMITE = 10


def exportaciones_del_escritorio(usuario):
    ahora = timezone.now()
    for exportacion in (
        Exportacion.objects.filter(usuario=usuario)
        .exclude(estado=Exportacion.Estado.FALLIDA)
        .exclude(vence_en__lte=ahora)
        .order_by("-creada_en")[:LIMITE]
    ):
        if exportacion.en_preparacion:
            yield Pendiente(
                titulo=_("Preparando: %(nombre)s") % {"nombre": exportacion},
                url=exportacion.url_de_la_lista(),
                procedimiento=_("Archivo"),
                detalle=_("Le avisaremos por correo cuando esté listo."),
            )
        else:
            yield Pendiente(
                titulo=_("Descargar: %(nombre)s") % {"nombre": exportacion},
                url=exportacion.get_absolute_url(),
                procedimiento=_("Archivo"),
                fecha_limite=timezone.localdate(exportacion.vence_en),
                detalle=_("%(filas)s filas; disponible hasta la fecha indicada.")
                % {"filas": number_format(exportacion.filas or 0, force_grouping=True)},
            )
