"""The SMTP edge: a message handed over whose reply never came may have been delivered.

Before: each retry of such a row delivered another copy with a new Message-ID (5 reminders
gave 12 e-mails). Now every attempt carries the row's Message-ID, and a row is transmitted
at most twice: after an unknown outcome it is retried once, later.
"""

import threading
from datetime import timedelta
from email import message_from_bytes, policy

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F
from django.test import override_settings
from django.utils import timezone

from buengobierno.avisos import registro, servicios
from buengobierno.avisos.correo import nuevo_id_mensaje
from buengobierno.avisos.models import Notificacion, Recordatorio
from tests.avisos.conftest import correo_smtp, puerto_libre

pytestmark = pytest.mark.django_db
Estado = Recordatorio.Estado


def pasan(minutos: float) -> None:
    """The clock moves on: every stored next attempt and claim comes `minutos` closer."""
    Recordatorio.objects.exclude(proximo_intento=None).update(
        proximo_intento=F("proximo_intento") - timedelta(minutes=minutos)
    )


def escanear(django_capture_on_commit_callbacks) -> int:
    with django_capture_on_commit_callbacks(execute=True):
        return registro.ejecutar("reenviar_pendientes")


def ids_de_mensaje(buzon) -> list[str]:
    return [
        message_from_bytes(sobre.original_content, policy=policy.default)["Message-ID"]
        for sobre in buzon.mensajes
    ]


def test_a_server_that_drops_the_connection_before_replying_gets_at_most_two_copies_each(
    programar, buzon_caprichoso, django_capture_on_commit_callbacks
):
    buzon_caprichoso.modo = "cortar"
    with correo_smtp(buzon_caprichoso.puerto):
        with django_capture_on_commit_callbacks(execute=True):
            for numero in range(5):
                programar(paso=f"paso_{numero}")
        for _hora in range(12):  # an afternoon of scans, each after every backoff is over
            pasan(60)
            escanear(django_capture_on_commit_callbacks)

    filas = list(Recordatorio.objects.order_by("pk"))
    assert len(buzon_caprichoso.mensajes) == 10
    assert sorted(ids_de_mensaje(buzon_caprichoso)) == sorted(
        [fila.id_mensaje for fila in filas] * 2
    )
    for fila in filas:
        assert fila.estado == Estado.FALLIDO
        assert fila.transmisiones == 2
        assert "pudo haber llegado" in fila.ultimo_error
        assert fila.enviado_en is None


def test_after_an_unknown_outcome_the_one_retry_waits_and_carries_the_same_message_id(
    programar, buzon_caprichoso, django_capture_on_commit_callbacks
):
    buzon_caprichoso.modo = "cortar"
    antes = timezone.now()
    with correo_smtp(buzon_caprichoso.puerto):
        with django_capture_on_commit_callbacks(execute=True):
            recordatorio = programar()
        recordatorio.refresh_from_db()
        assert recordatorio.estado == Estado.PENDIENTE
        assert recordatorio.transmisiones == 1
        assert recordatorio.ultimo_error.startswith("Resultado incierto")
        assert recordatorio.proximo_intento >= antes + servicios.ESPERA_TRAS_ENTREGA_INCIERTA

        buzon_caprichoso.modo = "aceptar"
        pasan(5)
        assert escanear(django_capture_on_commit_callbacks) == 0  # not yet: "later"
        pasan(5)
        assert escanear(django_capture_on_commit_callbacks) == 1

    recordatorio.refresh_from_db()
    assert recordatorio.estado == Estado.ENVIADO
    assert recordatorio.transmisiones == 2
    assert ids_de_mensaje(buzon_caprichoso) == [recordatorio.id_mensaje] * 2
    assert Notificacion.objects.count() == 1


def test_a_server_slower_than_the_timeout_after_the_message_is_an_unknown_outcome_too(
    programar, buzon_caprichoso, django_capture_on_commit_callbacks
):
    buzon_caprichoso.modo = "callar"
    with (
        correo_smtp(buzon_caprichoso.puerto),
        override_settings(EMAIL_TIMEOUT=1),
        django_capture_on_commit_callbacks(execute=True),
    ):
        recordatorio = programar()

    recordatorio.refresh_from_db()
    assert len(buzon_caprichoso.mensajes) == 1
    assert recordatorio.estado == Estado.PENDIENTE
    assert recordatorio.transmisiones == 1
    assert recordatorio.ultimo_error.startswith("Resultado incierto")


def test_a_message_refused_with_a_code_is_not_a_doubt_and_is_retried_with_backoff(
    programar, buzon_caprichoso, django_capture_on_commit_callbacks
):
    buzon_caprichoso.modo = "rechazar"
    with correo_smtp(buzon_caprichoso.puerto):
        with django_capture_on_commit_callbacks(execute=True):
            recordatorio = programar()
        recordatorio.refresh_from_db()
        assert recordatorio.estado == Estado.PENDIENTE
        assert recordatorio.transmisiones == 0
        assert recordatorio.ultimo_error.startswith("SMTPDataError")

        buzon_caprichoso.modo = "aceptar"
        pasan(1)
        escanear(django_capture_on_commit_callbacks)

    recordatorio.refresh_from_db()
    assert recordatorio.estado == Estado.ENVIADO
    assert ids_de_mensaje(buzon_caprichoso) == [recordatorio.id_mensaje]


def test_every_attempt_carries_the_message_id_kept_on_the_row(
    programar, buzon_caprichoso, django_capture_on_commit_callbacks
):
    with correo_smtp(puerto_libre()), django_capture_on_commit_callbacks(execute=True):
        recordatorio = programar()  # refused: nobody listens on that port
    recordatorio.refresh_from_db()
    assert recordatorio.id_mensaje.startswith("<")
    assert recordatorio.id_mensaje.endswith("@cali.gov.co>")

    pasan(1)
    with correo_smtp(buzon_caprichoso.puerto):
        escanear(django_capture_on_commit_callbacks)

    assert ids_de_mensaje(buzon_caprichoso) == [recordatorio.id_mensaje]
    assert Recordatorio.objects.get().estado == Estado.ENVIADO


def test_a_row_from_before_message_ids_gets_one_on_its_first_attempt(programar, mailoutbox):
    recordatorio = programar()  # not sent: no on_commit captured
    Recordatorio.objects.filter(pk=recordatorio.pk).update(id_mensaje="")

    servicios.enviar_recordatorio(recordatorio_id=recordatorio.pk)

    recordatorio.refresh_from_db()
    assert recordatorio.id_mensaje
    assert mailoutbox[0].extra_headers["Message-ID"] == recordatorio.id_mensaje


def test_a_row_transmitted_twice_without_reply_is_never_transmitted_again(
    programar, buzon_caprichoso
):
    recordatorio = programar()
    Recordatorio.objects.filter(pk=recordatorio.pk).update(transmisiones=2)

    with correo_smtp(buzon_caprichoso.puerto):
        servicios.enviar_recordatorio(recordatorio_id=recordatorio.pk)

    recordatorio.refresh_from_db()
    assert buzon_caprichoso.mensajes == []
    assert recordatorio.estado == Estado.FALLIDO
    assert "pudo haber llegado" in recordatorio.ultimo_error


@pytest.mark.django_db(transaction=True)
def test_a_worker_whose_claim_was_taken_over_meanwhile_transmits_nothing(
    administrador, dia_no_habil, buzon_caprichoso
):
    recordatorio = Recordatorio.objects.create(
        content_type=ContentType.objects.get_for_model(dia_no_habil),
        object_id=dia_no_habil.pk,
        paso="dia_no_habil_proximo",
        destinatario=administrador,
        plantilla="aviso_generico",
        contexto={"titulo": "Día cívico", "mensaje": dia_no_habil.motivo},
        id_mensaje=nuevo_id_mensaje(),
    )
    buzon_caprichoso.modo = "colgar_en_rcpt"

    def enviar():
        try:
            servicios.enviar_recordatorio(recordatorio_id=recordatorio.pk)
        finally:
            connection.close()

    with correo_smtp(buzon_caprichoso.puerto):
        lento = threading.Thread(target=enviar)
        lento.start()
        assert buzon_caprichoso.en_espera.wait(timeout=30)
        # Meanwhile its claim expired and another worker claimed the row.
        Recordatorio.objects.filter(pk=recordatorio.pk).update(intentos=F("intentos") + 1)
        buzon_caprichoso.soltar()
        lento.join(timeout=30)

    recordatorio.refresh_from_db()
    assert buzon_caprichoso.mensajes == []
    assert recordatorio.transmisiones == 0
    assert (recordatorio.estado, recordatorio.intentos) == (Estado.ENVIANDO, 2)  # the other's
