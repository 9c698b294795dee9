"""A real Celery worker in a subprocess, against the test database and a real Redis."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
import redis
from django.conf import settings
from django.db import connection

RAIZ = Path(settings.BASE_DIR)
PLAZO = 90  # seconds for the worker to start and do everything
# A Redis database of its own, one per database engine, so that runs on SQLite and on
# PostgreSQL never consume each other's messages.
BASE_REDIS = {"sqlite": 13, "postgresql": 14}


# REDIS_PRUEBAS points the test at another server (e.g. two checkouts testing at once).
SERVIDOR_REDIS = os.environ.get("REDIS_PRUEBAS", "redis://127.0.0.1:6379").rstrip("/")


def url_redis() -> str:
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


def url_base_de_datos() -> str:
    """DATABASE_URL of the *test* database this process is using."""
    datos = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{datos['NAME']}"
    credenciales = quote(datos["USER"] or "")
    if datos["PASSWORD"]:
        credenciales += ":" + quote(datos["PASSWORD"])
    anfitrion = f"{datos['HOST'] or '127.0.0.1'}:{datos['PORT'] or 5432}"
    return f"postgres://{credenciales}@{anfitrion}/{datos['NAME']}"


def iniciar_worker(
    *, broker: str, puerto_smtp: int, registro: Path, pool: str = "threads"
) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "CELERY_BROKER_URL": broker,
        "REDIS_URL": broker,
        "EMAIL_URL": f"smtp://127.0.0.1:{puerto_smtp}",
        "DATABASE_URL": url_base_de_datos(),
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
        f"--pool={pool}",
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


def esperar(condicion, *, worker, registro: Path, que: str):
    """Poll until `condicion()` is true; fail with the worker's log at the deadline."""
    limite = time.monotonic() + PLAZO
    while time.monotonic() < limite:
        if condicion():
            return
        if worker.poll() is not None:
            pytest.fail(f"El worker terminó ({worker.returncode}):\n{registro.read_text()}")
        time.sleep(0.1)  # polling interval, not a wait for something to happen
    pytest.fail(f"Pasaron {PLAZO} s sin que {que}. Registro del worker:\n{registro.read_text()}")


def terminaron(registro: Path, *ids) -> bool:
    texto = registro.read_text(errors="replace")
    return all(f"[{id_}] succeeded" in texto for id_ in ids)


def parar(worker: subprocess.Popen) -> None:
    worker.terminate()
    try:
        worker.wait(timeout=20)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()
