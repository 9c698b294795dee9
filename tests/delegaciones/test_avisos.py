"""P001 reminders: the notice of delegation, the ficha owed, due today and overdue with its
escalation, each sent exactly once."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from buengobierno.avisos import registro
from buengobierno.avisos.models import Notificacion, Recordatorio
from buengobierno.avisos.servicios import enviar_recordatorio, sin_avisos
from buengobierno.documentos.formato import de, fecha_larga, hora
from buengobierno.plazos.calendario import sumar_dias_habiles
from delegaciones import services
from delegaciones.avisos import avisar_fichas
from delegaciones.models import Delegacion
from tests.concurrencia import en_paralelo, filas_leidas
from tests.delegaciones.conftest import INSTRUCCIONES, al_pasado

PREFIJO = "[Buen Gobierno] "


def asuntos(mailoutbox):
    return sorted((m.to[0], m.subject.removeprefix(PREFIJO)) for m in mailoutbox)


def con_plazo(delegacion, plazo):
    """The ficha of `delegacion` falls due on `plazo` (whatever weekday the test runs on)."""
    Delegacion.objects.filter(pk=delegacion.pk).update(fecha_limite_ficha=plazo)
    delegacion.refresh_from_db()
    return delegacion


@pytest.fixture
def debida(aceptada_pasada):
    """debida(plazo, **cambios) -> an accepted delegation, session held, ficha due on `plazo`;
    its notice of delegation is left out of the outbox."""

    def crear(plazo, **cambios):
        with sin_avisos():
            delegacion = aceptada_pasada(**cambios)
        return con_plazo(delegacion, plazo)

    return crear


@pytest.mark.django_db
def test_delegating_emails_the_delegate_the_session_instructions_and_deadline(
    nueva_sesion, delegar, directivo_salud, instancia, mailoutbox, al_confirmar
):
    with al_confirmar():
        delegacion = delegar(nueva_sesion())

    (correo,) = mailoutbox
    assert correo.to == [directivo_salud.email]
    assert correo.subject == f"{PREFIJO}Delegación: represente a la Administración en {instancia}"
    assert INSTRUCCIONES in correo.body
    # The instancia's name ends in "E.S.E.": the sentence gets no second period.
    assert (
        f"El {fecha_larga(delegacion.sesion.inicio)}, a las {hora(delegacion.sesion.inicio)}, "
        f"usted representará al Alcalde de Santiago de Cali en la sesión {de(instancia)}\n"
        in correo.body
    )
    assert fecha_larga(delegacion.fecha_limite_ficha) in correo.body
    assert delegacion.numero_carta in correo.body
    assert Notificacion.objects.filter(destinatario=directivo_salud).count() == 1


@pytest.mark.django_db
def test_after_the_session_the_delegate_is_told_the_ficha_is_owed(
    debida, directivo_salud, instancia, hoy, mailoutbox, al_confirmar
):
    plazo = sumar_dias_habiles(hoy, 2)
    debida(plazo)

    with al_confirmar():
        assert avisar_fichas(hoy=hoy) == 1

    assert asuntos(mailoutbox) == [(directivo_salud.email, f"Envíe la ficha técnica: {instancia}")]
    assert fecha_larga(plazo) in mailoutbox[0].body


@pytest.mark.django_db
def test_a_session_still_ahead_reminds_nothing(nueva_sesion, delegar, directivo_salud, hoy):
    delegacion = delegar(nueva_sesion())
    services.aceptar_delegacion(delegacion=delegacion, usuario=directivo_salud)

    assert avisar_fichas(hoy=hoy) == 0


@pytest.mark.django_db
def test_on_the_due_day_the_delegate_is_reminded_that_it_is_due_today(
    debida, directivo_salud, instancia, hoy, mailoutbox, al_confirmar
):
    debida(hoy)

    with al_confirmar():
        assert avisar_fichas(hoy=hoy) == 1

    assert asuntos(mailoutbox) == [
        (directivo_salud.email, f"Hoy vence la ficha técnica: {instancia}")
    ]


@pytest.mark.django_db
def test_an_overdue_ficha_is_escalated_to_the_organism_head_and_the_despacho_once(
    debida,
    enlace_salud,
    directivo_salud,
    despacho,
    instancia,
    hoy,
    mailoutbox,
    al_confirmar,
):
    debida(hoy - timedelta(days=1), delegado=enlace_salud)

    with al_confirmar():
        assert avisar_fichas(hoy=hoy) == 3
        assert avisar_fichas(hoy=hoy) == 0
        assert avisar_fichas(hoy=hoy + timedelta(days=1)) == 0

    escalado = f"Ficha técnica vencida de {enlace_salud}: {instancia}"
    assert asuntos(mailoutbox) == sorted(
        [
            (enlace_salud.email, f"Ficha técnica vencida: {instancia}"),
            (directivo_salud.email, escalado),
            (despacho.email, escalado),
        ]
    )


@pytest.mark.django_db
def test_the_head_who_is_himself_the_delegate_gets_no_escalation(
    debida, directivo_salud, despacho, hoy, mailoutbox, al_confirmar
):
    debida(hoy - timedelta(days=1))

    with al_confirmar():
        assert avisar_fichas(hoy=hoy) == 2

    assert sorted(m.to[0] for m in mailoutbox) == sorted([directivo_salud.email, despacho.email])


@pytest.mark.django_db
def test_a_moved_deadline_reminds_again(debida, hoy, al_confirmar):
    delegacion = debida(hoy)
    with al_confirmar():
        assert avisar_fichas(hoy=hoy) == 1

    con_plazo(delegacion, hoy + timedelta(days=7))

    assert avisar_fichas(hoy=hoy) == 1
    assert Recordatorio.objects.filter(paso__startswith="ficha_pendiente").count() == 1


@pytest.mark.django_db
def test_a_delivered_ficha_is_not_reminded_even_when_it_was_returned(
    debida, enviar_ficha, despacho, hoy
):
    delegacion = debida(hoy - timedelta(days=3))
    with sin_avisos():
        enviar_ficha(delegacion)
        services.devolver_ficha(
            delegacion=delegacion, usuario=despacho, observaciones="Falta el acta."
        )

    assert avisar_fichas(hoy=hoy) == 0


@pytest.mark.django_db
def test_rejected_and_cancelled_delegations_are_not_reminded(
    nueva_sesion, delegar, directivo_salud, despacho, hoy
):
    rechazada = delegar(nueva_sesion(dias=2))
    services.rechazar_delegacion(
        delegacion=rechazada, usuario=directivo_salud, motivo="Incapacidad médica."
    )
    cancelada = delegar(nueva_sesion(dias=3))
    services.cancelar_delegacion(delegacion=cancelada, usuario=despacho, motivo="Va el Alcalde.")
    for delegacion in (rechazada, cancelada):
        con_plazo(al_pasado(delegacion, 5), hoy - timedelta(days=1))

    assert avisar_fichas(hoy=hoy) == 0


@pytest.mark.django_db
def test_a_reminder_waiting_for_a_retry_is_discarded_once_the_ficha_is_delivered(
    debida, enviar_ficha, hoy, mailoutbox, django_capture_on_commit_callbacks
):
    delegacion = debida(hoy)
    with django_capture_on_commit_callbacks(execute=False):  # the e-mail did not go out yet
        avisar_fichas(hoy=hoy)
    enviar_ficha(delegacion)
    recordatorio = Recordatorio.objects.get(paso__startswith="ficha_vence_hoy")

    resultado = enviar_recordatorio(recordatorio_id=recordatorio.pk)

    recordatorio.refresh_from_db()
    assert not resultado.enviado
    assert recordatorio.estado == Recordatorio.Estado.DESCARTADO
    assert mailoutbox == []


@pytest.mark.django_db
def test_the_notice_of_a_delegation_cancelled_before_it_went_out_is_discarded(
    nueva_sesion, delegar, despacho, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        delegacion = delegar(nueva_sesion())
    services.cancelar_delegacion(delegacion=delegacion, usuario=despacho, motivo="Va el Alcalde.")

    enviar_recordatorio(recordatorio_id=Recordatorio.objects.get(paso="notificada").pk)

    assert Recordatorio.objects.get().estado == Recordatorio.Estado.DESCARTADO
    assert mailoutbox == []


def test_the_scan_is_registered_to_run_every_working_hour():
    escaneo = registro.escaneos()["delegaciones"]

    assert escaneo.crontab == {"minute": "10", "hour": "7-18"}


@pytest.mark.django_db(transaction=True)
def test_two_workers_scanning_at_the_same_moment_send_each_reminder_once(
    debida, nueva_sesion, delegar, enlace_salud, directivo_salud, despacho, hoy, mailoutbox
):
    debida(hoy - timedelta(days=2), delegado=enlace_salud)
    with sin_avisos():
        otra = delegar(nueva_sesion(dias=9))
        services.aceptar_delegacion(delegacion=otra, usuario=directivo_salud)
    con_plazo(al_pasado(otra, 1), hoy)

    programados = en_paralelo(lambda: registro.ejecutar("delegaciones"), hilos=2)

    # Overdue to the enlace with escalation to the head and the Despacho, and due today.
    assert sum(programados) == 4
    assert Recordatorio.objects.count() == 4
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [enlace_salud.email, directivo_salud.email, despacho.email, directivo_salud.email]
    )
    assert len({(m.to[0], m.subject) for m in mailoutbox}) == 4


@pytest.mark.django_db
def test_a_scan_costs_the_same_queries_whatever_is_not_due_or_already_claimed(
    debida, nueva_sesion, delegar, hoy, al_confirmar
):
    debida(hoy - timedelta(days=2))
    with al_confirmar():
        avisar_fichas(hoy=hoy)
    with CaptureQueriesContext(connection) as pocos:
        assert avisar_fichas(hoy=hoy) == 0

    for k in range(8):
        debida(hoy - timedelta(days=3 + k))  # due, then claimed
        with sin_avisos():
            delegar(nueva_sesion(dias=10 + k))  # the session is still ahead: nothing due
    with al_confirmar():
        assert avisar_fichas(hoy=hoy) == 16  # each to the delegate and to the Despacho
    with CaptureQueriesContext(connection) as muchos, filas_leidas(Delegacion) as leidas:
        assert avisar_fichas(hoy=hoy) == 0

    assert len(muchos.captured_queries) == len(pocos.captured_queries) <= 4
    assert leidas == []  # not one delegation row read: nothing was due
