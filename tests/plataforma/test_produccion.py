"""What production runs with: persistent, checked database connections and threaded gunicorn."""

import subprocess
import sys

from tests.plataforma.test_configuracion import PRODUCCION, RAIZ, manage

LEER = (
    "from django.conf import settings as s; d = s.DATABASES['default']; "
    "print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
)


def test_production_keeps_database_connections_and_checks_them_before_reuse():
    produccion = manage("shell", "-v", "0", "-c", LEER, **PRODUCCION)
    desarrollo = manage("shell", "-v", "0", "-c", LEER, DEBUG="true", CONN_HEALTH_CHECKS="false")

    assert produccion.stdout.split() == ["60", "True"], produccion.stderr
    assert desarrollo.stdout.split() == ["0", "False"], desarrollo.stderr


def test_gunicorn_runs_threaded_workers_with_timeouts_from_its_config_file():
    resultado = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--print-config", "-c", "gunicorn.conf.py", "x:y"],
        cwd=RAIZ,
        env={"GUNICORN_THREADS": "6", "WEB_CONCURRENCY": "2"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    pares = (linea.split("=", 1) for linea in resultado.stdout.splitlines() if "=" in linea)
    ajustes = {clave.strip(): valor.strip() for clave, valor in pares}

    assert ajustes["worker_class"] == "gthread", resultado.stderr
    assert (ajustes["workers"], ajustes["threads"], ajustes["timeout"]) == ("2", "6", "60")
    assert "%(D)s" in ajustes["access_log_format"]
    assert "gunicorn.conf.py" in (RAIZ / "Dockerfile").read_text()
    assert "gunicorn.conf.py" in (RAIZ / "docker-compose.yml").read_text()
