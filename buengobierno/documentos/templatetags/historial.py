"""{% historial objeto %}: the timeline of any record; and the Alcaldía's date filters."""

from django import template

from buengobierno.documentos import formato
from buengobierno.documentos.historial import entradas_de_historial

register = template.Library()


@register.inclusion_tag("historial/_timeline.html")
def historial(objeto, limite=None):
    """Render templates/historial/_timeline.html for `objeto` (optionally the latest `limite`)."""
    return {"objeto": objeto, "entradas": entradas_de_historial(objeto, limite=limite)}


@register.filter
def fecha_larga(valor):
    """22 de noviembre de 2026"""
    return formato.fecha_larga(valor)


@register.filter
def fecha_hora_larga(valor):
    """22 de noviembre de 2026, 3:15 p. m."""
    return formato.fecha_hora_larga(valor)
