from django.conf import settings
from django.db import connection

from buengobierno.celery import app as celery_app


def _base_de_datos() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def _broker() -> str:
    with celery_app.connection_for_write(settings.CELERY_BROKER_URL) as conexion:
        conexion.ensure_connection(max_retries=1, timeout=2)
    return "ok"


def comprobar() -> dict:
    componentes = {}
    for nombre, prueba in (("base_de_datos", _base_de_datos), ("broker", _broker)):
        try:
            componentes[nombre] = prueba()
        except Exception as exc:  # the point is to report any failure, whatever its type
            componentes[nombre] = f"error: {exc.__class__.__name__}"
    estado = "ok" if all(v == "ok" for v in componentes.values()) else "error"
    return {"estado": estado, "componentes": componentes}
