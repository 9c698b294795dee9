import pytest

pytestmark = pytest.mark.django_db


def test_health_reports_database_and_broker_ok(client):
    respuesta = client.get("/salud/")
    assert respuesta.status_code == 200
    assert respuesta.json() == {
        "estado": "ok",
        "componentes": {"base_de_datos": "ok", "broker": "ok"},
    }


def test_health_answers_503_naming_the_broker_when_it_is_down(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    respuesta = client.get("/salud/")
    assert respuesta.status_code == 503
    datos = respuesta.json()
    assert datos["componentes"]["base_de_datos"] == "ok"
    assert datos["componentes"]["broker"].startswith("error")


def test_health_with_the_real_redis_broker(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:6379/0"
    assert client.get("/salud/").json()["componentes"]["broker"] == "ok"
