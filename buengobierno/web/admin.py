"""The admin as an administrator of Buen Gobierno needs it: the scheduling tables that matter.

Schedules of the periodic scans are crontabs or intervals (buengobierno.avisos.registro);
solar events and one-off clocked schedules are never used, so they are not offered. (Axes'
models are named in Spanish by locale/es_CO, which has no catalogue of its own.)
"""

from django.contrib import admin
from django_celery_beat import admin as admin_celery_beat  # registered before changing it
from django_celery_beat.models import ClockedSchedule, PeriodicTask, SolarSchedule

for _modelo in (SolarSchedule, ClockedSchedule, PeriodicTask):
    if admin.site.is_registered(_modelo):
        admin.site.unregister(_modelo)


@admin.register(PeriodicTask)
class TareaPeriodicaAdmin(admin_celery_beat.PeriodicTaskAdmin):
    """Periodic tasks without the solar and clocked schedules nobody here uses."""

    fieldsets = tuple(
        (
            titulo,
            {
                **opciones,
                "fields": tuple(f for f in opciones["fields"] if f not in {"solar", "clocked"}),
            },
        )
        for titulo, opciones in admin_celery_beat.PeriodicTaskAdmin.fieldsets
    )
