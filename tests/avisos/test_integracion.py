"""A real Celery worker, the real Redis broker and a real SMTP sink: one reminder, one e-mail.

CI starts Redis on 127.0.0.1:6379; without it this test fails (it is the proof that the
reminders work end to end, so it must not be skipped silently).
"""

from email import message_from_bytes, policy

import pytest

from buengobierno.avisos.models import Notificacion, Recordatorio
from buengobierno.avisos.tasks import ejecutar_escaneo, enviar_recordatorio
from tests.avisos import escaneos
from tests.avisos.conftest import celery_con_broker
from tests.avisos.worker import esperar, iniciar_worker, parar, terminaron, url_redis


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_sends_one_email_when_two_scans_run_at_once(
    administrador, dia_no_habil, buzon_smtp, monkeypatch, tmp_path
):
    broker = url_redis()
    registro = tmp_path / "worker.log"
    worker = iniciar_worker(broker=broker, puerto_smtp=buzon_smtp.puerto, registro=registro)
    try:
        with celery_con_broker(broker, monkeypatch):
            escaneo_1 = ejecutar_escaneo.delay(escaneos.NOMBRE)
            escaneo_2 = ejecutar_escaneo.delay(escaneos.NOMBRE)
        esperar(
            lambda: terminaron(registro, escaneo_1.id, escaneo_2.id),
            worker=worker,
            registro=registro,
            que="terminaran los dos escaneos",
        )
        recordatorio = Recordatorio.objects.get()
        esperar(
            lambda: Recordatorio.objects.filter(estado=Recordatorio.Estado.ENVIADO).exists(),
            worker=worker,
            registro=registro,
            que="el recordatorio quedara enviado",
        )

        # A retry, a second beat or a re-enqueue delivering the same task again: still one.
        with celery_con_broker(broker, monkeypatch):
            repetido_1 = enviar_recordatorio.delay(recordatorio.pk)
            repetido_2 = enviar_recordatorio.delay(recordatorio.pk)
        esperar(
            lambda: terminaron(registro, repetido_1.id, repetido_2.id),
            worker=worker,
            registro=registro,
            que="terminaran los envíos repetidos",
        )
    finally:
        parar(worker)

    assert len(buzon_smtp.mensajes) == 1
    mensaje = buzon_smtp.mensajes[0]
    assert mensaje.rcpt_tos == [administrador.email]
    correo = message_from_bytes(mensaje.content, policy=policy.default)
    assert correo["Subject"] == f"[Buen Gobierno] Día no hábil el {dia_no_habil.fecha:%d/%m/%Y}"
    assert "Juegos Panamericanos & Parapanamericanos" in correo.get_body(("plain",)).get_content()
    recordatorio.refresh_from_db()
    assert recordatorio.estado == Recordatorio.Estado.ENVIADO
    assert recordatorio.intentos == 1
    assert Recordatorio.objects.count() == 1
    assert Notificacion.objects.filter(destinatario=administrador).count() == 1
