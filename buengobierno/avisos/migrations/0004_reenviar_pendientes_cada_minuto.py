"""The scan `reenviar_pendientes` runs every minute (it ran every five).

A claim left by a dead worker now expires after 4 minutes; with a scan each minute its row is
handed back within 5. Only a schedule still at the old default is changed: an admin's own
choice is kept, as `sincronizar_tareas_periodicas` does.
"""

from django.db import migrations

NOMBRE = "Escaneo: reenviar_pendientes"


def cada_minuto(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    db = schema_editor.connection.alias
    tarea = (
        PeriodicTask.objects.using(db)
        .filter(name=NOMBRE, crontab__minute="*/5", crontab__hour="*")
        .select_related("crontab")
        .first()
    )
    if tarea is None:
        return
    campos = {
        "minute": "*",
        "hour": "*",
        "day_of_week": "*",
        "day_of_month": "*",
        "month_of_year": "*",
        "timezone": tarea.crontab.timezone,
    }
    crontab = CrontabSchedule.objects.using(db).filter(**campos).first()
    if crontab is None:
        crontab = CrontabSchedule.objects.using(db).create(**campos)
    tarea.crontab = crontab
    tarea.save(update_fields=["crontab"])


class Migration(migrations.Migration):
    dependencies = [
        ("avisos", "0003_recordatorio_id_mensaje_y_transmisiones"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(cada_minuto, migrations.RunPython.noop)]
