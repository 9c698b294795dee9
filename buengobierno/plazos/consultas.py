"""Business days in SQL: expressions over the calendar table for indicators, filters and scans.

A model joins a date column to its day of the calendar with a `DiaDelCalendario` (no column,
no migration; a LEFT JOIN on the calendar's primary key when a query uses it)::

    class Compromiso(models.Model):
        fecha_limite = models.DateField()
        fecha_cumplimiento = models.DateField(null=True)
        dia_limite = DiaDelCalendario("fecha_limite")
        dia_cumplimiento = DiaDelCalendario("fecha_cumplimiento")

    # Business days late of what was fulfilled late, in one aggregate query.
    Compromiso.objects.filter(fecha_cumplimiento__gt=F("fecha_limite")).aggregate(
        dias=Sum(dias_habiles_entre("dia_limite", "dia_cumplimiento"))
    )

Each side of `dias_habiles_entre` is the name of such a relation (its day's ordinal) or a
`date` (its ordinal, a constant from the calendar loaded in memory). The answer is the one
`buengobierno.plazos.calendario.dias_habiles_entre` gives, NULL when a date is NULL.

To filter on "overdue by at least n business days" prefer a plain date comparison, which the
column's own index serves: `fecha_limite__lt=fecha_de_ordinal(ordinal(hoy) - n + 1)` (see
`buengobierno.plazos.calendario`).
"""

from datetime import date

from django.db import models
from django.db.models import F, IntegerField, Value

from buengobierno.plazos import calendario


class DiaDelCalendario(models.ForeignObject):
    """The day of the calendar of a date column, for joins in queries only.

    Declared like a field, kept out of the model's fields (like a GenericRelation): no column,
    no migration, no form or history field. Queries reach the day's `habil` and `ordinal`
    through it (`F("dia_limite__ordinal")`), as a LEFT JOIN, so rows with a NULL date stay.
    """

    def __init__(self, campo_fecha: str, **kwargs):
        kwargs.update(
            to="plazos.DiaCalendario",
            on_delete=models.DO_NOTHING,
            from_fields=[campo_fecha],
            to_fields=["fecha"],
            related_name="+",
            null=True,
            editable=False,
        )
        super().__init__(**kwargs)

    def contribute_to_class(self, cls, name, private_only=False, **kwargs):
        super().contribute_to_class(cls, name, private_only=True, **kwargs)


def ordinal_habil(valor: str | date):
    """The calendar ordinal of a DiaDelCalendario relation (by name) or of a date."""
    if isinstance(valor, date):
        return Value(calendario.ordinal(valor), output_field=IntegerField())
    return F(f"{valor}__ordinal")


def dias_habiles_entre(inicio: str | date, fin: str | date):
    """Business days after `inicio` up to and including `fin`, as calendario.dias_habiles_entre
    counts them (negative when fin comes first; NULL when a date is NULL)."""
    return ordinal_habil(fin) - ordinal_habil(inicio)
