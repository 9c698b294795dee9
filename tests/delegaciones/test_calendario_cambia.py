"""Deadlines follow the calendar (issue 11, item 8, P001 part): when an admin adds or removes
a non-working day, the open ficha deadlines are recomputed, with the change in the history."""

import pytest

from buengobierno.plazos.calendario import es_dia_habil, sumar_dias_habiles
from buengobierno.plazos.models import DiaNoHabil
from delegaciones import services
from delegaciones.models import Delegacion

pytestmark = pytest.mark.django_db


def _primer_habil_tras(fecha):
    return sumar_dias_habiles(fecha, 1)


def test_a_new_non_working_day_moves_an_open_deadline_and_its_removal_moves_it_back(
    aceptada_pasada,
):
    delegacion = aceptada_pasada(dias_atras=1)
    antes = delegacion.fecha_limite_ficha
    dia = _primer_habil_tras(delegacion.sesion.fecha)
    assert es_dia_habil(dia) and dia <= antes

    civico = DiaNoHabil.objects.create(fecha=dia, motivo="Día cívico")

    delegacion.refresh_from_db()
    assert delegacion.fecha_limite_ficha == sumar_dias_habiles(antes, 1)
    ultimo = delegacion.history.first()
    assert "Se declaró no hábil" in ultimo.history_change_reason
    civico.delete()
    delegacion.refresh_from_db()
    assert delegacion.fecha_limite_ficha == antes


def test_a_delivered_ficha_keeps_the_deadline_it_was_judged_by(aceptada_pasada, enviar_ficha):
    delegacion = aceptada_pasada(dias_atras=1)
    enviar_ficha(delegacion)
    antes = delegacion.fecha_limite_ficha

    DiaNoHabil.objects.create(fecha=_primer_habil_tras(delegacion.sesion.fecha), motivo="Cívico")

    assert Delegacion.objects.get(pk=delegacion.pk).fecha_limite_ficha == antes


def test_the_new_deadline_of_a_returned_ficha_follows_the_calendar(
    aceptada_pasada, enviar_ficha, despacho, hoy
):
    delegacion = aceptada_pasada(dias_atras=10)
    enviar_ficha(delegacion)
    services.devolver_ficha(delegacion=delegacion, usuario=despacho, observaciones="Acta.")
    antes = Delegacion.objects.get(pk=delegacion.pk).ficha.plazo_reenvio

    DiaNoHabil.objects.create(fecha=sumar_dias_habiles(hoy, 1), motivo="Cívico")

    assert Delegacion.objects.get(pk=delegacion.pk).ficha.plazo_reenvio == sumar_dias_habiles(
        antes, 1
    )
