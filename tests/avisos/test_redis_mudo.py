"""A Redis that accepts connections and never answers (cache and broker at once).

Before: creating a commitment hung 30 s and ended in a 500 with nothing saved.
"""

import time
from contextlib import contextmanager

import pytest
from django.test import override_settings
from django.urls import reverse

from buengobierno.avisos import registro
from buengobierno.avisos.models import Notificacion, Recordatorio
from buengobierno.cache import reanudar
from buengobierno.organizacion.roles import Rol
from buengobierno.plazos.calendario import sumar_dias_habiles
from buengobierno.web.models import Exportacion
from compromisos.models import Compromiso
from tests.avisos.conftest import celery_con_broker
from tests.avisos.servidores import ServidorMudo

pytestmark = pytest.mark.django_db


@contextmanager
def redis_mudo(monkeypatch):
    """Cache and Celery broker pointed at a server that never answers, inside the block."""
    with ServidorMudo() as mudo:
        cache = {
            "default": {
                "BACKEND": "buengobierno.cache.CacheRedisTolerante",
                "LOCATION": mudo.url_redis,
                "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
            }
        }
        with override_settings(CACHES=cache), celery_con_broker(mudo.url_redis, monkeypatch):
            yield mudo
    reanudar()


def test_a_commitment_saves_within_3_seconds_and_its_reminder_goes_out_when_redis_is_back(
    client,
    crear_usuario,
    gobierno,
    directivo_salud,
    hoy,
    monkeypatch,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    client.force_login(crear_usuario(Rol.DESPACHO, gobierno, username="despacho.mudo"))

    with redis_mudo(monkeypatch) as mudo:
        inicio = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True):
            respuesta = client.post(
                reverse("compromisos:nuevo"),
                {
                    "descripcion": "Informe de la mesa de seguridad",
                    "responsable": directivo_salud.pk,
                    "fecha_limite": sumar_dias_habiles(hoy, 10).isoformat(),
                    "prioridad": "alta",
                },
            )
        duracion = time.monotonic() - inicio

        assert duracion < 3
        compromiso = Compromiso.objects.get()
        assert respuesta.status_code == 302
        assert respuesta.url == compromiso.get_absolute_url()
        aviso = Recordatorio.objects.get(destinatario=directivo_salud)
        assert aviso.estado == Recordatorio.Estado.PENDIENTE
        assert aviso.intentos == 0
        assert mudo.conexiones  # the publish did reach the silent server

        # The board still answers: its cached count gives up on Redis and counts in SQL.
        inicio = time.monotonic()
        assert client.get(reverse("compromisos:inicio")).status_code == 200
        assert time.monotonic() - inicio < 3

    # Redis is back (the test settings run tasks in this process): the scan sends it once.
    with django_capture_on_commit_callbacks(execute=True):
        registro.ejecutar("reenviar_pendientes")
    aviso.refresh_from_db()
    assert aviso.estado == Recordatorio.Estado.ENVIADO
    assert [correo.to for correo in mailoutbox] == [[directivo_salud.email]]


def test_a_second_save_does_not_wait_for_the_stalled_redis_again(
    programar, monkeypatch, django_capture_on_commit_callbacks
):
    with redis_mudo(monkeypatch):
        with django_capture_on_commit_callbacks(execute=True):
            programar()
        inicio = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True):
            for numero in range(5):
                programar(paso=f"paso_{numero}")
        assert time.monotonic() - inicio < 1
    assert Recordatorio.objects.filter(estado=Recordatorio.Estado.PENDIENTE).count() == 6


@override_settings(EXPORTACION_FILAS_EN_LINEA=1)
def test_a_background_export_asked_while_redis_is_stalled_fails_at_once_with_a_notice(
    client, despacho, directivo_salud, hoy, monkeypatch, django_capture_on_commit_callbacks
):
    from compromisos import services

    services.crear_compromisos(
        origen=None,
        compromisos=[
            {"descripcion": f"Compromiso {i}", "responsable": directivo_salud, "fecha_limite": hoy}
            for i in range(2)
        ],
        creado_por=despacho,
    )
    client.force_login(despacho)

    with redis_mudo(monkeypatch):
        inicio = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True):
            respuesta = client.get(reverse("compromisos:inicio"), {"exportar": "xlsx"})
        assert time.monotonic() - inicio < 3

    assert respuesta.status_code == 302
    exportacion = Exportacion.objects.get()
    assert exportacion.estado == Exportacion.Estado.FALLIDA
    assert "no responde" in exportacion.error
    assert Notificacion.objects.filter(destinatario=despacho, object_id=exportacion.pk).exists()
