"""A Celery worker killed in the middle of sending a reminder (SIGKILL: no cleanup at all).

Before: its row stayed `enviando` for 15 minutes and the 5-minute scan released it, so the
reminder went out 15–20 minutes late, and a copy more when the server had already stored it.
Now the claim expires after 4 minutes and the scan runs every minute: the row is handed back
within 5 minutes of the kill, and it is transmitted again only within the limit of two.

The clock is simulated: the ledger's times are moved back one minute per scan.
"""

from email import message_from_bytes, policy

import pytest
from django.utils import timezone

from buengobierno.avisos import registro, servicios
from buengobierno.avisos.models import Recordatorio
from tests.avisos.conftest import celery_con_broker, correo_smtp
from tests.avisos.test_entrega_incierta import escanear, pasan
from tests.avisos.worker import esperar, iniciar_worker, parar, url_redis

Estado = Recordatorio.Estado


def matar_a_mitad_de_envio(*, programar, buzon, monkeypatch, tmp_path) -> Recordatorio:
    """Start a real worker, let it claim the reminder and reach the SMTP server, kill it."""
    broker = url_redis()
    bitacora = tmp_path / "worker.log"
    worker = iniciar_worker(broker=broker, puerto_smtp=buzon.puerto, registro=bitacora)
    try:
        with celery_con_broker(broker, monkeypatch):
            recordatorio = programar()  # published at once: this test commits for real
        esperar(buzon.en_espera.is_set, worker=worker, registro=bitacora, que="el worker enviara")
        worker.kill()
        worker.wait()
    finally:
        parar(worker)
    buzon.soltar()
    recordatorio.refresh_from_db()
    assert recordatorio.estado == Estado.ENVIANDO
    assert recordatorio.proximo_intento <= timezone.now() + servicios.PLAZO_ENVIANDO
    return recordatorio


def minutos_hasta_enviado(django_capture_on_commit_callbacks, recordatorio, *, tope=30):
    """Scan once a minute of simulated time; the minute the row was sent (None if never)."""
    enviado_en = None
    for minuto in range(1, tope + 1):
        pasan(1)
        escanear(django_capture_on_commit_callbacks)
        recordatorio.refresh_from_db()
        if enviado_en is None and recordatorio.estado == Estado.ENVIADO:
            enviado_en = minuto
    return enviado_en


def test_the_reminder_scan_runs_every_minute():
    assert registro.escaneos()["reenviar_pendientes"].crontab == {"minute": "*"}
    assert servicios.PLAZO_ENVIANDO.total_seconds() + 60 <= 5 * 60
    assert servicios.PLAZO_ENVIANDO.total_seconds() > servicios.TIEMPO_MAXIMO_DE_ENVIO


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_before_handing_over_the_message_delivers_it_once_within_5_minutes(
    programar, buzon_caprichoso, monkeypatch, tmp_path, django_capture_on_commit_callbacks
):
    buzon_caprichoso.modo = "colgar_en_rcpt"
    recordatorio = matar_a_mitad_de_envio(
        programar=programar, buzon=buzon_caprichoso, monkeypatch=monkeypatch, tmp_path=tmp_path
    )
    assert recordatorio.transmisiones == 0

    buzon_caprichoso.modo = "aceptar"
    with correo_smtp(buzon_caprichoso.puerto):
        minuto = minutos_hasta_enviado(django_capture_on_commit_callbacks, recordatorio)

    assert minuto is not None
    assert minuto <= 5
    assert len(buzon_caprichoso.mensajes) == 1
    assert recordatorio.intentos == 2


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_after_handing_over_the_message_sends_one_copy_more_at_most(
    programar, buzon_caprichoso, monkeypatch, tmp_path, django_capture_on_commit_callbacks
):
    buzon_caprichoso.modo = "callar"  # stores the message and never replies
    recordatorio = matar_a_mitad_de_envio(
        programar=programar, buzon=buzon_caprichoso, monkeypatch=monkeypatch, tmp_path=tmp_path
    )
    assert recordatorio.transmisiones == 1
    assert len(buzon_caprichoso.mensajes) == 1

    buzon_caprichoso.modo = "aceptar"
    with correo_smtp(buzon_caprichoso.puerto):
        minuto = minutos_hasta_enviado(django_capture_on_commit_callbacks, recordatorio)

    assert minuto is not None
    assert minuto <= 5
    assert recordatorio.transmisiones == 2
    ids = {
        message_from_bytes(sobre.original_content, policy=policy.default)["Message-ID"]
        for sobre in buzon_caprichoso.mensajes
    }
    assert len(buzon_caprichoso.mensajes) == 2
    assert ids == {recordatorio.id_mensaje}
