"""Celery tasks of the shell: they take keys and call services."""

from celery import shared_task

from buengobierno.web import servicios


@shared_task(name="web.generar_exportacion", ignore_result=True)
def generar_exportacion(exportacion_id: int):
    """Produce one export asked for from a list (servicios.producir_exportacion)."""
    return servicios.producir_exportacion(exportacion_id=exportacion_id)
