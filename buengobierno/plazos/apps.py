from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlazosConfig(AppConfig):
    name = "buengobierno.plazos"
    label = "plazos"
    verbose_name = _("Plazos y días hábiles")
    default_auto_field = "django.db.models.BigAutoField"
