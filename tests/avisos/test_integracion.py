"""A real Celery worker, the real Redis broker and a real SMTP sink: one reminder, one e-mail.

CI starts Redis on 127.0.0.1:6379; without it this test fails (it is the proof that the
reminders work end to end, so it must not be skipped silently).
"""

import os
import subprocess
import sys
import time
import uuid
from email import message_from_bytes, policy
from pathlib import Path
from urllib.parse import quote

import pytest
import redis
from django.conf import settings
from django.db import connection

from buengobierno.avisos.models import Notificacion, Recordatorio
from buengobierno.avisos.tasks import ejecutar_escaneo, enviar_recordatorio
from tests.avisos import escaneos
from tests.avisos.conftest import celery_con_broker

RAIZ = Path(settings.BASE_DIR)
PLAZO = 90  # seconds for the worker to start and do everything
# A Redis database of its own, one per database engine, so that runs on SQLite and on
# PostgreSQL never consume each other's messages.
BASE_REDIS = {"sqlite": 13, "postgresql": 14}


# REDIS_PRUEBAS points the test at another server (e.g. two checkouts testing at once).
SERVIDOR_REDIS = os.environ.get("REDIS_PRUEBAS", "redis://127.0.0.1:6379").rstrip("/")


def _url_redis() -> str:
    url = f"{SERVIDOR_REDIS}/{BASE_REDIS.get(connection.vendor, 15)}"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).flushdb()
    except redis.exceptions.ConnectionError as exc:
        pytest.fail(
            f"Redis no responde en 127.0.0.1:6379 ({exc}). Esta prueba necesita el broker real: "
            "inícielo con `redis-server --daemonize yes --port 6379` (.ci/run lo hace solo).",
            pytrace=False,
        )
    return url


def _url_base_de_datos() -> str:
    """DATABASE_URL of the *test* database this process is using."""
    datos = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{datos['NAME']}"
    credenciales = quote(datos["USER"] or "")
    if datos["PASSWORD"]:
        credenciales += ":" + quote(datos["PASSWORD"])
    anfitrion = f"{datos['HOST'] or '127.0.0.1'}:{datos['PORT'] or 5432}"
    return f"postgres://{credenciales}@{anfitrion}/{datos['NAME']}"


def _iniciar_worker(*, broker: str, puerto_smtp: int, registro: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "CELERY_BROKER_URL": broker,
        "REDIS_URL": broker,
        "EMAIL_URL": f"smtp://127.0.0.1:{puerto_smtp}",
        "DATABASE_URL": _url_base_de_datos(),
        "PYTHONPATH": str(RAIZ),
        "PYTHONUNBUFFERED": "1",
    }
    orden = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "buengobierno",
        "worker",
        # Two threads: the two scans below really run at the same time inside the worker.
        "--pool=threads",
        "--concurrency=2",
        "--loglevel=INFO",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
        f"--hostname=avisos-{uuid.uuid4().hex[:8]}@%h",
        # The test scan is registered by this module, as an app's avisos.py would be.
        "--include=tests.avisos.escaneos",
    ]
    with registro.open("wb") as salida:
        return subprocess.Popen(orden, cwd=RAIZ, env=env, stdout=salida, stderr=subprocess.STDOUT)


def _esperar(condicion, *, worker, registro: Path, que: str):
    """Poll until `condicion()` is true; fail with the worker's log at the deadline."""
    limite = time.monotonic() + PLAZO
    while time.monotonic() < limite:
        if condicion():
            return
        if worker.poll() is not None:
            pytest.fail(f"El worker terminó ({worker.returncode}):\n{registro.read_text()}")
        time.sleep(0.1)  # polling interval, not a wait for something to happen
    pytest.fail(f"Pasaron {PLAZO} s sin que {que}. Registro del worker:\n{registro.read_text()}")


def _terminaron(registro: Path, *ids) -> bool:
    texto = registro.read_text(errors="replace")
    return all(f"[{id_}] succeeded" in texto for id_ in ids)


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_sends_one_email_when_two_scans_run_at_once(
    administrador, dia_no_habil, buzon_smtp, monkeypatch, tmp_path
):
    broker = _url_redis()
    registro = tmp_path / "worker.log"
    worker = _iniciar_worker(broker=broker, puerto_smtp=buzon_smtp.puerto, registro=registro)
    try:
        with celery_con_broker(broker, monkeypatch):
            escaneo_1 = ejecutar_escaneo.delay(escaneos.NOMBRE)
            escaneo_2 = ejecutar_escaneo.delay(escaneos.NOMBRE)
        _esperar(
            lambda: _terminaron(registro, escaneo_1.id, escaneo_2.id),
            worker=worker,
            registro=registro,
            que="terminaran los dos escaneos",
        )
        recordatorio = Recordatorio.objects.get()
        _esperar(
            lambda: Recordatorio.objects.filter(estado=Recordatorio.Estado.ENVIADO).exists(),
            worker=worker,
            registro=registro,
            que="el recordatorio quedara enviado",
        )

        # A retry, a second beat or a re-enqueue delivering the same task again: still one.
        with celery_con_broker(broker, monkeypatch):
            repetido_1 = enviar_recordatorio.delay(recordatorio.pk)
            repetido_2 = enviar_recordatorio.delay(recordatorio.pk)
        _esperar(
            lambda: _terminaron(registro, repetido_1.id, repetido_2.id),
            worker=worker,
            registro=registro,
            que="terminaran los envíos repetidos",
        )
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()

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
