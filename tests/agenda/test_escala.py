"""P002 in the scale seed: its share of eight years, consistent as the services leave it."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import F

from agenda.avisos import avisar_agenda
from agenda.models import Actividad, SolicitudAgenda
from buengobierno.avisos.models import Recordatorio

ESCALA = 0.004

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def sembrada(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("sembrar_escala", escala=ESCALA, stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def test_the_seed_holds_activities_and_requests_answered_as_the_services_do(sembrada):
    assert Actividad.objects.count() > 0.8 * 30_000 * ESCALA
    assert set(SolicitudAgenda.objects.values_list("estado", flat=True)) >= {
        SolicitudAgenda.Estado.APROBADA,
        SolicitudAgenda.Estado.DECLINADA,
    }
    aprobadas = SolicitudAgenda.objects.filter(
        estado__in=(SolicitudAgenda.Estado.APROBADA, SolicitudAgenda.Estado.DELEGADA)
    )
    assert not aprobadas.filter(actividad__isnull=True).exists()
    assert not Actividad.objects.filter(fin__lt=F("inicio")).exists()
    assert Actividad.history.count() >= Actividad.objects.count()


def test_the_scan_finds_nothing_new_in_the_seed(sembrada):
    antes = Recordatorio.objects.count()
    with transaction.atomic():
        assert avisar_agenda() == 0
        transaction.set_rollback(True)
    assert Recordatorio.objects.count() == antes
