from django.utils.translation import gettext_lazy as _

from buengobierno.web.procedimientos import DESPACHO, ProcedimientoConfig


class AgendaConfig(ProcedimientoConfig):
    name = "agenda"
    label = "agenda"
    verbose_name = _("P002 Coordinación de las actividades del secretario de despacho")
    codigo = "MEDE01.09.P002"
    area = DESPACHO
    icono = "bi-calendar-event"
    url_inicio = "agenda:inicio"
    descripcion = _("La agenda del Secretario de Gobierno y las solicitudes de su presencia.")
    contenido = (
        _("Actividades de la agenda del Secretario"),
        _("Solicitudes de agenda: aprobar, declinar o delegar"),
        _("Detección de cruces de horario"),
        _("Agenda del día"),
    )
