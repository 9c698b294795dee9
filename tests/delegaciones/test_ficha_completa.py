"""The ficha is complete (issue 11, item 7): sending requires what happened, the decisions
taken and at least one commitment or an explicit "no se adoptaron compromisos"."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from delegaciones.models import Delegacion
from tests.delegaciones.test_vistas import formset

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("datos", "campo", "mensaje"),
    [
        ({"desarrollo": ""}, "desarrollo", "Escriba lo acontecido"),
        ({"decisiones": ""}, "decisiones", "Escriba las decisiones tomadas"),
        ({"sin_compromisos": False}, "sin_compromisos", "al menos un compromiso"),
    ],
)
def test_an_incomplete_ficha_is_not_sent(aceptada_pasada, enviar_ficha, datos, campo, mensaje):
    delegacion = aceptada_pasada()

    with pytest.raises(ValidationError) as error:
        enviar_ficha(delegacion, **datos)

    assert mensaje in error.value.message_dict[campo][0]
    delegacion.refresh_from_db()
    assert delegacion.estado == Delegacion.Estado.ACEPTADA
    assert delegacion.ficha_o_none is None  # nothing half-saved


def test_no_commitments_is_an_explicit_statement(aceptada_pasada, enviar_ficha):
    delegacion = aceptada_pasada()

    ficha = enviar_ficha(delegacion, sin_compromisos=True)

    assert ficha.sin_compromisos and ficha.entregada_en is not None


def test_commitments_and_no_commitments_at_once_is_refused(
    aceptada_pasada, enviar_ficha, directivo_salud, hoy
):
    delegacion = aceptada_pasada()

    with pytest.raises(ValidationError) as error:
        enviar_ficha(
            delegacion,
            compromisos=[("Informe", directivo_salud, hoy + timedelta(days=10))],
            sin_compromisos=True,
        )

    assert "quite la marca" in error.value.message_dict["sin_compromisos"][0]


def test_a_draft_may_stay_incomplete(aceptada_pasada, enviar_ficha):
    ficha = enviar_ficha(aceptada_pasada(), enviar=False, decisiones="", sin_compromisos=False)

    assert ficha.entregada_en is None


def test_the_page_says_beside_the_box_that_a_commitment_or_none_is_needed(
    client, aceptada_pasada, directivo_salud
):
    delegacion = aceptada_pasada()
    client.force_login(directivo_salud)
    url = reverse("delegaciones:ficha", args=[delegacion.pk])
    datos = {"desarrollo": "Se sesionó.", "decisiones": "Se aprobó.", "enviar": "1", **formset([])}

    respuesta = client.post(url, datos)

    assert respuesta.status_code == 422
    assert "al menos un compromiso" in respuesta.context["form"].errors["sin_compromisos"][0]
    client.post(url, {**datos, "sin_compromisos": "on"})
    delegacion.refresh_from_db()
    assert delegacion.estado == Delegacion.Estado.FICHA_ENTREGADA
