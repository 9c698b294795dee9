"""Signals of the business-day calendar, for the procedure apps (which depend on the platform,
never the other way round).

`calendario_cambiado` is sent when an admin adds, changes or removes a non-working day, once
the calendar table already counts it: each procedure recomputes the business-day deadlines it
stores and keeps the change in the record's history. Keyword arguments: `fecha` (the day that
changed), `motivo` (a Spanish sentence for the history).
"""

from django.dispatch import Signal

calendario_cambiado = Signal()
