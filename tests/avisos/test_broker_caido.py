import logging
import time

import pytest
from django.db import transaction

from buengobierno.avisos.models import Notificacion, Recordatorio
from tests.avisos.conftest import celery_con_broker

BROKER_CAIDO = "redis://127.0.0.1:1/0"


@pytest.mark.django_db(transaction=True)
def test_with_the_broker_down_the_record_still_saves_and_the_reminder_stays_pending(
    programar, dia_no_habil, mailoutbox, monkeypatch, caplog
):
    with (
        celery_con_broker(BROKER_CAIDO, monkeypatch),
        caplog.at_level(logging.WARNING),
        transaction.atomic(),
    ):
        dia_no_habil.motivo = "Guardado con Redis caído"
        dia_no_habil.save()
        recordatorio = programar()

    dia_no_habil.refresh_from_db()
    recordatorio.refresh_from_db()
    assert dia_no_habil.motivo == "Guardado con Redis caído"
    assert recordatorio.estado == Recordatorio.Estado.PENDIENTE
    assert recordatorio.intentos == 0
    assert Recordatorio.objects.por_reenviar().filter(pk=recordatorio.pk).exists()
    assert mailoutbox == []
    assert Notificacion.objects.count() == 0
    assert "No se pudo encolar el recordatorio" in caplog.text


@pytest.mark.django_db(transaction=True)
def test_after_one_failed_publish_further_reminders_do_not_wait_for_the_dead_broker(
    programar, monkeypatch
):
    with celery_con_broker(BROKER_CAIDO, monkeypatch):
        programar()
        inicio = time.monotonic()
        for numero in range(5):
            programar(paso=f"paso_{numero}")
        duracion = time.monotonic() - inicio

    assert Recordatorio.objects.filter(estado=Recordatorio.Estado.PENDIENTE).count() == 6
    assert duracion < 1.0
