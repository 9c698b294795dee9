import importlib
import json
from datetime import timedelta
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django_celery_beat.models import CrontabSchedule, IntervalSchedule, PeriodicTask

from buengobierno.avisos import registro
from buengobierno.avisos.registro import escaneo, sincronizar_tareas_periodicas
from buengobierno.avisos.tasks import ejecutar_escaneo
from tests.avisos import escaneos


@pytest.fixture
def escaneo_temporal():
    """Register throwaway scans for one test and forget them afterwards."""
    nombres = []

    def registrar(nombre, **opciones):
        nombres.append(nombre)
        return escaneo(nombre, **opciones)(lambda: 0)

    yield registrar
    for nombre in nombres:
        registro.desregistrar(nombre)


def test_apps_plug_in_their_scans_from_their_avisos_module():
    # buengobierno/avisos/avisos.py is autodiscovered at start-up like any app's module.
    assert "reenviar_pendientes" in registro.escaneos()
    assert registro.escaneos()[escaneos.NOMBRE].funcion is escaneos.avisar_dias_no_habiles


@pytest.mark.django_db
def test_migrate_leaves_a_periodic_task_per_registered_scan():
    tarea = PeriodicTask.objects.get(name="Escaneo: reenviar_pendientes")

    assert tarea.task == "avisos.ejecutar_escaneo"
    assert json.loads(tarea.args) == ["reenviar_pendientes"]
    assert tarea.enabled
    assert tarea.crontab.minute == "*"
    assert str(tarea.crontab.timezone) == "America/Bogota"


@pytest.mark.django_db
def test_sync_creates_missing_tasks_with_the_declared_schedule(escaneo_temporal):
    escaneo_temporal(
        "prueba_cron", descripcion="Cada día a las 7", crontab={"hour": 7, "minute": 0}
    )
    escaneo_temporal("prueba_intervalo", intervalo=timedelta(minutes=30))

    resultado = sincronizar_tareas_periodicas()

    assert "Escaneo: prueba_cron" in resultado["creadas"]
    cron = PeriodicTask.objects.get(name="Escaneo: prueba_cron")
    assert (cron.crontab.hour, cron.crontab.minute, cron.crontab.day_of_week) == ("7", "0", "*")
    assert cron.description == "Cada día a las 7"
    intervalo = PeriodicTask.objects.get(name="Escaneo: prueba_intervalo").interval
    assert (intervalo.every, intervalo.period) == (30, IntervalSchedule.MINUTES)


@pytest.mark.django_db
def test_sync_keeps_the_schedule_and_switch_an_admin_edited(escaneo_temporal):
    escaneo_temporal("prueba_editada", crontab={"minute": "*/15"})
    sincronizar_tareas_periodicas()
    tarea = PeriodicTask.objects.get(name="Escaneo: prueba_editada")
    tarea.crontab = CrontabSchedule.objects.create(minute="0", hour="8")
    tarea.enabled = False
    tarea.args = "[]"
    tarea.save()

    resultado = sincronizar_tareas_periodicas()

    tarea.refresh_from_db()
    assert "Escaneo: prueba_editada" in resultado["existentes"]
    assert (tarea.crontab.minute, tarea.crontab.hour) == ("0", "8")
    assert tarea.enabled is False
    assert json.loads(tarea.args) == ["prueba_editada"]  # what the scan runs is not editable
    assert PeriodicTask.objects.filter(name="Escaneo: prueba_editada").count() == 1


@pytest.mark.django_db
def test_the_command_reports_tasks_whose_scan_is_gone(escaneo_temporal):
    escaneo_temporal("prueba_retirada")
    sincronizar_tareas_periodicas()
    registro.desregistrar("prueba_retirada")
    salida = StringIO()

    call_command("sincronizar_avisos", stdout=salida)

    assert "Escaneo: prueba_retirada" in salida.getvalue()
    assert "Sin escaneo registrado" in salida.getvalue()


@pytest.mark.django_db
def test_the_scan_task_runs_the_registered_function(
    administrador, dia_no_habil, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ejecutar_escaneo.delay(escaneos.NOMBRE)

    assert len(mailoutbox) == 1


def test_an_unknown_scan_name_is_logged_not_raised(caplog):
    assert registro.ejecutar("no_existe") is None
    assert "no_existe" in caplog.text


def test_a_name_taken_by_another_function_is_refused():
    with pytest.raises(ImproperlyConfigured):
        escaneo(escaneos.NOMBRE)(lambda: 0)


def test_a_scan_takes_a_crontab_or_an_interval_not_both():
    with pytest.raises(ImproperlyConfigured):
        escaneo("doble", crontab={"minute": "0"}, intervalo=timedelta(hours=1))
    with pytest.raises(ImproperlyConfigured):
        escaneo("mal", crontab={"minuto": "0"})


@pytest.mark.django_db
@pytest.mark.parametrize(("antes", "despues"), [("*/5", "*"), ("*/10", "*/10")])
def test_the_migration_moves_the_old_five_minute_resend_scan_to_every_minute_only(antes, despues):
    from django.apps import apps
    from django.db import connection

    migracion = importlib.import_module(
        "buengobierno.avisos.migrations.0004_reenviar_pendientes_cada_minuto"
    )
    tarea = PeriodicTask.objects.get(name="Escaneo: reenviar_pendientes")
    tarea.crontab = CrontabSchedule.objects.create(minute=antes, timezone="America/Bogota")
    tarea.save()

    migracion.cada_minuto(apps, SimpleNamespace(connection=connection))

    tarea.refresh_from_db()
    assert tarea.crontab.minute == despues  # an admin's own schedule is kept
    assert str(tarea.crontab.timezone) == "America/Bogota"
