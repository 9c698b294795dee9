"""The on-time figures kept per organism and instancia (delegaciones.resumen) give what
counting every delegation gives, after every kind of change."""

from datetime import timedelta

import pytest
from django.urls import reverse

from delegaciones import resumen, services
from delegaciones.indicadores import cifras_por
from delegaciones.models import CifrasDeInstancia, Delegacion, Sesion
from tests.delegaciones.conftest import al_pasado
from tests.delegaciones.test_tableros import con_plazo, otra_instancia

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


@pytest.fixture
def historia(
    despacho,
    aceptada_pasada,
    nueva_sesion,
    delegar,
    enviar_ficha,
    enlace_salud,
    directivo_educacion,
    tercer_organismo,
    hoy,
):
    """Salud: a ficha on time, one late, one overdue, one not yet due; Educación, in another
    instancia: one on time."""
    enviar_ficha(aceptada_pasada(dias_atras=1))
    enviar_ficha(aceptada_pasada(dias_atras=20, delegado=enlace_salud))
    con_plazo(aceptada_pasada(dias_atras=8), hoy - timedelta(days=2))
    con_plazo(aceptada_pasada(dias_atras=2), hoy + timedelta(days=1))
    paz = otra_instancia(despacho, tercer_organismo)
    de_educacion = delegar(nueva_sesion(instancia=paz), delegado=directivo_educacion)
    services.aceptar_delegacion(delegacion=de_educacion, usuario=directivo_educacion)
    enviar_ficha(al_pasado(de_educacion, 1))
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
