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

from collections.abc import Callable

from django.db import transaction


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
