"""{% load delegaciones %}: how the pages of P001 show a delegation's state."""

from django import template

from delegaciones.models import Sesion

register = template.Library()

_CLASES = {
    "borrador": "text-bg-light border",
    "notificada": "text-bg-warning",
    "aceptada": "text-bg-primary",
    "rechazada": "text-bg-dark",
    "realizada": "text-bg-info",
    "ficha_entregada": "text-bg-success",
    "ficha_revisada": "text-bg-success",
    "cancelada": "text-bg-dark",
}


@register.filter
def clase_delegacion(delegacion) -> str:
    """The badge colour of a delegation: red when its ficha is overdue."""
    if delegacion.ficha_vencida:
        return "text-bg-danger"
    return _CLASES.get(delegacion.estado, "text-bg-secondary")


@register.filter
def puede_registrar(usuario) -> bool:
    """Whether the user registers sessions and instancias (the coordination's access policy)."""
    return Sesion.acceso.puede_crear(usuario)
