"""The on-time figures kept per organism and instancia (delegaciones.resumen) give what
counting every delegation gives, after every kind of change."""

import pytest
from django.urls import reverse

from delegaciones import resumen
from delegaciones.indicadores import cifras_por
from delegaciones.models import CifrasDeInstancia, Delegacion, Sesion
from tests.delegaciones import test_tableros

pytestmark = pytest.mark.django_db


def iguales():
    """Kept and counted agree (a group left with nothing to count may show as zeros when
    counted and not at all when kept)."""

    def con_algo(cifras):
        return [c for c in cifras if c.base or c.por_vencer]

    return all(
        con_algo(resumen.cifras_de_todo(agrupar))
        == con_algo(cifras_por(Delegacion.objects.all(), agrupar))
        for agrupar in ("organismo", "instancia")
    )


# The scenario of the indicators' test, as a fixture here too.
fichas_de_dos_organismos = test_tableros.fichas_de_dos_organismos


@pytest.fixture
def historia(fichas_de_dos_organismos):
    _a_tiempo, paz, de_educacion = fichas_de_dos_organismos
    return paz, de_educacion


def test_the_kept_figures_equal_those_counted_delegation_by_delegation(historia):
    assert CifrasDeInstancia.objects.count() == 2
    assert iguales()


def test_moving_a_session_to_another_instancia_or_deleting_a_ficha_recounts(historia, instancia):
    _paz, de_educacion = historia
    sesion = Sesion.objects.get(pk=de_educacion.sesion_id)
    sesion.instancia = instancia
    sesion.save()
    assert iguales()

    Delegacion.objects.get(pk=de_educacion.pk).ficha.delete()
    assert iguales()


def test_rebuilding_after_writes_that_skip_the_signals(historia):
    _paz, de_educacion = historia
    Delegacion.objects.filter(pk=de_educacion.pk).update(organismo=None)
    assert not iguales()

    assert resumen.reconstruir() == CifrasDeInstancia.objects.count()
    assert iguales()


def test_whoever_sees_everything_reads_the_kept_figures(client, historia, despacho):
    client.force_login(despacho)
    CifrasDeInstancia.objects.all().delete()

    pagina = client.get(reverse("delegaciones:indicadores"))

    # Only what is still owed is counted live: the overdue and the not yet due.
    total = pagina.context["total"]
    assert (total.a_tiempo, total.tarde, total.vencidas, total.por_vencer) == (0, 0, 1, 1)


def test_a_database_migrated_with_fichas_but_no_figures_gets_them_counted(historia):
    CifrasDeInstancia.objects.all().delete()

    resumen.llenar_si_falta()

    assert CifrasDeInstancia.objects.count() == 2
    assert iguales()
