"""P002 reminders: requests waiting past their answer deadline, tomorrow's activities without
a briefing and the 6:30 agenda of the day — each exactly once per step."""

from datetime import timedelta

import pytest

from agenda import services
from agenda.avisos import avisar_agenda, enviar_agenda_del_dia
from agenda.models import SolicitudAgenda
from buengobierno.avisos import registro
from buengobierno.avisos.models import Recordatorio
from buengobierno.avisos.servicios import sin_avisos
from buengobierno.plazos.calendario import es_dia_habil, sumar_dias_habiles
from tests.concurrencia import en_paralelo

PREFIJO = "[Buen Gobierno] "


def asuntos(mailoutbox):
    return sorted((m.to[0], m.subject.removeprefix(PREFIJO)) for m in mailoutbox)


@pytest.fixture
def vencida(nueva_solicitud, hoy):
    with sin_avisos():
        solicitud = nueva_solicitud(tema="Foro de convivencia")
    SolicitudAgenda.objects.filter(pk=solicitud.pk).update(
        fecha_limite_respuesta=hoy - timedelta(days=1)
    )
    return solicitud


@pytest.mark.django_db
def test_the_scans_are_registered():
    escaneos = registro.escaneos()
    assert escaneos["agenda"].crontab == {"minute": "*/15"}
    assert escaneos["agenda del día"].crontab == {
        "minute": "30",
        "hour": "6",
        "day_of_week": "1-5",
    }


@pytest.mark.django_db
def test_a_request_past_its_deadline_reminds_the_despacho_once(
    vencida, nueva_solicitud, despacho, mailoutbox, al_confirmar
):
    with sin_avisos():
        nueva_solicitud(tema="A tiempo")  # still within its deadline
    with al_confirmar():
        assert avisar_agenda() == 1
    with al_confirmar():
        assert avisar_agenda() == 0

    assert asuntos(mailoutbox) == [
        (despacho.email, "Solicitud de agenda sin respuesta: Foro de convivencia")
    ]


@pytest.mark.django_db
def test_tomorrows_activity_without_a_briefing_reminds_the_despacho_once(
    nueva_actividad, despacho, mailoutbox, al_confirmar
):
    nueva_actividad(dias=1, titulo="Visita a Siloé")
    nueva_actividad(dias=1, hora=14, titulo="Con notas", notas="Llevar el informe.")
    nueva_actividad(dias=2, titulo="Pasado mañana")
    with al_confirmar():
        assert avisar_agenda() == 1
        assert avisar_agenda() == 0

    assert asuntos(mailoutbox) == [(despacho.email, "Mañana, sin preparación: Visita a Siloé")]


@pytest.mark.django_db
def test_the_days_agenda_goes_to_the_secretario_once_on_a_business_day(
    nueva_actividad, secretario, hoy, mailoutbox, al_confirmar
):
    dia = hoy if es_dia_habil(hoy) else sumar_dias_habiles(hoy, 1)
    nueva_actividad(dias=(dia - hoy).days, hora=11, titulo="Consejo de seguridad")
    with al_confirmar():
        assert enviar_agenda_del_dia(dia) == 1
        assert enviar_agenda_del_dia(dia) == 0

    [correo] = mailoutbox
    assert correo.to == [secretario.email]
    assert "Consejo de seguridad" in correo.body
    domingo = dia + timedelta(days=6 - dia.weekday())
    assert enviar_agenda_del_dia(domingo) == 0


@pytest.mark.django_db(transaction=True)
def test_two_workers_scanning_at_the_same_moment_send_each_reminder_once(
    vencida, nueva_actividad, despacho, mailoutbox
):
    nueva_actividad(dias=1, titulo="Visita a Siloé")

    programados = en_paralelo(lambda: registro.ejecutar("agenda"), hilos=2)

    assert sum(programados) == 2
    assert Recordatorio.objects.filter(destinatario=despacho).count() == 2
    assert len(mailoutbox) == 2


@pytest.mark.django_db
def test_an_answered_request_is_no_longer_reminded(vencida, despacho, al_confirmar):
    services.declinar_solicitud(solicitud=vencida, usuario=despacho, respuesta="No es posible.")
    with al_confirmar():
        assert avisar_agenda() == 0
