"""Colombian business days: the one function every deadline in the system uses.

A deadline in days skips Saturdays, Sundays, national holidays (Ley 51 de 1983 Monday moves,
Easter-based days, 9 July from 2026 by Ley 2578 de 2026, all from the `holidays` package) and
the non-working days an admin adds (DiaNoHabil), per Ley 4 de 1913 art. 62.
"""

import calendar
from contextlib import suppress
from datetime import date, timedelta
from functools import lru_cache

import holidays
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from buengobierno.plazos.models import DiaNoHabil

_CLAVE_CACHE = "plazos:dias-no-habiles"


@lru_cache(maxsize=64)
def _festivos_del_anio(anio: int) -> dict[date, str]:
    # One date can carry two holidays (2025-06-30); the dict holds each date once.
    return dict(holidays.country_holidays("CO", years=anio, language="es"))


def festivos(anio: int) -> dict[date, str]:
    """National holidays of a year, date -> name in Spanish."""
    return _festivos_del_anio(anio)


def _dias_no_habiles_locales() -> frozenset[date]:
    try:
        dias = cache.get(_CLAVE_CACHE)
    except Exception:  # a cache outage (Redis down) must not stop deadlines from computing
        dias = None
    if dias is None:
        dias = frozenset(DiaNoHabil.objects.values_list("fecha", flat=True))
        with suppress(Exception):
            cache.set(_CLAVE_CACHE, dias, 300)
    return dias


@receiver([post_save, post_delete], sender=DiaNoHabil)
def _olvidar_dias_locales(**kwargs):
    with suppress(Exception):
        cache.delete(_CLAVE_CACHE)


def motivo_no_habil(fecha: date) -> str | None:
    """Why a date is not a business day, or None if it is one."""
    if fecha.weekday() == 5:
        return "sábado"
    if fecha.weekday() == 6:
        return "domingo"
    if fecha in festivos(fecha.year):
        return festivos(fecha.year)[fecha]
    if fecha in _dias_no_habiles_locales():
        return DiaNoHabil.objects.get(fecha=fecha).motivo
    return None


def es_dia_habil(fecha: date) -> bool:
    return (
        fecha.weekday() < 5
        and fecha not in festivos(fecha.year)
        and fecha not in _dias_no_habiles_locales()
    )


def sumar_dias_habiles(fecha: date, n: int) -> date:
    """The date n business days after `fecha` (before it when n is negative).

    The starting day itself never counts: a ficha due "within three days after the session"
    held on a Friday is due on the third business day that follows. With n == 0 the result is
    `fecha` if it is a business day, else the next business day.
    """
    paso = 1 if n >= 0 else -1
    restantes = abs(n)
    actual = fecha
    if restantes == 0:
        while not es_dia_habil(actual):
            actual += timedelta(days=1)
        return actual
    while restantes:
        actual += timedelta(days=paso)
        if es_dia_habil(actual):
            restantes -= 1
    return actual


def dias_habiles_entre(inicio: date, fin: date) -> int:
    """Business days after `inicio` up to and including `fin` (negative if fin < inicio).

    So dias_habiles_entre(d, sumar_dias_habiles(d, n)) == n, and a deadline missed by one
    business day gives 1 between the due date and the delivery date.
    """
    if fin < inicio:
        return -dias_habiles_entre(fin, inicio)
    return sum(1 for k in range(1, (fin - inicio).days + 1) if es_dia_habil(inicio + timedelta(k)))


def sumar_meses(fecha: date, meses: int) -> date:
    """A deadline in months runs by the calendar; if its last day is not a business day it
    moves to the next one (Ley 4 de 1913 art. 62). A 31st becomes the month's last day."""
    indice = fecha.year * 12 + (fecha.month - 1) + meses
    anio, mes = divmod(indice, 12)
    mes += 1
    dia = min(fecha.day, calendar.monthrange(anio, mes)[1])
    return sumar_dias_habiles(date(anio, mes, dia), 0)


def sumar_anios(fecha: date, anios: int) -> date:
    return sumar_meses(fecha, 12 * anios)
