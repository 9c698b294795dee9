"""P001 indicator figures the circular asks for (issue 11, items 5 and 7): no-shows and
suspended sessions counted apart from the fichas owed, and fichas on time at the first
delivery vs on time once completed (a returned ficha counts only if sent back within its new
deadline). Pinned against a hand-computed case, live (grouped SQL) and from the kept
figures (CifrasDeInstancia), which must agree."""

from datetime import timedelta

import pytest
from django.urls import reverse

from delegaciones import services
from delegaciones.indicadores import cifras_por, totales
from delegaciones.models import CifrasDeInstancia, Delegacion, FichaTecnica
from delegaciones.resumen import cifras_de_todo, reconstruir

pytestmark = pytest.mark.django_db


@pytest.fixture
def caso(aceptada_pasada, enviar_ficha, despacho, hoy):
    """Six delegations of Salud, one instancia:
    A on time, never returned; B on time, returned and sent back in time; C on time, returned
    and sent back after its new deadline; D on time, returned and not sent back yet;
    E the delegate did not attend; F the session was suspended.
    By hand: a tiempo 4 (A B C D), completas a tiempo 2 (A B), tarde 0, debidas 4,
    % primera entrega 100, % completa 50, no asistió 1, suspendidas 1."""
    fichas = {}
    for nombre in "ABCD":
        delegacion = aceptada_pasada(dias_atras=1)
        enviar_ficha(delegacion)
        fichas[nombre] = delegacion
    for nombre in "BCD":
        services.devolver_ficha(
            delegacion=fichas[nombre], usuario=despacho, observaciones="Falta el acta."
        )
    FichaTecnica.objects.filter(delegacion=fichas["C"]).update(
        plazo_reenvio=hoy - timedelta(days=1)
    )
    for nombre in "BC":
        fichas[nombre].refresh_from_db()
        enviar_ficha(fichas[nombre])
    services.registrar_no_asistencia(
        delegacion=aceptada_pasada(dias_atras=1), usuario=despacho, motivo="Incapacidad."
    )
    services.registrar_suspension(
        delegacion=aceptada_pasada(dias_atras=1), usuario=despacho, motivo="Sin quórum."
    )
    return fichas


def _cifras(c):
    return (
        c.a_tiempo,
        c.completas_a_tiempo,
        c.tarde,
        c.vencidas,
        c.no_asistio,
        c.suspendidas,
        c.base,
        c.porcentaje_a_tiempo,
        c.porcentaje_completas_a_tiempo,
    )


ESPERADO = (4, 2, 0, 0, 1, 1, 4, 100.0, 50.0)


def test_live_figures_match_the_hand_computed_case(caso):
    assert _cifras(totales(Delegacion.objects.all())) == ESPERADO
    (salud,) = cifras_por(Delegacion.objects.all(), "organismo")
    assert _cifras(salud) == ESPERADO


def test_kept_figures_give_the_same_and_survive_a_rebuild(caso):
    fila = CifrasDeInstancia.objects.get()
    assert (fila.a_tiempo, fila.completas_a_tiempo, fila.no_asistio, fila.suspendidas) == (
        4,
        2,
        1,
        1,
    )
    (salud,) = cifras_de_todo("organismo")
    assert _cifras(salud) == ESPERADO
    reconstruir()
    (salud,) = cifras_de_todo("instancia")
    assert _cifras(salud) == ESPERADO


def test_the_indicators_page_shows_both_rates_and_the_no_shows(client, despacho, caso):
    client.force_login(despacho)
    pagina = client.get(reverse("delegaciones:indicadores")).text
    for texto in (
        "% a tiempo (primera entrega)",
        "% a tiempo (ficha completa)",
        "No asistió",
        "Sesión suspendida",
    ):
        assert texto in pagina
    assert '<td class="text-end">50 %</td>' in pagina
