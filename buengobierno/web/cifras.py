"""Figures kept beside the rows they count, for indicators that must not count the whole
history on each visit (compromisos.resumen, delegaciones.resumen).

A procedure keeps one small table of counts per group (an organism and a month, an organism
and an instancia…) and recounts a group from its rows whenever a save may have changed it:

    recontar_grupo(CifrasDelMes, {"organismo_id": 5, "mes": date(2026, 11, 1)}, contar)

`contar()` returns the group's figures counted from the rows (a dict of the table's fields).
The group's row is created if missing and locked before counting: two transactions that
change the same group take turns, and the second counts after the first has committed
(READ COMMITTED gives each statement a fresh snapshot), so a recount never misses a change
and never drifts. A group with nothing left loses its row.
"""

from collections.abc import Callable, Iterable

from django.db import transaction


class RecuerdaSuGrupo:
    """Mixin for a model whose rows count in a group of kept figures: remembers, as loaded,
    the fields that place a row in its group (`campos_del_grupo`), as `_grupo_de_cifras`, so
    a save that moves the row recounts the group it left too."""

    campos_del_grupo: tuple[str, ...] = ()

    @classmethod
    def from_db(cls, db, field_names, values):
        instancia = super().from_db(db, field_names, values)
        instancia._grupo_de_cifras = tuple(instancia.__dict__.get(c) for c in cls.campos_del_grupo)
        return instancia


def reemplazar_todo(modelo, filas: Iterable) -> int:
    """Replace every row of a table of figures by `filas` (instances), in one transaction:
    a rebuild after bulk writes or a change of the calendar. Returns how many it wrote."""
    with transaction.atomic():
        modelo.objects.all().delete()
        return len(modelo.objects.bulk_create(list(filas), batch_size=2000))


def recontar_grupo(modelo, clave: dict, contar: Callable[[], dict]) -> None:
    with transaction.atomic():
        modelo.objects.bulk_create([modelo(**clave)], ignore_conflicts=True)
        fila = modelo.objects.select_for_update().filter(**clave)
        list(fila)  # take the lock
        cifras = contar()
        if any(cifras.values()):
            fila.update(**cifras)
        else:
            fila.delete()
