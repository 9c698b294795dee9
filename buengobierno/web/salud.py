"""`/salud/`: whether each service the system needs answers, within a bounded time.

Each part (database, Redis cache, broker, SMTP server) is probed in a thread of its own, all
at once, and the answer waits at most LIMITE_TOTAL seconds for them together: a server that
accepts connections and never replies shows as "error: sin respuesta" instead of hanging the
check (and the load balancer's probe with it). Each probe also has its own socket timeouts,
so a thread left behind ends by itself shortly after.

The answer also counts the reminders that reached `fallido` (they wait for an admin); those
do not make the check fail, since the site itself works.
"""

import smtplib
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import wait as esperar

from django.conf import settings
from django.core.cache import caches
from django.db import connections

from buengobierno.celery import app as celery_app

LIMITE_TOTAL = 2.5  # seconds for all the probes together
ESPERA = 2  # seconds: each probe's connect and read timeout
BACKENDS_SMTP = {
    "django.core.mail.backends.smtp.EmailBackend",
    "buengobierno.avisos.smtp.EmailBackend",
}


def _base_de_datos() -> str:
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    finally:
        connections["default"].close()  # this thread's own connection
    return "ok"


def _recordatorios_fallidos() -> int:
    from buengobierno.avisos.models import Recordatorio

    try:
        return Recordatorio.objects.filter(estado=Recordatorio.Estado.FALLIDO).count()
    finally:
        connections["default"].close()


def _cache() -> str:
    cache = caches["default"]
    cache.set("salud", time.time(), 30)
    return "ok"


def _broker() -> str:
    url = settings.CELERY_BROKER_URL
    if url.startswith(("redis://", "rediss://", "unix://")):
        import redis

        cliente = redis.Redis.from_url(url, socket_connect_timeout=ESPERA, socket_timeout=ESPERA)
        try:
            cliente.ping()
        finally:
            cliente.close()
        return "ok"
    with celery_app.connection_for_write(url) as conexion:
        conexion.ensure_connection(max_retries=1, timeout=ESPERA)
    return "ok"


def _correo() -> str:
    """Connect, EHLO and NOOP: the server is there and talks SMTP (no login, nothing sent)."""
    clase = smtplib.SMTP_SSL if getattr(settings, "EMAIL_USE_SSL", False) else smtplib.SMTP
    with clase(settings.EMAIL_HOST, settings.EMAIL_PORT, timeout=ESPERA) as servidor:
        servidor.ehlo()
        codigo, _respuesta = servidor.noop()
        if codigo != 250:
            raise smtplib.SMTPResponseException(codigo, _respuesta)
    return "ok"


def _pruebas() -> dict:
    pruebas = {"base_de_datos": _base_de_datos}
    if not caches["default"].__class__.__module__.endswith(("locmem", "dummy")):
        pruebas["cache"] = _cache
    pruebas["broker"] = _broker
    if settings.EMAIL_BACKEND in BACKENDS_SMTP:
        pruebas["correo"] = _correo
    return pruebas


def comprobar() -> dict:
    """{"estado": "ok"|"error", "componentes": {part: "ok"|"error: …"}, "recordatorios": …}."""
    pruebas = _pruebas()
    # Not a `with` block: leaving it would wait for a probe stuck on a silent server.
    hilos = ThreadPoolExecutor(max_workers=len(pruebas) + 1, thread_name_prefix="salud")
    tareas = {nombre: hilos.submit(prueba) for nombre, prueba in pruebas.items()}
    fallidos = hilos.submit(_recordatorios_fallidos)
    esperar([*tareas.values(), fallidos], timeout=LIMITE_TOTAL)
    hilos.shutdown(wait=False)

    componentes = {}
    for nombre, tarea in tareas.items():
        if not tarea.done():
            componentes[nombre] = f"error: sin respuesta en {LIMITE_TOTAL:g} s"
        elif tarea.exception() is not None:
            # Only the type: the answer is public and a message may name hosts or users.
            componentes[nombre] = f"error: {tarea.exception().__class__.__name__}"
        else:
            componentes[nombre] = tarea.result()
    resultado = {
        "estado": "ok" if all(v == "ok" for v in componentes.values()) else "error",
        "componentes": componentes,
    }
    if fallidos.done() and fallidos.exception() is None:
        resultado["recordatorios"] = {"fallidos": fallidos.result()}
    return resultado
