from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AvisosConfig(AppConfig):
    name = "buengobierno.avisos"
    label = "avisos"
    verbose_name = _("Avisos: notificaciones y recordatorios")
    default_auto_field = "django.db.models.BigAutoField"
