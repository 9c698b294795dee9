from django.apps import AppConfig
from django.core.signals import request_started
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


def _dia_no_habil_cambiado(**kwargs):
    from buengobierno.plazos import calendario, tabla
    from buengobierno.plazos.senales import calendario_cambiado

    # In the admin's own transaction: the new day counts for whatever that request does
    # next, and the other processes see the new version once it commits.
    tabla.sincronizar_calendario(using=kwargs.get("using") or "default")
    calendario.comprobar_version()
    # The stored deadlines follow, in the same transaction (see senales.py).
    dia = kwargs["instance"]
    if kwargs.get("signal") is post_delete:
        motivo = _("Se quitó el día no hábil %(fecha)s del calendario.")
    else:
        motivo = _("Se declaró no hábil el %(fecha)s (%(motivo)s).")
    calendario_cambiado.send(
        sender=type(dia),
        fecha=dia.fecha,
        motivo=str(motivo) % {"fecha": dia.fecha.isoformat(), "motivo": dia.motivo},
    )


class PlazosConfig(AppConfig):
    name = "buengobierno.plazos"
    label = "plazos"
    verbose_name = _("Plazos y días hábiles")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from celery.signals import task_prerun

        from buengobierno.plazos import calendario, tabla
        from buengobierno.plazos.models import DiaNoHabil

        post_migrate.connect(
            tabla.sincronizar_tras_migrar, sender=self, dispatch_uid="plazos.sincronizar"
        )
        for nombre, senal in (("guardado", post_save), ("borrado", post_delete)):
            senal.connect(
                _dia_no_habil_cambiado,
                sender=DiaNoHabil,
                dispatch_uid=f"plazos.dia_no_habil.{nombre}",
            )
        # Each request and each task compares the calendar it holds with the database's once.
        request_started.connect(calendario.comprobar_version, dispatch_uid="plazos.peticion")
        task_prerun.connect(calendario.comprobar_version, dispatch_uid="plazos.tarea", weak=False)
