"""Celery tasks of the documents: they take keys and call the module that does the work."""

from celery import shared_task

from buengobierno.documentos import congelados


@shared_task(name="documentos.generar_documento", ignore_result=True)
def generar_documento(clave: str, pk: int):
    """Render and store the frozen PDF `clave` of record `pk` (nothing if already stored)."""
    adjunto = congelados.generar_documento(clave=clave, pk=pk)
    return adjunto.pk if adjunto is not None else None
