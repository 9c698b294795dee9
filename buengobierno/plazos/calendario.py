"""Colombian business days: the one place every deadline in the system is computed.

A deadline in days skips Saturdays, Sundays, national holidays (Ley 51 de 1983 Monday moves,
Easter-based days, 9 July from 2026 by Ley 2578 de 2026, all from the `holidays` package) and
the non-working days an admin adds (DiaNoHabil), per Ley 4 de 1913 art. 62.

The answers come from the calendar table (see `buengobierno.plazos.tabla`), loaded once per
process into arrays: whether each date is a business day, its running ordinal of business
days, and the date of each ordinal. So every function is a lookup or a subtraction, never a
walk over the days. SQL uses the same table (`buengobierno.plazos.consultas`).

Each process notices a changed calendar (an admin added a civic day, in this or any other
process) by comparing the version in the database with the one it loaded: at most once per
request and per Celery task, and at least every INTERVALO_DE_COMPROBACION seconds otherwise.
It needs nothing but the database (no cache, no Redis).
"""

import calendar
import threading
import time
from array import array
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import holidays
from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from buengobierno.plazos.models import DiaCalendario, DiaNoHabil, EstadoCalendario
from buengobierno.plazos.tabla import DESDE, HASTA, ID_ESTADO

INTERVALO_DE_COMPROBACION = 60  # seconds, outside requests and tasks


class FueraDelCalendario(ValidationError, ValueError):
    """A date outside the calendar's range. A ValidationError, so a form shows it."""

    def __init__(self, fecha):
        super().__init__(
            _(
                "La fecha %(fecha)s está fuera del rango que admite el sistema (años %(desde)s a %(hasta)s)."
            )
            % {
                # lower(): Django's es_CO catalogue capitalises month names.
                "fecha": formats.date_format(fecha, r"j \d\e F \d\e Y").lower(),
                "desde": DESDE.year,
                "hasta": HASTA.year,
            },
            code="fuera_del_calendario",
        )


class CalendarioNoDisponible(RuntimeError):
    """The calendar table is empty: the database has not been migrated."""


@dataclass(frozen=True)
class _Tabla:
    version: str
    habil: bytes  # per day from DESDE: 1 business day, 0 not
    ordinal: array  # per day from DESDE: business days from DESDE up to and including it
    habiles: array  # days from DESDE of each business day: habiles[k - 1] has ordinal k


_tabla: _Tabla | None = None
_comprobada_en = float("-inf")
_cerrojo = threading.Lock()


def comprobar_version(**kwargs) -> None:
    """Make the next use compare the loaded calendar with the database's.

    Connected to request_started, Celery's task_prerun and DiaNoHabil's changes; tests call it
    after a rollback may have taken the database's calendar back.
    """
    global _comprobada_en
    _comprobada_en = float("-inf")


def _cargar(version: str) -> _Tabla:
    habil, ordinal, habiles = bytearray(), array("l"), array("l")
    filas = DiaCalendario.objects.order_by("fecha").values_list("fecha", "habil", "ordinal")
    for indice, (fecha, es_habil, numero) in enumerate(filas.iterator(chunk_size=5000)):
        if fecha != DESDE + timedelta(days=indice):
            raise CalendarioNoDisponible(
                f"Al calendario le falta el día {DESDE + timedelta(indice)}."
            )
        habil.append(es_habil)
        ordinal.append(numero)
        if es_habil:
            habiles.append(indice)
    if len(habil) != (HASTA - DESDE).days + 1:
        raise CalendarioNoDisponible(
            "La tabla del calendario está incompleta: ejecute `manage.py migrate`."
        )
    return _Tabla(version=version, habil=bytes(habil), ordinal=ordinal, habiles=habiles)


def _vigente() -> _Tabla:
    global _tabla, _comprobada_en
    tabla = _tabla
    if tabla is not None and time.monotonic() - _comprobada_en < INTERVALO_DE_COMPROBACION:
        return tabla
    with _cerrojo:
        version = EstadoCalendario.objects.filter(pk=ID_ESTADO).values_list("version", flat=True)
        version = version.first()
        if version is None:
            raise CalendarioNoDisponible(
                "No hay calendario de días hábiles: ejecute `manage.py migrate`."
            )
        if _tabla is None or _tabla.version != version:
            _tabla = _cargar(version)
        _comprobada_en = time.monotonic()
        return _tabla


def _indice(fecha: date) -> int:
    if not DESDE <= fecha <= HASTA:
        raise FueraDelCalendario(fecha)
    return (fecha - DESDE).days


def _fecha_de(tabla: _Tabla, ordinal: int, referencia: date) -> date:
    if not 1 <= ordinal <= len(tabla.habiles):
        raise FueraDelCalendario(referencia)
    return DESDE + timedelta(days=tabla.habiles[ordinal - 1])


@lru_cache(maxsize=256)
def _festivos_del_anio(anio: int) -> dict[date, str]:
    # One date can carry two holidays (2025-06-30); the dict holds each date once.
    return dict(holidays.country_holidays("CO", years=anio, language="es"))


def festivos(anio: int) -> dict[date, str]:
    """National holidays of a year, date -> name in Spanish."""
    return _festivos_del_anio(anio)


def es_dia_habil(fecha: date) -> bool:
    return bool(_vigente().habil[_indice(fecha)])


def ordinal(fecha: date) -> int:
    """Business days from the calendar's first date up to and including `fecha`: the number
    the calendar table stores, to compare with `consultas.ordinal_habil` in SQL."""
    return _vigente().ordinal[_indice(fecha)]


def fecha_de_ordinal(numero: int) -> date:
    """The business day whose ordinal is `numero`."""
    return _fecha_de(_vigente(), numero, HASTA if numero > 0 else DESDE)


def motivo_no_habil(fecha: date) -> str | None:
    """Why a date is not a business day, or None if it is one."""
    if fecha.weekday() == 5:
        return "sábado"
    if fecha.weekday() == 6:
        return "domingo"
    if fecha in festivos(fecha.year):
        return festivos(fecha.year)[fecha]
    if es_dia_habil(fecha):
        return None
    return DiaNoHabil.objects.filter(fecha=fecha).values_list("motivo", flat=True).first()


def sumar_dias_habiles(fecha: date, n: int) -> date:
    """The date n business days after `fecha` (before it when n is negative).

    The starting day itself never counts: a ficha due "within three days after the session"
    held on a Friday is due on the third business day that follows. With n == 0 the result is
    `fecha` if it is a business day, else the next business day.
    """
    tabla = _vigente()
    indice = _indice(fecha)
    hasta_hoy = tabla.ordinal[indice]  # business days up to and including `fecha`
    if n > 0:
        return _fecha_de(tabla, hasta_hoy + n, fecha)
    # Business days strictly before `fecha`, then count back (n < 0) or take the next (n == 0).
    antes = hasta_hoy - tabla.habil[indice]
    return _fecha_de(tabla, antes + n + 1, fecha)


def dias_habiles_entre(inicio: date, fin: date) -> int:
    """Business days after `inicio` up to and including `fin` (negative if fin < inicio).

    So dias_habiles_entre(d, sumar_dias_habiles(d, n)) == n, and a deadline missed by one
    business day gives 1 between the due date and the delivery date.
    """
    tabla = _vigente()
    return tabla.ordinal[_indice(fin)] - tabla.ordinal[_indice(inicio)]


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
