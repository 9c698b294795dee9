"""The business-day calendar as a table (DiaCalendario), so SQL counts business days too.

For every date of DESDE … HASTA the table says whether it is a business day and its running
ordinal of business days. It is computed from the `holidays` package and the days an admin
adds (DiaNoHabil) and regenerated when either changes: a data migration fills it, every
`migrate` checks it (a new holidays release arrives with a deploy, which migrates), and saving
or deleting a DiaNoHabil regenerates it in the same transaction. The Python functions of
`buengobierno.plazos.calendario` load this same table, so both sides always agree.

Regenerating writes only what changed: adding a non-working day flips one row and shifts the
ordinals after it with one UPDATE per run of dates, not one per date.
"""

import hashlib
import uuid
from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

import holidays
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import F
from django.dispatch import Signal
from django.utils import timezone

# The range of the calendar, and of the dates the platform accepts as input.
DESDE = date(2000, 1, 1)
HASTA = date(2100, 12, 31)
ID_ESTADO = 1

# Sent (sender=DiaCalendario, using=alias) when a regeneration changed the table, inside its
# transaction: whatever a procedure keeps counted in business days must be counted again.
calendario_cambiado = Signal()


def festivos_nacionales(desde: date = DESDE, hasta: date = HASTA) -> holidays.HolidayBase:
    """Colombian national holidays of the years from `desde` to `hasta` (names in Spanish)."""
    return holidays.country_holidays("CO", years=range(desde.year, hasta.year + 1), language="es")


def calcular(dias_locales: Iterable[date]) -> list[tuple[date, bool, int]]:
    """(fecha, hábil, ordinal) for every date of the calendar, in order."""
    return list(_calcular(frozenset(dias_locales), holidays.__version__))


@lru_cache(maxsize=4)
def _calcular(locales: frozenset[date], _version_de_holidays: str) -> tuple:
    festivos = festivos_nacionales()
    filas, ordinal = [], 0
    for desplazamiento in range((HASTA - DESDE).days + 1):
        fecha = DESDE + timedelta(days=desplazamiento)
        habil = fecha.weekday() < 5 and fecha not in festivos and fecha not in locales
        ordinal += habil
        filas.append((fecha, habil, ordinal))
    return tuple(filas)


def huella(dias_locales: Iterable[date]) -> str:
    """A digest of everything the calendar is computed from."""
    partes = [holidays.__version__, DESDE.isoformat(), HASTA.isoformat()]
    partes += sorted(d.isoformat() for d in dias_locales)
    return hashlib.sha256("|".join(partes).encode()).hexdigest()


def _modelos(apps=None):
    if apps is None:
        from django.apps import apps
    return (
        apps.get_model("plazos", "DiaCalendario"),
        apps.get_model("plazos", "DiaNoHabil"),
        apps.get_model("plazos", "EstadoCalendario"),
    )


def _tramos(cambios: list[tuple[date, int]]):
    """Group (fecha, shift of its ordinal) into runs of consecutive dates with the same shift."""
    tramo = None
    for fecha, delta in cambios:
        if tramo and tramo[2] == delta and tramo[1] + timedelta(days=1) == fecha:
            tramo[1] = fecha
            continue
        if tramo:
            yield tuple(tramo)
        tramo = [fecha, fecha, delta]
    if tramo:
        yield tuple(tramo)


def _escribir_diferencias(DiaCalendario, using: str, deseadas) -> int:
    actuales = {
        fecha: (habil, ordinal)
        for fecha, habil, ordinal in DiaCalendario.objects.using(using).values_list(
            "fecha", "habil", "ordinal"
        )
    }
    manager = DiaCalendario.objects.using(using)
    if not actuales:
        _insertar(DiaCalendario, using, deseadas)
        return len(deseadas)
    escritas = 0
    desplazadas, nuevas = [], []
    for fecha, habil, ordinal in deseadas:
        actual = actuales.pop(fecha, None)
        if actual is None:
            nuevas.append((fecha, habil, ordinal))
        elif actual[0] != habil:
            escritas += manager.filter(fecha=fecha).update(habil=habil, ordinal=ordinal)
        elif actual[1] != ordinal:
            desplazadas.append((fecha, ordinal - actual[1]))
    for inicio, fin, delta in _tramos(desplazadas):
        escritas += manager.filter(fecha__range=(inicio, fin)).update(ordinal=F("ordinal") + delta)
    if actuales:  # dates left outside a narrowed range
        escritas += manager.filter(fecha__in=list(actuales)).delete()[0]
    _insertar(DiaCalendario, using, nuevas)
    return escritas + len(nuevas)


def _insertar(DiaCalendario, using: str, filas) -> None:
    """Insert (fecha, hábil, ordinal) rows: the whole table after a flush in a fraction of what
    bulk_create takes (tests flush it after each transactional test)."""
    if not filas:
        return
    conexion = connections[using]
    tabla = conexion.ops.quote_name(DiaCalendario._meta.db_table)
    with conexion.cursor() as cursor:
        if conexion.vendor == "postgresql":
            with cursor.copy(f"COPY {tabla} (fecha, habil, ordinal) FROM STDIN") as copia:
                copia.write("".join(f"{f}\t{'t' if h else 'f'}\t{o}\n" for f, h, o in filas))
        else:
            cursor.executemany(
                f"INSERT INTO {tabla} (fecha, habil, ordinal) VALUES (%s, %s, %s)", filas
            )


def sincronizar_calendario(
    *, using: str = DEFAULT_DB_ALIAS, forzar: bool = False, apps=None
) -> int:
    """Bring the calendar table in line with the holidays package and DiaNoHabil.

    Does nothing when the digest of its inputs has not changed (unless `forzar`). Otherwise
    writes the differences and gives the calendar a new version, which every process notices
    (calendario.py). Returns how many rows changed. `apps` is a migration's app registry.
    """
    DiaCalendario, DiaNoHabil, EstadoCalendario = _modelos(apps)
    with transaction.atomic(using=using):
        # The row lock makes two processes that regenerate at once take turns (PostgreSQL).
        estado = (
            EstadoCalendario.objects.using(using).select_for_update().filter(pk=ID_ESTADO).first()
        )
        locales = list(
            DiaNoHabil.objects.using(using)
            .filter(fecha__range=(DESDE, HASTA))
            .values_list("fecha", flat=True)
        )
        nueva_huella = huella(locales)
        lleno = DiaCalendario.objects.using(using).exists()
        if estado is not None and estado.huella == nueva_huella and lleno and not forzar:
            return 0
        escritas = _escribir_diferencias(DiaCalendario, using, calcular(locales))
        EstadoCalendario.objects.using(using).update_or_create(
            pk=ID_ESTADO,
            defaults={
                "huella": nueva_huella,
                "version": uuid.uuid4().hex,
                "regenerado_en": timezone.now(),
            },
        )
        if escritas and apps is None:
            # What a procedure keeps counted in business days follows (not in a migration,
            # whose tables may not all exist yet).
            calendario_cambiado.send(sender=DiaCalendario, using=using)
    return escritas


def sincronizar_tras_migrar(sender=None, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    """post_migrate receiver: refill after a flush, follow a new holidays release."""
    DiaCalendario, _dia, EstadoCalendario = _modelos()
    tablas = set(connections[using].introspection.table_names())
    if {DiaCalendario._meta.db_table, EstadoCalendario._meta.db_table} <= tablas:
        sincronizar_calendario(using=using)
