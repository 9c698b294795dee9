from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentosConfig(AppConfig):
    name = "buengobierno.documentos"
    label = "documentos"
    verbose_name = _("Documentos: formularios, adjuntos y consecutivos")
    default_auto_field = "django.db.models.BigAutoField"
