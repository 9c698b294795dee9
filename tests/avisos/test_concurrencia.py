"""Two workers at the same moment: each reminder is sent exactly once.

Each thread has its own database connection, so on PostgreSQL the two inserts (or the two
claims) really race; on SQLite the database serializes them and the result must not change.
"""

import pytest
from django.utils import timezone

from buengobierno.avisos import registro
from buengobierno.avisos.models import Notificacion, Recordatorio
from buengobierno.avisos.tasks import enviar_recordatorio
from tests.avisos import escaneos
from tests.concurrencia import en_paralelo

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_workers_scanning_at_the_same_moment_send_each_reminder_once(
    administrador, dia_no_habil, mailoutbox
):
    programados = en_paralelo(lambda: registro.ejecutar(escaneos.NOMBRE))

    assert sorted(programados) == [0, 1]
    assert Recordatorio.objects.count() == 1
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [administrador.email]
    assert Notificacion.objects.count() == 1


def test_two_workers_claiming_the_same_step_at_once_create_one_row(programar, mailoutbox):
    resultados = en_paralelo(programar, hilos=4)

    assert sum(r is not None for r in resultados) == 1
    assert Recordatorio.objects.count() == 1
    assert len(mailoutbox) == 1


def test_two_workers_sending_the_same_reminder_at_once_send_one_email(
    administrador, dia_no_habil, mailoutbox
):
    # Written directly (nothing enqueued) so that only the two racing tasks can send it.
    recordatorio = Recordatorio.objects.create(
        objeto=dia_no_habil,
        paso="dia_no_habil_proximo",
        destinatario=administrador,
        plantilla="aviso_generico",
        proximo_intento=timezone.now(),
    )

    en_paralelo(lambda: enviar_recordatorio.delay(recordatorio.pk), hilos=4)

    recordatorio.refresh_from_db()
    assert len(mailoutbox) == 1
    assert recordatorio.estado == Recordatorio.Estado.ENVIADO
    assert recordatorio.intentos == 1
    assert Notificacion.objects.count() == 1


def test_a_later_scan_after_a_missed_run_sends_nothing_twice(
    administrador, dia_no_habil, mailoutbox
):
    assert registro.ejecutar(escaneos.NOMBRE) == 1
    assert registro.ejecutar(escaneos.NOMBRE) == 0

    assert len(mailoutbox) == 1
