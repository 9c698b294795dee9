"""{% load compromisos %}: how the pages of P005 show states."""

from django import template

register = template.Library()

_CLASES = {
    "borrador": "text-bg-light border",
    "pendiente": "text-bg-secondary",
    "en_progreso": "text-bg-primary",
    "reprogramado": "text-bg-warning",
    "cumplido": "text-bg-info",
    "verificado": "text-bg-success",
    "cancelado": "text-bg-dark",
    "programada": "text-bg-secondary",
    "en_curso": "text-bg-primary",
    "cerrada": "text-bg-success",
    "convocado": "text-bg-light border",
    "asistio": "text-bg-success",
    "se_excuso": "text-bg-warning",
}


@register.filter
def clase_estado(registro) -> str:
    """The badge colour of a commitment (red when overdue), a meeting or an attendance."""
    if getattr(registro, "vencido", False):
        return "text-bg-danger"
    valor = getattr(registro, "estado", None) or getattr(registro, "asistencia", registro)
    return _CLASES.get(str(valor), "text-bg-secondary")


@register.filter
def porcentaje(valor) -> str:
    return "—" if valor is None else f"{valor:.0f} %"


@register.filter
def id_nota(campo) -> str:
    """The id of the message area beside a live field (see static/js/compromisos/en_vivo.js)."""
    clave = campo.field.widget.attrs.get("data-clave") or campo.html_name
    return "nota-" + clave.replace(".", "-")
