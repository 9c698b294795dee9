"""{% load delegaciones %}: how the pages of P001 show a delegation's state."""

from django import template

from buengobierno.organizacion.acceso import tiene_rol
from delegaciones.models import ROLES_DELEGADOS, Sesion

register = template.Library()

_CLASES = {
    "borrador": "text-bg-light border",
    "pendiente_firma": "text-bg-light border border-warning",
    "notificada": "text-bg-warning",
    "aceptada": "text-bg-primary",
    "rechazada": "text-bg-dark",
    "realizada": "text-bg-info",
    "ficha_entregada": "text-bg-success",
    "ficha_revisada": "text-bg-success",
    "cancelada": "text-bg-dark",
    "no_asistio": "text-bg-dark",
    "suspendida": "text-bg-secondary",
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


@register.filter
def recibe_delegaciones(usuario) -> bool:
    """Whether the user is among those the Despacho delegates (their "Mis delegaciones" tab)."""
    return tiene_rol(usuario, *ROLES_DELEGADOS)
