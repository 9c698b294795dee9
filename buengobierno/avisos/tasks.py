"""Celery tasks of the reminders engine: they take keys and call services."""

import math

from celery import shared_task

from buengobierno.avisos import registro, servicios


@shared_task(
    bind=True,
    name="avisos.enviar_recordatorio",
    max_retries=None,
    ignore_result=True,
    # Killed before its claim (PLAZO_ENVIANDO) expires, so two workers never hold one row.
    time_limit=servicios.TIEMPO_MAXIMO_DE_ENVIO,
)
def enviar_recordatorio(self, recordatorio_id: int):
    """Send one reminder; after an SMTP failure, come back when the backoff is over.

    The row itself keeps the count of attempts and goes to fallido on its own, so Celery's
    retry count is not the limit. If the retry cannot be published, the periodic scan
    `reenviar_pendientes` finds the row pending anyway.
    """
    resultado = servicios.enviar_recordatorio(recordatorio_id=recordatorio_id)
    if resultado.reintentar_en is not None:
        raise self.retry(countdown=math.ceil(resultado.reintentar_en.total_seconds()))
    return resultado.enviado


@shared_task(bind=True, name="avisos.ejecutar_escaneo", ignore_result=True)
def ejecutar_escaneo(self, nombre: str):
    """Run the periodic scan registered under `nombre` (see avisos.registro)."""
    return registro.ejecutar(nombre)
