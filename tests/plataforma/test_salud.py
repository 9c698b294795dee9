import os
import time

import pytest
from django.test import override_settings

from buengobierno.avisos.models import Recordatorio
from tests.avisos.conftest import correo_smtp, puerto_libre
from tests.avisos.servidores import ServidorMudo

pytestmark = pytest.mark.django_db

SERVIDOR_REDIS = os.environ.get("REDIS_PRUEBAS", "redis://127.0.0.1:6379").rstrip("/")


def cache_redis(url: str):
    return override_settings(
        CACHES={
            "default": {
                "BACKEND": "buengobierno.cache.CacheRedisTolerante",
                "LOCATION": url,
                "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
            }
        }
    )


def salud(client):
    inicio = time.monotonic()
    respuesta = client.get("/salud/")
    return respuesta, time.monotonic() - inicio


def test_health_reports_database_and_broker_ok(client):
    respuesta = client.get("/salud/")
    assert respuesta.status_code == 200
    assert respuesta.json() == {
        "estado": "ok",
        "componentes": {"base_de_datos": "ok", "broker": "ok"},
        "recordatorios": {"fallidos": 0},
    }


def test_health_answers_503_naming_the_broker_when_it_is_down(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    respuesta = client.get("/salud/")
    assert respuesta.status_code == 503
    datos = respuesta.json()
    assert datos["componentes"]["base_de_datos"] == "ok"
    assert datos["componentes"]["broker"].startswith("error")


def test_health_with_the_real_redis_broker_and_cache(client, settings):
    settings.CELERY_BROKER_URL = f"{SERVIDOR_REDIS}/12"
    with cache_redis(f"{SERVIDOR_REDIS}/12"):
        datos = client.get("/salud/").json()
    assert datos["componentes"]["broker"] == "ok"
    assert datos["componentes"]["cache"] == "ok"


def test_a_redis_that_accepts_and_never_answers_gives_503_within_3_seconds(client, settings):
    with ServidorMudo() as mudo, cache_redis(mudo.url_redis):
        settings.CELERY_BROKER_URL = mudo.url_redis
        respuesta, duracion = salud(client)

    assert duracion < 3
    assert respuesta.status_code == 503
    componentes = respuesta.json()["componentes"]
    assert componentes["base_de_datos"] == "ok"
    assert componentes["broker"].startswith("error")
    assert componentes["cache"].startswith("error")


def test_health_checks_the_smtp_server(client, buzon_smtp):
    with correo_smtp(buzon_smtp.puerto):
        respuesta = client.get("/salud/")
    assert respuesta.status_code == 200
    assert respuesta.json()["componentes"]["correo"] == "ok"


def test_an_smtp_server_that_refuses_connections_gives_503_naming_the_mail(client):
    with correo_smtp(puerto_libre()):
        respuesta = client.get("/salud/")
    assert respuesta.status_code == 503
    componentes = respuesta.json()["componentes"]
    assert componentes["correo"] == "error: ConnectionRefusedError"
    assert componentes["base_de_datos"] == "ok"


def test_an_smtp_server_that_never_greets_gives_503_within_3_seconds(client):
    with ServidorMudo() as mudo, correo_smtp(mudo.puerto):
        respuesta, duracion = salud(client)
    assert duracion < 3
    assert respuesta.status_code == 503
    assert respuesta.json()["componentes"]["correo"].startswith("error")


@pytest.mark.django_db(transaction=True)
def test_health_counts_the_failed_reminders_for_the_admins(client, programar, mailoutbox):
    recordatorio = programar()
    Recordatorio.objects.filter(pk=recordatorio.pk).update(estado=Recordatorio.Estado.FALLIDO)

    datos = client.get("/salud/").json()

    # Failed reminders wait for an admin; the site still works, so the check passes.
    assert datos["estado"] == "ok"
    assert datos["recordatorios"] == {"fallidos": 1}
