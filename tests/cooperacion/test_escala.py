"""P006 and P008 in the scale seed: their share of eight years, consistent with the rules,
and nothing left due for their scans."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import F

from cooperacion.alianzas.avisos import avisar_alianzas
from cooperacion.alianzas.models import Alianza, RecursoAlianza
from cooperacion.misiones.avisos import avisar_visitas
from cooperacion.misiones.models import VisitaInternacional

ESCALA = 0.004


@pytest.fixture(scope="module")
def sembrada(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("sembrar_escala", escala=ESCALA, stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


pytestmark = pytest.mark.django_db


def test_the_seed_has_alliances_resources_and_visits_as_the_services_leave_them(sembrada):
    from django.utils import timezone

    hoy = timezone.localdate()
    assert Alianza.objects.count() == round(1_200 * ESCALA)
    assert VisitaInternacional.objects.count() == round(2_400 * ESCALA)
    assert not Alianza.objects.filter(fecha_fin_vigencia__lt=F("fecha_firma")).exists()
    assert not RecursoAlianza.objects.filter(monto__isnull=False, valor_cop__isnull=True).exists()
    assert not VisitaInternacional.objects.filter(salida__lt=F("llegada")).exists()
    assert not Alianza.objects.filter(
        estado="vigente", fecha_fin_vigencia__lt=hoy, renovacion_automatica=False
    ).exists()


def test_the_scans_find_nothing_new_after_the_seed(sembrada):
    from django.utils import timezone

    hoy = timezone.localdate()
    with transaction.atomic():
        assert avisar_alianzas(hoy) == 0
        assert avisar_visitas(hoy) == 0
        transaction.set_rollback(True)
