import socket
from contextlib import contextmanager
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings
from django.test import override_settings
from django.utils import timezone

from buengobierno.avisos import servicios
from buengobierno.celery import app as celery_app
from buengobierno.organizacion.roles import Rol
from buengobierno.plazos.models import DiaNoHabil
from tests.avisos import escaneos  # noqa: F401  (registers the test scan)
from tests.avisos.servidores import BuzonCaprichoso


def puerto_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Buzon:
    """An aiosmtpd handler that keeps every message it accepts."""

    def __init__(self):
        self.mensajes = []

    async def handle_DATA(self, server, session, envelope):
        self.mensajes.append(envelope)
        return "250 Message accepted for delivery"


@pytest.fixture
def buzon_smtp():
    """A real SMTP server on 127.0.0.1; `.mensajes` holds the envelopes it received."""
    buzon = Buzon()
    controlador = Controller(buzon, hostname="127.0.0.1", port=puerto_libre())
    controlador.start()
    buzon.puerto = controlador.port
    yield buzon
    controlador.stop()


@pytest.fixture
def buzon_caprichoso():
    """A real SMTP server on 127.0.0.1 whose answers the test chooses (see BuzonCaprichoso)."""
    buzon = BuzonCaprichoso()
    controlador = Controller(buzon, hostname="127.0.0.1", port=puerto_libre())
    controlador.start()
    buzon.puerto = controlador.port
    yield buzon
    buzon.soltar()
    controlador.stop()


def correo_smtp(puerto: int):
    """Settings that send e-mail through SMTP on 127.0.0.1:<puerto>, no TLS, no login."""
    return override_settings(
        EMAIL_BACKEND="buengobierno.avisos.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=puerto,
        EMAIL_HOST_USER="",
        EMAIL_HOST_PASSWORD="",
        EMAIL_USE_TLS=False,
        EMAIL_USE_SSL=False,
        EMAIL_TIMEOUT=5,
    )


def _olvidar_conexiones_al_broker():
    # Celery keeps a pool of connections to the broker it first saw; after changing
    # broker_url the app must build a new one (kombu keeps the old pool for its own URL).
    celery_app._pool = None
    amqp = celery_app.__dict__.get("amqp")
    if amqp is not None:
        amqp._producer_pool = None


@contextmanager
def celery_con_broker(url: str, monkeypatch):
    """Publish tasks for real (not eagerly) to the broker at `url` inside the block."""
    conf = celery_app.conf
    antes = (conf.broker_url, conf.task_always_eager, conf.broker_transport_options)
    # Celery reads CELERY_BROKER_URL from the environment before its own configuration.
    monkeypatch.delenv("CELERY_BROKER_URL", raising=False)
    monkeypatch.setattr(servicios, "_broker_caido_hasta", {})
    _olvidar_conexiones_al_broker()
    conf.broker_url = url
    conf.task_always_eager = False
    conf.broker_transport_options = dict(settings.OPCIONES_BROKER_REDIS)
    try:
        yield
    finally:
        _olvidar_conexiones_al_broker()
        conf.broker_url, conf.task_always_eager, conf.broker_transport_options = antes


@pytest.fixture
def administrador(crear_usuario, gobierno):
    return crear_usuario(
        Rol.ADMINISTRADOR,
        gobierno,
        username="admin.avisos",
        first_name="Ana",
        last_name="Zúñiga",
        email="ana.zuniga@cali.gov.co",
    )


@pytest.fixture
def dia_no_habil(db):
    return DiaNoHabil.objects.create(
        fecha=timezone.localdate() + timedelta(days=3),
        motivo="Día cívico por los Juegos Panamericanos & Parapanamericanos",
        acto="Decreto 4112.010.20.0123 de 2026",
    )


@pytest.fixture
def programar(administrador, dia_no_habil):
    """programar(**cambios) -> programar_aviso for the administrator on the non-working day."""

    def llamar(**cambios):
        datos = {
            "objeto": dia_no_habil,
            "paso": "dia_no_habil_proximo",
            "destinatario": administrador,
            "plantilla": "aviso_generico",
            "contexto": {"titulo": "Día cívico", "mensaje": dia_no_habil.motivo},
            "url": "/admin/plazos/dianohabil/",
        }
        datos.update(cambios)
        return servicios.programar_aviso(**datos)

    return llamar
