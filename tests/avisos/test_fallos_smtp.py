from datetime import timedelta

from django.test import override_settings
from django.utils import timezone

from buengobierno.avisos import registro
from buengobierno.avisos.models import Notificacion, Recordatorio
from buengobierno.avisos.servicios import reintentar_ahora
from tests.avisos.conftest import correo_smtp, puerto_libre

Estado = Recordatorio.Estado


def _vencer(recordatorio):
    """The backoff is over: move the next attempt to the past."""
    Recordatorio.objects.filter(pk=recordatorio.pk).update(
        proximo_intento=timezone.now() - timedelta(seconds=1)
    )


def _reenviar(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return registro.ejecutar("reenviar_pendientes")


def test_an_smtp_failure_leaves_the_reminder_pending_with_backoff_then_it_is_sent(
    programar, administrador, buzon_smtp, django_capture_on_commit_callbacks
):
    antes = timezone.now()
    with correo_smtp(puerto_libre()), django_capture_on_commit_callbacks(execute=True):
        recordatorio = programar()

    recordatorio.refresh_from_db()
    assert recordatorio.estado == Estado.PENDIENTE
    assert recordatorio.intentos == 1
    assert recordatorio.ultimo_error.startswith("ConnectionRefusedError")
    assert recordatorio.proximo_intento >= antes + timedelta(minutes=1)
    assert recordatorio.enviado_en is None
    assert Notificacion.objects.count() == 0

    _vencer(recordatorio)
    with correo_smtp(buzon_smtp.puerto):
        assert _reenviar(django_capture_on_commit_callbacks) == 1

    recordatorio.refresh_from_db()
    assert recordatorio.estado == Estado.ENVIADO
    assert recordatorio.intentos == 2
    assert recordatorio.enviado_en is not None
    assert len(buzon_smtp.mensajes) == 1
    assert buzon_smtp.mensajes[0].rcpt_tos == [administrador.email]
    assert Notificacion.objects.count() == 1


def test_the_backoff_doubles_with_each_failure(programar, django_capture_on_commit_callbacks):
    with correo_smtp(puerto_libre()):
        with django_capture_on_commit_callbacks(execute=True):
            recordatorio = programar()
        esperas = []
        for _ in range(3):
            recordatorio.refresh_from_db()
            esperas.append(recordatorio.proximo_intento - timezone.now())
            _vencer(recordatorio)
            _reenviar(django_capture_on_commit_callbacks)

    minutos = [round(espera.total_seconds() / 60) for espera in esperas]
    assert minutos == [1, 2, 4]


def test_a_reminder_not_yet_due_for_retry_is_not_resent(
    programar, buzon_smtp, django_capture_on_commit_callbacks
):
    with correo_smtp(puerto_libre()), django_capture_on_commit_callbacks(execute=True):
        programar()
    with correo_smtp(buzon_smtp.puerto):
        assert _reenviar(django_capture_on_commit_callbacks) == 0

    assert buzon_smtp.mensajes == []
    assert Recordatorio.objects.get().estado == Estado.PENDIENTE


@override_settings(AVISOS_REINTENTOS_MAXIMOS=2)
def test_after_the_maximum_attempts_the_reminder_is_failed_and_never_marked_sent(
    programar, django_capture_on_commit_callbacks
):
    with correo_smtp(puerto_libre()):
        with django_capture_on_commit_callbacks(execute=True):
            recordatorio = programar()
        _vencer(recordatorio)
        _reenviar(django_capture_on_commit_callbacks)

    recordatorio.refresh_from_db()
    assert recordatorio.estado == Estado.FALLIDO
    assert recordatorio.intentos == 2
    assert recordatorio.enviado_en is None
    assert recordatorio.proximo_intento is None
    assert recordatorio.ultimo_error
    assert Notificacion.objects.count() == 0


@override_settings(AVISOS_REINTENTOS_MAXIMOS=1)
def test_retrying_a_failed_reminder_now_sends_it(
    programar, buzon_smtp, django_capture_on_commit_callbacks
):
    with correo_smtp(puerto_libre()), django_capture_on_commit_callbacks(execute=True):
        programar()
    assert Recordatorio.objects.get().estado == Estado.FALLIDO

    with correo_smtp(buzon_smtp.puerto), django_capture_on_commit_callbacks(execute=True):
        assert len(reintentar_ahora(recordatorios=Recordatorio.objects.all())) == 1

    assert Recordatorio.objects.get().estado == Estado.ENVIADO
    assert len(buzon_smtp.mensajes) == 1


def test_a_claim_left_by_a_dead_worker_is_released_and_sent_once_it_expires(
    programar, mailoutbox, django_capture_on_commit_callbacks
):
    muerto = programar()  # not enqueued: no on_commit captured
    Recordatorio.objects.filter(pk=muerto.pk).update(
        estado=Estado.ENVIANDO, intentos=1, proximo_intento=timezone.now() - timedelta(seconds=1)
    )
    vivo = programar(paso="otro_paso")
    Recordatorio.objects.filter(pk=vivo.pk).update(
        estado=Estado.ENVIANDO, intentos=1, proximo_intento=timezone.now() + timedelta(minutes=3)
    )

    _reenviar(django_capture_on_commit_callbacks)

    muerto.refresh_from_db()
    vivo.refresh_from_db()
    assert muerto.estado == Estado.ENVIADO
    assert muerto.intentos == 2
    assert "interrumpido" in muerto.ultimo_error
    assert vivo.estado == Estado.ENVIANDO
    assert len(mailoutbox) == 1


def test_a_reminder_whose_record_was_deleted_fails_without_sending(
    programar, dia_no_habil, mailoutbox, django_capture_on_commit_callbacks
):
    recordatorio = programar()
    dia_no_habil.delete()
    _reenviar(django_capture_on_commit_callbacks)

    recordatorio.refresh_from_db()
    assert recordatorio.estado == Estado.FALLIDO
    assert recordatorio.ultimo_error == "El registro ya no existe."
    assert mailoutbox == []


def test_a_reminder_for_a_user_who_left_fails_without_sending(
    programar, administrador, mailoutbox, django_capture_on_commit_callbacks
):
    administrador.is_active = False
    administrador.save()
    with django_capture_on_commit_callbacks(execute=True):
        recordatorio = programar()

    recordatorio.refresh_from_db()
    assert recordatorio.estado == Estado.FALLIDO
    assert recordatorio.ultimo_error == "El destinatario está inactivo."
    assert mailoutbox == []
    assert Notificacion.objects.count() == 0
