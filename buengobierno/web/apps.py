from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "buengobierno.web"
    label = "web"
    verbose_name = _("Interfaz")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from buengobierno.web.escritorio import registrar_pendientes
        from buengobierno.web.exportaciones import exportaciones_del_escritorio

        registrar_pendientes(exportaciones_del_escritorio)
