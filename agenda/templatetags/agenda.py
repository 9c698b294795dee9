from django import template

from agenda.models import ROLES_DESPACHO, SolicitudAgenda
from buengobierno.organizacion.acceso import tiene_rol
from buengobierno.organizacion.roles import Rol

register = template.Library()


@register.filter
def gestiona_agenda(usuario) -> bool:
    return tiene_rol(usuario, *ROLES_DESPACHO, Rol.ADMINISTRADOR)


@register.filter
def puede_solicitar(usuario) -> bool:
    return SolicitudAgenda.acceso.puede_crear(usuario)
