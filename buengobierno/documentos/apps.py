import importlib

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


def _asegurar_datos_iniciales(sender, using="default", **kwargs):
    """Re-create the seeded forms and series when missing (e.g. after a test flush).

    The data migration seeds them once; a flush (transactional tests) empties the tables but
    runs post_migrate, so the same loader runs here. It only adds what is missing.
    """
    from django.apps import apps

    datos = importlib.import_module("buengobierno.documentos.migrations.0002_datos_iniciales")
    datos.cargar(apps, None)


class DocumentosConfig(AppConfig):
    name = "buengobierno.documentos"
    label = "documentos"
    verbose_name = _("Documentos: formularios, adjuntos y consecutivos")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from buengobierno.documentos import (
            adjuntos,  # noqa: F401  (deletes files with rows)
            congelados,  # noqa: F401  (registers its catch-up)
        )

        # Each app declares its frozen PDFs in <app>/documentos.py (see congelados.py).
        autodiscover_modules("documentos")
        from buengobierno.organizacion.roles import TODAS, Rol, conceder

        for modelo in (
            "documentos.formulariocontrolado",
            "documentos.serieconsecutiva",
            "documentos.contadorconsecutivo",
            "documentos.adjunto",
        ):
            conceder(Rol.ADMINISTRADOR, modelo, TODAS)
        post_migrate.connect(
            _asegurar_datos_iniciales, sender=self, dispatch_uid="documentos.datos"
        )
