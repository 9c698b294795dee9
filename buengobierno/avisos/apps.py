from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class AvisosConfig(AppConfig):
    name = "buengobierno.avisos"
    label = "avisos"
    verbose_name = _("Avisos: notificaciones y recordatorios")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from buengobierno.avisos.alertas import alertas_de_correo
        from buengobierno.avisos.registro import sincronizar_tras_migrar
        from buengobierno.organizacion.roles import Rol, conceder
        from buengobierno.web.escritorio import registrar_alertas

        # Administrators see on Mi escritorio when e-mail is not going out.
        registrar_alertas(alertas_de_correo)

        # Each app's scans live in <app>/avisos.py and register themselves on import.
        autodiscover_modules("avisos")
        # After migrate the beat schedule shows every registered scan (and keeps admin edits).
        post_migrate.connect(
            sincronizar_tras_migrar, sender=self, dispatch_uid="avisos.sincronizar_tras_migrar"
        )
        conceder(Rol.ADMINISTRADOR, "avisos.recordatorio", {"view", "change"})
        conceder(Rol.ADMINISTRADOR, "avisos.notificacion", {"view", "delete"})
        conceder(
            Rol.ADMINISTRADOR,
            "django_celery_beat.intervalschedule",
            {"view", "add", "change", "delete"},
        )
