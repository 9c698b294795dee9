"""An unanswered delegation (issue 11, item 6): still notificada two business days before the
session, the delegate is reminded; the business day before, the Despacho is told. Once."""

from datetime import timedelta

import pytest
from django.utils import timezone

from buengobierno.avisos.models import Recordatorio
from buengobierno.avisos.servicios import enviar_recordatorio, sin_avisos
from buengobierno.plazos.calendario import sumar_dias_habiles
from delegaciones import services
from delegaciones.avisos import avisar_sin_respuesta
from delegaciones.models import Delegacion, Sesion
from tests.conftest import momento

PREFIJO = "[Buen Gobierno] "
pytestmark = pytest.mark.django_db


@pytest.fixture
def sin_responder(nueva_sesion, delegar, hoy):
    """sin_responder(dias_habiles) -> a delegation notified yesterday, unanswered, whose
    session is `dias_habiles` business days from today."""

    def crear(dias_habiles, **cambios):
        with sin_avisos():
            delegacion = delegar(nueva_sesion(dias=30), **cambios)
        sesion = delegacion.sesion
        Sesion.objects.filter(pk=sesion.pk).update(
            inicio=momento(sumar_dias_habiles(hoy, dias_habiles), hora=23)
        )
        sesion.refresh_from_db()
        Delegacion.objects.filter(pk=delegacion.pk).update(
            fecha_limite_ficha=services.plazo_de_ficha(sesion),
            notificada_en=timezone.now() - timedelta(days=1),
        )
        delegacion.refresh_from_db()
        return delegacion

    return crear


def test_two_business_days_before_the_session_the_delegate_is_reminded_once(
    sin_responder, directivo_salud, despacho, hoy, mailoutbox, al_confirmar
):
    delegacion = sin_responder(2)

    with al_confirmar():
        assert avisar_sin_respuesta(hoy=hoy) == 1
        assert avisar_sin_respuesta(hoy=hoy) == 0

    ((para, asunto),) = [(m.to[0], m.subject) for m in mailoutbox]
    assert para == directivo_salud.email
    assert asunto == f"{PREFIJO}Responda la delegación: {delegacion.sesion.instancia}"
    assert "Aún no ha aceptado ni rechazado" in mailoutbox[0].body


def test_the_business_day_before_the_despacho_is_told(
    sin_responder, directivo_salud, despacho, hoy, mailoutbox, al_confirmar
):
    delegacion = sin_responder(1)

    with al_confirmar():
        assert avisar_sin_respuesta(hoy=hoy) == 2  # the delegate's reminder, caught up
        assert avisar_sin_respuesta(hoy=hoy) == 0

    asuntos = sorted((m.to[0], m.subject.removeprefix(PREFIJO)) for m in mailoutbox)
    assert asuntos == sorted(
        [
            (directivo_salud.email, f"Responda la delegación: {delegacion.sesion.instancia}"),
            (
                despacho.email,
                f"Delegación sin respuesta de {directivo_salud}: {delegacion.sesion.instancia}",
            ),
        ]
    )


def test_a_session_further_ahead_an_answered_delegation_or_one_notified_today_remind_nothing(
    sin_responder, directivo_salud, hoy
):
    sin_responder(3)
    aceptada = sin_responder(2)
    services.aceptar_delegacion(delegacion=aceptada, usuario=directivo_salud)
    hoy_notificada = sin_responder(2)
    Delegacion.objects.filter(pk=hoy_notificada.pk).update(notificada_en=timezone.now())

    assert avisar_sin_respuesta(hoy=hoy) == 0


def test_a_reminder_not_yet_sent_is_dropped_once_the_delegate_answers(
    sin_responder, directivo_salud, hoy, mailoutbox, django_capture_on_commit_callbacks
):
    delegacion = sin_responder(2)
    with django_capture_on_commit_callbacks(execute=False):  # the e-mail did not go out yet
        avisar_sin_respuesta(hoy=hoy)
        services.aceptar_delegacion(delegacion=delegacion, usuario=directivo_salud)
    aviso = Recordatorio.objects.get(paso__startswith="sin_respuesta:")

    resultado = enviar_recordatorio(recordatorio_id=aviso.pk)

    aviso.refresh_from_db()
    assert not resultado.enviado and aviso.estado == Recordatorio.Estado.DESCARTADO
    assert mailoutbox == []


def test_a_session_moved_reminds_again(sin_responder, despacho, hoy, al_confirmar):
    delegacion = sin_responder(2)
    with al_confirmar():
        assert avisar_sin_respuesta(hoy=hoy) == 1

    services.actualizar_sesion(
        sesion=delegacion.sesion,
        datos={"inicio": momento(sumar_dias_habiles(hoy, 1), hora=23)},
        archivos={},
        usuario=despacho,
    )

    with al_confirmar():
        assert avisar_sin_respuesta(hoy=hoy) == 2
