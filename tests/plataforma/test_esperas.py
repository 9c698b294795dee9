"""Production settings bound every wait on Redis and SMTP (read in a fresh process)."""

import json

from tests.plataforma.test_configuracion import PRODUCCION, manage

LEER = """
import json
from django.conf import settings
print(json.dumps({
    "cache": settings.CACHES["default"],
    "broker": settings.CELERY_BROKER_TRANSPORT_OPTIONS,
    "conexion_broker": settings.CELERY_BROKER_CONNECTION_TIMEOUT,
    "reintentar_publicacion": settings.CELERY_TASK_PUBLISH_RETRY,
    "correo": settings.EMAIL_BACKEND,
}))
"""


def test_redis_and_smtp_waits_are_bounded_in_production():
    resultado = manage("shell", "-c", LEER, **PRODUCCION)
    assert resultado.returncode == 0, resultado.stderr
    valores = json.loads(resultado.stdout.strip().splitlines()[-1])

    assert valores["cache"]["BACKEND"] == "buengobierno.cache.CacheRedisTolerante"
    assert valores["cache"]["OPTIONS"] == {"socket_connect_timeout": 2, "socket_timeout": 2}
    assert valores["broker"]["socket_connect_timeout"] == 2
    assert valores["broker"]["socket_timeout"] == 2
    assert valores["broker"]["max_retries"] == 0
    assert valores["conexion_broker"] == 2
    assert valores["reintentar_publicacion"] is False
    assert valores["correo"] == "buengobierno.avisos.smtp.EmailBackend"


def test_an_smtp_timeout_longer_than_a_minute_stops_start_up():
    resultado = manage("check", **{**PRODUCCION, "EMAIL_TIMEOUT": "120"})
    assert resultado.returncode != 0
    assert "EMAIL_TIMEOUT" in resultado.stderr
