"""P003 in the scale seed: acts as the services leave them, numbered without gaps, and the
ledger holding what the scan would claim now."""

import io
from collections import defaultdict

import pytest
from django.core.management import call_command
from django.db import transaction

from actos.avisos import avisar_actos
from actos.models import ActoAdministrativo, EtapaActo, VistoBueno
from buengobierno.avisos.models import Recordatorio

ESCALA = 0.004
E = ActoAdministrativo.Estado


@pytest.fixture(scope="module")
def sembrada(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("sembrar_escala", escala=ESCALA, stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


pytestmark = pytest.mark.django_db


def test_the_seed_has_acts_over_eight_years_in_the_states_of_the_flow(sembrada):
    assert ActoAdministrativo.objects.count() == round(10_000 * ESCALA)
    estados = set(ActoAdministrativo.objects.values_list("estado", flat=True))
    assert E.ARCHIVADO in estados
    assert EtapaActo.objects.filter(fin__gte="2000-01-01").count() > 0
    for acto in ActoAdministrativo.objects.filter(estado__in=ActoAdministrativo.DESDE_LA_FIRMA):
        vigentes = set(
            VistoBueno.objects.filter(
                version_id=acto.version_actual_id, anulado_en__isnull=True
            ).values_list("tipo", flat=True)
        )
        assert vigentes == {"productor", "juridica", "secretario"}
        assert acto.faltantes_para_firma() == []


def test_numbers_have_no_gaps_per_series_and_year(sembrada):
    por_serie = defaultdict(list)
    for tipo, anio, numero in ActoAdministrativo.objects.exclude(numero="").values_list(
        "tipo__serie__codigo", "firmado_en__year", "numero"
    ):
        por_serie[(tipo, anio)].append(int(numero.rsplit(".", 1)[1]))
    for numeros in por_serie.values():
        assert sorted(numeros) == list(range(1, len(numeros) + 1))


def test_the_ledger_holds_what_the_scan_would_claim_now(sembrada):
    with transaction.atomic():
        assert avisar_actos() == 0
        transaction.set_rollback(True)
    assert Recordatorio.objects.filter(content_type__model="actoadministrativo").exists() or (
        not ActoAdministrativo.objects.filter(vence_etapa__lte="2100-01-01").exists()
    )
