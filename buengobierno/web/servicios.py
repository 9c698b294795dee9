"""Exports too large for a request: asked for from a list, produced by a Celery worker, then
offered in Mi escritorio and by e-mail to the person who asked, for EXPORTACION_DIAS_VIGENCIA
days.

The worker runs the same list view, as that person and with the same filters, so what the
file holds is what the list shows them (an outsider's rows never, a lost access: no file).
"""

import logging
import tempfile
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.db import transaction
from django.http import Http404, HttpRequest, QueryDict
from django.urls import resolve
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from buengobierno.avisos.servicios import notificar, programar_aviso, publicar_tarea
from buengobierno.web.exportar import (
    PedidoDeExportacion,
    escribir_xlsx,
    lineas_csv,
    nombre_de_archivo,
)
from buengobierno.web.models import Exportacion

logger = logging.getLogger(__name__)

Estado = Exportacion.Estado
PLANTILLA_LISTA = "web/exportacion_lista"


def filas_en_linea() -> int:
    """Above this many rows an XLSX export is produced in the background."""
    return settings.EXPORTACION_FILAS_EN_LINEA


def solicitar_exportacion(
    *, usuario, nombre: str, formato: str, ruta: str, parametros: str
) -> tuple[Exportacion, bool]:
    """Ask for the export of the list at `ruta` with the query string `parametros` (without
    `exportar`). Returns it and True, or the same one already in preparation and False. The
    worker starts once the transaction commits."""
    with transaction.atomic():
        en_curso = Exportacion.objects.filter(
            usuario=usuario,
            ruta=ruta,
            parametros=parametros,
            formato=formato,
            estado__in=[Estado.PENDIENTE, Estado.GENERANDO],
        ).first()
        if en_curso is not None:
            return en_curso, False
        exportacion = Exportacion.objects.create(
            usuario=usuario, nombre=nombre[:200], formato=formato, ruta=ruta, parametros=parametros
        )
        transaction.on_commit(lambda: _encolar_exportacion(exportacion.pk))
    return exportacion, True


def _encolar_exportacion(exportacion_id: int) -> None:
    # Never raises into the request: with the broker down the export fails at once, with a
    # notice, so its person can ask again (a pending one would block the same request).
    from buengobierno.web.tasks import generar_exportacion

    if not publicar_tarea(
        generar_exportacion,
        exportacion_id,
        que=f"la exportación {exportacion_id}",
        despues="se marca fallida",
    ):
        _fallar(
            Exportacion.objects.select_related("usuario").get(pk=exportacion_id),
            _(
                "El servicio que prepara los archivos no responde. Intente de nuevo en unos minutos."
            ),
        )


def _pedido_de_la_lista(exportacion: Exportacion) -> PedidoDeExportacion:
    """Run the list view as its user, with its filters, in export mode."""
    parametros = QueryDict(exportacion.parametros, mutable=True)
    parametros["exportar"] = exportacion.formato
    peticion = HttpRequest()
    peticion.method = "GET"
    peticion.path = peticion.path_info = exportacion.ruta
    peticion.GET = parametros
    peticion.META = {"QUERY_STRING": parametros.urlencode(), "SERVER_NAME": "localhost"}
    peticion.user = exportacion.usuario
    peticion.exportacion_en_segundo_plano = True
    vista = resolve(exportacion.ruta)
    respuesta = vista.func(peticion, *vista.args, **vista.kwargs)
    if not isinstance(respuesta, PedidoDeExportacion):
        raise PermissionDenied(_("La lista no se pudo exportar."))
    return respuesta


def _escribir(exportacion: Exportacion, pedido: PedidoDeExportacion, destino) -> int:
    if exportacion.formato == "xlsx":
        return escribir_xlsx(destino, pedido.filas, pedido.columnas, exportacion.nombre)
    lineas = 0
    for pedazo in lineas_csv(pedido.filas, pedido.columnas):
        destino.write(pedazo.encode())
        lineas += pedazo.count("\r\n")
    return lineas - 1  # the header


def producir_exportacion(*, exportacion_id: int) -> bool:
    """Produce the file of one export (what the Celery task does), store it privately and
    tell its user by e-mail and in the app. A second worker, or a retry, finds it claimed."""
    reclamada = Exportacion.objects.filter(pk=exportacion_id, estado=Estado.PENDIENTE).update(
        estado=Estado.GENERANDO
    )
    if not reclamada:
        return False
    exportacion = Exportacion.objects.select_related("usuario").get(pk=exportacion_id)
    try:
        pedido = _pedido_de_la_lista(exportacion)
        with tempfile.TemporaryFile() as temporal:
            filas = _escribir(exportacion, pedido, temporal)
            temporal.seek(0)
            exportacion.archivo.save(
                nombre_de_archivo(pedido.nombre_archivo, exportacion.formato),
                File(temporal),
                save=False,
            )
    except (Http404, PermissionDenied):
        return _fallar(exportacion, _("Ya no tiene acceso a esa lista."))
    except Exception:
        logger.exception("No se pudo producir la exportación %s", exportacion.pk)
        return _fallar(exportacion, _("Ocurrió un error al preparar el archivo."))
    ahora = timezone.now()
    exportacion.estado = Estado.LISTA
    exportacion.filas = filas
    exportacion.terminada_en = ahora
    exportacion.vence_en = ahora + timedelta(days=settings.EXPORTACION_DIAS_VIGENCIA)
    exportacion.save(update_fields=["archivo", "estado", "filas", "terminada_en", "vence_en"])
    programar_aviso(
        objeto=exportacion,
        paso="lista",
        destinatario=exportacion.usuario,
        plantilla=PLANTILLA_LISTA,
        contexto={
            "mensaje": _(
                "El archivo «%(nombre)s» (%(filas)s filas) está listo. Puede descargarlo "
                "hasta el %(fecha)s."
            )
            % {
                "nombre": exportacion,
                "filas": number_format(filas, force_grouping=True),
                "fecha": timezone.localdate(exportacion.vence_en).strftime("%d/%m/%Y"),
            }
        },
    )
    return True


def _fallar(exportacion: Exportacion, motivo: str) -> bool:
    exportacion.estado = Estado.FALLIDA
    exportacion.error = motivo
    exportacion.terminada_en = timezone.now()
    exportacion.save(update_fields=["estado", "error", "terminada_en"])
    notificar(
        destinatario=exportacion.usuario,
        titulo=_("No se pudo preparar «%(nombre)s»") % {"nombre": exportacion},
        mensaje=motivo,
        url=exportacion.url_de_la_lista(),
        objeto=exportacion,
    )
    return False


def borrar_exportaciones_vencidas(*, ahora=None) -> int:
    """Delete the expired exports and their files; returns how many."""
    borradas = 0
    for exportacion in Exportacion.objects.vencidas(ahora).iterator():
        if exportacion.archivo:
            exportacion.archivo.delete(save=False)
        exportacion.delete()
        borradas += 1
    return borradas
