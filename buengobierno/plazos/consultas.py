"""Business days in SQL: expressions over the calendar table for indicators, filters and scans.

    from buengobierno.plazos.consultas import dias_habiles_entre

    # Average business days late of what was fulfilled late, in one aggregate query.
    Compromiso.objects.filter(fecha_cumplimiento__gt=F("fecha_limite")).aggregate(
        retraso=Avg(dias_habiles_entre("fecha_limite", "fecha_cumplimiento"))
    )

Each side is a date column (by name, as in F()) or a `date`; a date becomes its ordinal as a
constant, so only columns cost a lookup, one indexed lookup per row. A DateTimeField counts by
its local (Bogotá) date: `TruncDate("entregada_en")` as an alias first, then its name.

To filter on "overdue by at least n business days" prefer a plain date comparison, which
the column's own index serves: `fecha_limite__lt=fecha_de_ordinal(ordinal(hoy) - n + 1)`
(see buengobierno.plazos.calendario).
"""

from datetime import date

from django.db.models import IntegerField, OuterRef, Subquery, Value

from buengobierno.plazos import calendario
from buengobierno.plazos.models import DiaCalendario


def ordinal_habil(valor: str | date):
    """The calendar ordinal of a date column (a subquery on the calendar's primary key) or of
    a date (a constant)."""
    if isinstance(valor, date):
        return Value(calendario.ordinal(valor), output_field=IntegerField())
    return Subquery(
        DiaCalendario.objects.filter(fecha=OuterRef(valor)).values("ordinal")[:1],
        output_field=IntegerField(),
    )


def dias_habiles_entre(inicio: str | date, fin: str | date):
    """Business days after `inicio` up to and including `fin`, as calendario.dias_habiles_entre
    counts them (negative when fin comes first; NULL when a column is NULL)."""
    return ordinal_habil(fin) - ordinal_habil(inicio)
