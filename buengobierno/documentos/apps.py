from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentosConfig(AppConfig):
    name = "buengobierno.documentos"
    label = "documentos"
    verbose_name = _("Documentos: formularios, adjuntos y consecutivos")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from buengobierno.documentos import adjuntos  # noqa: F401  (deletes files with rows)
        from buengobierno.organizacion.roles import TODAS, Rol, conceder

        for modelo in (
            "documentos.formulariocontrolado",
            "documentos.serieconsecutiva",
            "documentos.contadorconsecutivo",
            "documentos.adjunto",
        ):
            conceder(Rol.ADMINISTRADOR, modelo, TODAS)
