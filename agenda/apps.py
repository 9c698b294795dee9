from django.utils.translation import gettext_lazy as _

from buengobierno.organizacion.roles import TODAS, Rol, conceder
from buengobierno.web.procedimientos import DESPACHO, ProcedimientoConfig

_MODELOS = ("actividad", "solicitudagenda")

# Grants are declared at import so the post_migrate permission sync includes them.
for _modelo in _MODELOS:
    conceder(Rol.ADMINISTRADOR, f"agenda.{_modelo}", TODAS)
    conceder(Rol.CONSULTA, f"agenda.{_modelo}", {"view"})
    for _rol in (Rol.DESPACHO, Rol.SECRETARIO):
        conceder(_rol, f"agenda.{_modelo}", {"view", "add", "change"})
conceder(Rol.ADMINISTRADOR, "agenda.calendarioagenda", {"view", "delete"})
for _rol in (Rol.DIRECTIVO, Rol.ENLACE, Rol.RELACIONES, Rol.JURIDICA):
    conceder(_rol, "agenda.actividad", {"view"})
    conceder(_rol, "agenda.solicitudagenda", {"view", "add", "change"})


def _asegurar_formulario(sender, using="default", **kwargs):
    """Re-create the day's agenda controlled form when missing (a test flush empties the
    table and runs post_migrate; see buengobierno.documentos.apps). Only adds."""
    import importlib

    from django.apps import apps

    datos = importlib.import_module("agenda.migrations.0002_formulario_agenda_del_dia")
    datos.cargar(apps, None)


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

    def ready(self):
        from django.db.models.signals import post_migrate

        from agenda import escritorio
        from agenda.services import recalcular_plazos
        from buengobierno.plazos.senales import calendario_cambiado
        from buengobierno.web.escritorio import registrar_pendientes

        registrar_pendientes(escritorio.pendientes_de_agenda)
        calendario_cambiado.connect(recalcular_plazos, dispatch_uid="agenda.plazos")
        post_migrate.connect(_asegurar_formulario, sender=self, dispatch_uid="agenda.formulario")
