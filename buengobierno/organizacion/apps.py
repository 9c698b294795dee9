from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class OrganizacionConfig(AppConfig):
    name = "buengobierno.organizacion"
    label = "organizacion"
    verbose_name = _("Organización: organismos, usuarios y roles")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from buengobierno.organizacion.roles import sincronizar_permisos

        # Permissions exist only after post_migrate has created them, so the grant of each
        # role's permissions runs there (the groups themselves come from a data migration).
        post_migrate.connect(sincronizar_permisos, dispatch_uid="organizacion.sincronizar_permisos")
