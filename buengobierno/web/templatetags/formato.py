"""{% load formato %}: the Alcaldía's dates, times and numbers in any template (pages, PDFs,
e-mails). One source: buengobierno.documentos.formato.

    {{ d|fecha_larga }}                 9 de diciembre de 2026
    {{ d|dia_y_fecha }}                 miércoles, 9 de diciembre de 2026
    {{ dt|hora }}                       2:00 p. m.
    {{ dt|fecha_hora_larga }}           9 de diciembre de 2026, 2:00 p. m.
    {{ inicio|rango_horas:fin }}        9 de diciembre de 2026, 2:00 p. m. – 3:30 p. m.
    {{ n|numero }} {{ n|numero:1 }}     1.234 · 1.234,5
    {{ n|porcentaje }}                  85 %
    {{ texto|frase }}                   ends in exactly one period
    {{ instancia|con_articulo }}        la Junta Directiva de EMCALI (also |de and |a:
                                        del Consejo…, al Comité…)
    <time datetime="{{ d|iso }}">       machine-readable, for the datetime attribute only
"""

from datetime import date, datetime

from django import template

from buengobierno.documentos import formato

register = template.Library()

for _nombre in (
    "fecha_larga",
    "dia_y_fecha",
    "mes_y_anio",
    "hora",
    "fecha_hora_larga",
    "porcentaje",
    "fecha_entrada",
    "frase",
    "todos",
    "plazo_relativo",
    "con_articulo",
    "de",
    "a",
):
    register.filter(_nombre, getattr(formato, _nombre))


@register.filter
def rango_horas(inicio, fin):
    return formato.rango_horas(inicio, fin)


@register.filter
def numero(valor, decimales=0):
    return formato.numero(valor, int(decimales))


@register.filter
def iso(valor) -> str:
    """The value for a <time datetime="…"> attribute (never for text a person reads)."""
    if isinstance(valor, datetime):
        return valor.isoformat()
    if isinstance(valor, date):
        return valor.isoformat()
    return ""
