"""What waits for each user in P002, for Mi escritorio."""

from django.utils import timezone
from django.utils.translation import gettext as _

from agenda.models import ROLES_DESPACHO, SolicitudAgenda
from buengobierno.organizacion.acceso import tiene_rol
from buengobierno.organizacion.roles import Rol
from buengobierno.web.escritorio import Pendiente

LIMITE = 20


def pendientes_de_agenda(usuario):
    hoy = timezone.localdate()
    if tiene_rol(usuario, *ROLES_DESPACHO, Rol.ADMINISTRADOR):
        por_responder = SolicitudAgenda.objects.filter(
            estado=SolicitudAgenda.Estado.PENDIENTE
        ).order_by("fecha_limite_respuesta", "pk")[:LIMITE]
        for s in por_responder:
            yield Pendiente(
                titulo=_("Responder la solicitud de agenda: %(solicitud)s") % {"solicitud": s},
                url=s.get_absolute_url(),
                procedimiento="P002",
                fecha_limite=s.fecha_limite_respuesta,
                vencido=s.fecha_limite_respuesta < hoy,
            )
    if usuario.is_authenticated:
        por_aceptar = SolicitudAgenda.objects.filter(
            solicitante=usuario, estado=SolicitudAgenda.Estado.OTRA_FECHA
        ).order_by("pk")[:LIMITE]
        for s in por_aceptar:
            yield Pendiente(
                titulo=_("Aceptar la fecha que propone el Despacho: %(tema)s") % {"tema": s.tema},
                url=s.get_absolute_url(),
                procedimiento="P002",
            )
