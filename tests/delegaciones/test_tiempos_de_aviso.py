"""Timing of the P001 reminders (issue 11, item 9): "ficha pendiente" goes the business day
after the session, never while it is taking place; when the delegate is the head of the
organism, the escalation goes to the Secretario de Gobierno."""

from datetime import timedelta

import pytest
from django.utils import timezone

from buengobierno.avisos.servicios import sin_avisos
from buengobierno.organizacion.roles import Rol
from buengobierno.plazos.calendario import es_dia_habil, sumar_dias_habiles
from delegaciones import services
from delegaciones.avisos import avisar_fichas
from delegaciones.models import Delegacion, Sesion
from tests.conftest import momento

pytestmark = pytest.mark.django_db


def _aceptada_el(nueva_sesion, delegar, inicio):
    """An accepted delegation whose session started at `inicio` (in the past)."""
    with sin_avisos():
        delegacion = delegar(nueva_sesion())
        services.aceptar_delegacion(delegacion=delegacion, usuario=delegacion.delegado)
    Sesion.objects.filter(pk=delegacion.sesion_id).update(inicio=inicio)
    delegacion.sesion.refresh_from_db()
    Delegacion.objects.filter(pk=delegacion.pk).update(
        fecha_limite_ficha=services.plazo_de_ficha(delegacion.sesion)
    )
    delegacion.refresh_from_db()
    return delegacion


def _viernes_pasado(hoy):
    """The last Friday before `hoy` that is a business day, with its Saturday after it."""
    dia = hoy - timedelta(days=7)
    while not (dia.weekday() == 4 and es_dia_habil(dia)):
        dia -= timedelta(days=1)
    return dia


def test_no_ficha_reminder_while_the_session_is_taking_place(nueva_sesion, delegar, hoy):
    _aceptada_el(nueva_sesion, delegar, timezone.now() - timedelta(minutes=30))

    assert avisar_fichas(hoy=hoy) == 0


def test_the_ficha_reminder_goes_the_business_day_after_the_session(nueva_sesion, delegar, hoy):
    viernes = _viernes_pasado(hoy)
    _aceptada_el(nueva_sesion, delegar, momento(viernes, hora=15))

    # The Saturday and Sunday after it are not business days: nothing yet.
    assert avisar_fichas(hoy=viernes + timedelta(days=1)) == 0
    assert avisar_fichas(hoy=viernes + timedelta(days=2)) == 0
    assert avisar_fichas(hoy=sumar_dias_habiles(viernes, 1)) == 1


def test_when_the_head_is_the_delegate_the_escalation_goes_to_the_secretario(
    aceptada_pasada,
    crear_usuario,
    gobierno,
    directivo_salud,
    despacho,
    hoy,
    mailoutbox,
    al_confirmar,
):
    secretario = crear_usuario(Rol.SECRETARIO, gobierno, username="secretario")
    with sin_avisos():
        delegacion = aceptada_pasada(dias_atras=15)
    assert delegacion.delegado == directivo_salud == delegacion.organismo.jefe

    with al_confirmar():
        assert avisar_fichas(hoy=hoy) == 3
        assert avisar_fichas(hoy=hoy) == 0

    escalados = sorted(m.to[0] for m in mailoutbox if "vencida de" in m.subject)
    assert escalados == sorted([secretario.email, despacho.email])
