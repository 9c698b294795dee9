"""Dates as the Alcaldía writes them: "22 de noviembre de 2026, 3:15 p. m."

Django's Spanish catalogue capitalises month names and writes "p.m."; Colombian official
documents use lower case and "p. m." (RAE), so these are formatted here.
"""

from datetime import date, datetime

from django.utils import timezone
from django.utils.dateformat import format as formatear
from django.utils.translation import gettext as _


def fecha_larga(valor: date | datetime | None) -> str:
    """'22 de noviembre de 2026' (an aware datetime is shown in local time)."""
    if not valor:
        return ""
    if isinstance(valor, datetime) and timezone.is_aware(valor):
        valor = timezone.localtime(valor)
    mes = formatear(valor, "F").lower()
    return _("%(dia)s de %(mes)s de %(anio)s") % {"dia": valor.day, "mes": mes, "anio": valor.year}


def fecha_hora_larga(valor: datetime | None) -> str:
    """'22 de noviembre de 2026, 3:15 p. m.' in local time."""
    if not valor:
        return ""
    if timezone.is_aware(valor):
        valor = timezone.localtime(valor)
    hora = valor.hour % 12 or 12
    meridiano = _("a. m.") if valor.hour < 12 else _("p. m.")
    return f"{fecha_larga(valor)}, {hora}:{valor.minute:02d} {meridiano}"
