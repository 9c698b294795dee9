"""How a procedure plugs a reminder in.

A reminder is three things: a **periodic scan** that finds what is due, a **ledger row** that
claims each (record, step, person) before anything is sent, and an **e-mail template**.

1. Write the scan in `<app>/avisos.py` (the platform imports that module at start-up) and
   register it with `@escaneo`. A scan selects the due rows with an indexed range query
   (`fecha_limite__lte=...`, never `fecha_limite=today`) and calls `programar_aviso` for each
   step and person::

       # delegaciones/avisos.py
       from datetime import timedelta

       from django.utils import timezone
       from django.utils.translation import gettext_lazy as _

       from buengobierno.avisos.registro import escaneo
       from buengobierno.avisos.servicios import programar_aviso
       from delegaciones.models import Delegacion


       @escaneo(
           "delegaciones",
           descripcion=_("Fichas técnicas por vencer y vencidas"),
           crontab={"minute": "*/15"},
       )
       def avisar_fichas():
           hoy = timezone.localdate()
           pendientes = Delegacion.objects.sin_ficha().filter(
               fecha_limite_ficha__lte=hoy + timedelta(days=1)
           ).select_related("delegado")
           for delegacion in pendientes:
               paso = "ficha_vence_hoy" if delegacion.fecha_limite_ficha >= hoy else "ficha_vencida"
               programar_aviso(
                   objeto=delegacion,
                   paso=paso,
                   destinatario=delegacion.delegado,
                   plantilla="delegaciones/ficha_por_vencer",
                   contexto={"mensaje": "La ficha técnica vence hoy."},
               )

   At scale a scan should not even read what was already sent: select only the rows whose
   step the ledger does not hold yet, with `paso_con_fecha` and `reclamado` from
   `buengobierno.avisos.consultas` (a NOT EXISTS served by the ledger's unique key), as
   `compromisos/avisos.py` and `delegaciones/avisos.py` do.

   The schedule is `crontab={...}` (keys of a crontab: minute, hour, day_of_week,
   day_of_month, month_of_year; in America/Bogota) or `intervalo=timedelta(...)`; without
   either it runs every 15 minutes. After `migrate` (or `manage.py sincronizar_avisos`) the
   scan appears in the admin under *Periodic tasks* as "Escaneo: delegaciones"; an admin may
   change its schedule or switch it off there, and those edits are kept.

2. Add the e-mail triplet `templates/emails/<plantilla>-subject.txt` (one line),
   `-body.txt` and `-body.html` (`{% extends "emails/_base.html" %}`, fill
   `{% block contenido %}`). The context holds `objeto` (the record), `destinatario`
   (the user), `url` (absolute link to `url`, or to `objeto.get_absolute_url()`) and the
   keys of `contexto`. `emails/aviso_generico` works for any record: it shows
   `contexto["titulo"]` and `contexto["mensaje"]`.

3. That is all. `programar_aviso` returns the new row, or None when that step was already
   claimed, so a scan may run as often as it likes, twice at once on two workers, or late
   after a missed run: each (record, step, person) is sent exactly once. To send a step
   again when the date moves, put the date in the step (`paso=f"vence:{fecha:%Y%m%d}"`);
   for a weekly digest use the week (`paso=f"resumen:{hoy:%G-W%V}"`). The e-mail goes after
   the transaction commits, with an in-app notice (the bell) titled like the subject;
   an SMTP failure retries with backoff (1, 2, 4… minutes) and the row stays *pendiente*,
   visible in the admin (Avisos › Recordatorios, with a "reintentar ahora" action), until it
   is sent or, after AVISOS_REINTENTOS_MAXIMOS attempts, *fallido*. Every attempt carries the
   row's Message-ID; a message the server may have stored without replying is sent at most
   once more. With Redis down or stalled the record still saves and the scan
   `reenviar_pendientes` (every minute) sends it once the broker is back.

4. Optionally give the model `aviso_vigente(self, paso) -> bool`. It is asked right before
   each e-mail goes out: when it answers False (the ficha was delivered, the delegation
   cancelled while the reminder waited for a retry) the row becomes *descartado* and
   nobody is told something that is no longer true.

For a notice that needs no e-mail and no ledger (e.g. "a visto bueno was given"), call
`notificar(destinatario=..., titulo=..., mensaje=..., url=..., objeto=...)`.
To delete a record's ledger rows with it, give the model
`recordatorios = GenericRelation("avisos.Recordatorio")`.
"""

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, connections, transaction

logger = logging.getLogger(__name__)

TAREA = "avisos.ejecutar_escaneo"
PREFIJO = "Escaneo: "
CAMPOS_CRONTAB = frozenset({"minute", "hour", "day_of_week", "day_of_month", "month_of_year"})
CRONTAB_POR_DEFECTO = {"minute": "*/15"}


@dataclass(frozen=True)
class Escaneo:
    nombre: str
    funcion: Callable[[], object]
    descripcion: str = ""
    crontab: dict | None = None
    intervalo: timedelta | None = None

    @property
    def nombre_tarea(self) -> str:
        return PREFIJO + self.nombre


_escaneos: dict[str, Escaneo] = {}


def escaneo(
    nombre: str,
    *,
    descripcion="",
    crontab: dict | None = None,
    intervalo: timedelta | None = None,
):
    """Register the decorated function as the periodic scan `nombre`.

    The function takes no arguments; what it returns (e.g. how many reminders it
    scheduled) is logged.
    """
    if crontab is not None and intervalo is not None:
        raise ImproperlyConfigured(f"Escaneo {nombre!r}: indique crontab o intervalo, no ambos.")
    if crontab is not None and not set(crontab) <= CAMPOS_CRONTAB:
        raise ImproperlyConfigured(
            f"Escaneo {nombre!r}: campos de crontab desconocidos {set(crontab) - CAMPOS_CRONTAB}."
        )
    if intervalo is not None and intervalo.total_seconds() < 1:
        raise ImproperlyConfigured(f"Escaneo {nombre!r}: el intervalo debe ser de al menos 1 s.")
    if crontab is None and intervalo is None:
        crontab = CRONTAB_POR_DEFECTO

    def registrar(funcion):
        anterior = _escaneos.get(nombre)
        if anterior is not None and _ruta(anterior.funcion) != _ruta(funcion):
            raise ImproperlyConfigured(
                f"El escaneo {nombre!r} ya lo registró {_ruta(anterior.funcion)}."
            )
        _escaneos[nombre] = Escaneo(
            nombre=nombre,
            funcion=funcion,
            descripcion=str(descripcion),
            crontab=dict(crontab) if crontab is not None else None,
            intervalo=intervalo,
        )
        return funcion

    return registrar


def _ruta(funcion) -> str:
    return f"{funcion.__module__}.{funcion.__qualname__}"


def escaneos() -> dict[str, Escaneo]:
    """The registered scans, by name."""
    return dict(_escaneos)


def desregistrar(nombre: str) -> None:
    _escaneos.pop(nombre, None)


def ejecutar(nombre: str):
    """Run one registered scan now (what the Celery task `avisos.ejecutar_escaneo` does)."""
    registrado = _escaneos.get(nombre)
    if registrado is None:
        logger.error("No hay un escaneo registrado con el nombre %r.", nombre)
        return None
    inicio = time.monotonic()
    resultado = registrado.funcion()
    logger.info("Escaneo %s terminado en %.2f s: %s", nombre, time.monotonic() - inicio, resultado)
    return resultado


def _programacion(registrado: Escaneo, using: str) -> dict:
    from django_celery_beat.models import CrontabSchedule, IntervalSchedule

    if registrado.intervalo is not None:
        segundos = int(registrado.intervalo.total_seconds())
        for periodo, tamano in (
            (IntervalSchedule.DAYS, 86400),
            (IntervalSchedule.HOURS, 3600),
            (IntervalSchedule.MINUTES, 60),
            (IntervalSchedule.SECONDS, 1),
        ):
            if segundos % tamano == 0:
                intervalo, _creado = IntervalSchedule.objects.using(using).get_or_create(
                    every=segundos // tamano, period=periodo
                )
                return {"interval": intervalo}
    campos = dict.fromkeys(CAMPOS_CRONTAB, "*")
    campos.update({campo: str(valor) for campo, valor in registrado.crontab.items()})
    crontab = CrontabSchedule.objects.using(using).filter(**campos, timezone=_zona()).first()
    if crontab is None:
        crontab = CrontabSchedule.objects.using(using).create(**campos, timezone=_zona())
    return {"crontab": crontab}


def _zona() -> str:
    return getattr(settings, "CELERY_TIMEZONE", None) or settings.TIME_ZONE


def sincronizar_tareas_periodicas(*, using: str = DEFAULT_DB_ALIAS) -> dict[str, list[str]]:
    """Give every registered scan its django-celery-beat PeriodicTask "Escaneo: <nombre>".

    Creates the missing ones with the declared schedule. An existing one keeps its schedule
    and its enabled flag (an admin may have changed them); only its task, arguments and
    description are brought up to date. Returns the names created, kept, and those of
    "Escaneo: …" tasks whose scan is no longer registered.
    """
    import json

    from django_celery_beat.models import PeriodicTask

    resultado = {"creadas": [], "existentes": [], "huerfanas": []}
    with transaction.atomic(using=using):
        for registrado in sorted(_escaneos.values(), key=lambda e: e.nombre):
            datos = {
                "task": TAREA,
                "args": json.dumps([registrado.nombre]),
                "description": registrado.descripcion,
            }
            tarea = PeriodicTask.objects.using(using).filter(name=registrado.nombre_tarea).first()
            if tarea is None:
                PeriodicTask.objects.using(using).create(
                    name=registrado.nombre_tarea, **datos, **_programacion(registrado, using)
                )
                resultado["creadas"].append(registrado.nombre_tarea)
                continue
            cambios = [campo for campo, valor in datos.items() if getattr(tarea, campo) != valor]
            if cambios:
                for campo in cambios:
                    setattr(tarea, campo, datos[campo])
                tarea.save(update_fields=cambios)
            resultado["existentes"].append(registrado.nombre_tarea)
        registrados = {e.nombre_tarea for e in _escaneos.values()}
        resultado["huerfanas"] = sorted(
            nombre
            for nombre in PeriodicTask.objects.using(using)
            .filter(name__startswith=PREFIJO)
            .values_list("name", flat=True)
            if nombre not in registrados
        )
    return resultado


def sincronizar_tras_migrar(sender=None, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    """post_migrate receiver: only once django-celery-beat's tables exist."""
    from django_celery_beat.models import CrontabSchedule, PeriodicTask

    tablas = set(connections[using].introspection.table_names())
    if {PeriodicTask._meta.db_table, CrontabSchedule._meta.db_table} <= tablas:
        sincronizar_tareas_periodicas(using=using)
