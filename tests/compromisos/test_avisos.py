"""Reminders of P005 through the platform's engine: due soon, due today, overdue, escalation
to the organism head, the weekly digest — each sent once, however many workers scan."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from buengobierno.avisos import registro
from buengobierno.avisos.models import Recordatorio
from buengobierno.avisos.servicios import enviar_recordatorio, sin_avisos
from buengobierno.plazos.calendario import es_dia_habil, sumar_dias_habiles
from compromisos import services
from compromisos.avisos import avisar_vencimientos, enviar_resumenes
from compromisos.models import Compromiso
from tests.concurrencia import en_paralelo, filas_leidas

ANTES = timedelta(days=40)


@pytest.fixture
def referencia(hoy):
    """The last business day up to today: 'overdue by k business days' counts from it, so the
    tests do not depend on the weekday they run on."""
    return hoy if es_dia_habil(hoy) else sumar_dias_habiles(hoy, -1)


@pytest.fixture
def vence(crear_compromiso, enlace_salud, hoy):
    """vence(fecha) -> a commitment of the Salud enlace due on that date."""

    def crear(fecha, **cambios):
        return crear_compromiso(
            enlace_salud, fecha_limite=fecha, fecha_origen=hoy - ANTES, **cambios
        )

    return crear


def enviados(mailoutbox):
    return sorted((m.to[0], m.subject.removeprefix("[Buen Gobierno] ")) for m in mailoutbox)


@pytest.mark.django_db
def test_a_commitment_due_within_three_business_days_reminds_its_responsible(
    vence, enlace_salud, hoy, mailoutbox, al_confirmar
):
    pronto = vence(sumar_dias_habiles(hoy, 3), descripcion="Entregar el informe")
    vence(sumar_dias_habiles(hoy, 4), descripcion="Más adelante")

    with al_confirmar():
        assert avisar_vencimientos(hoy=hoy) == 1

    assert enviados(mailoutbox) == [
        (enlace_salud.email, "Su compromiso vence pronto: Entregar el informe")
    ]
    recordatorio = Recordatorio.objects.exclude(paso="compromiso_asignado").get()
    assert recordatorio.paso == f"vence_pronto:{pronto.fecha_limite:%Y%m%d}"


@pytest.mark.django_db
def test_a_reminder_waiting_for_a_retry_is_discarded_once_the_commitment_is_fulfilled(
    vence, enlace_salud, hoy, mailoutbox, django_capture_on_commit_callbacks
):
    compromiso = vence(hoy, descripcion="Hoy")
    with django_capture_on_commit_callbacks(execute=False):  # the e-mail did not go out yet
        avisar_vencimientos(hoy=hoy)
    services.marcar_cumplido(compromiso=compromiso, nota="Entregado.", usuario=enlace_salud)
    recordatorio = Recordatorio.objects.get(paso__startswith="vence_hoy")

    resultado = enviar_recordatorio(recordatorio_id=recordatorio.pk)

    recordatorio.refresh_from_db()
    assert not resultado.enviado
    assert recordatorio.estado == Recordatorio.Estado.DESCARTADO
    assert [m for m in mailoutbox if "Hoy vence" in m.subject] == []


@pytest.mark.django_db
def test_a_commitment_due_today_says_so(vence, enlace_salud, hoy, mailoutbox, al_confirmar):
    vence(hoy, descripcion="Hoy")

    with al_confirmar():
        avisar_vencimientos(hoy=hoy)

    assert enviados(mailoutbox) == [(enlace_salud.email, "Hoy vence su compromiso: Hoy")]


@pytest.mark.django_db
def test_overdue_one_business_day_reminds_the_responsible_but_does_not_escalate(
    vence, enlace_salud, directivo_salud, referencia, hoy, mailoutbox, al_confirmar
):
    vence(sumar_dias_habiles(referencia, -1), descripcion="Atrasado")

    with al_confirmar():
        avisar_vencimientos(hoy=hoy)

    assert enviados(mailoutbox) == [(enlace_salud.email, "Compromiso vencido: Atrasado")]


@pytest.mark.django_db
def test_overdue_two_business_days_escalates_to_the_organism_head(
    vence, enlace_salud, directivo_salud, referencia, hoy, mailoutbox, al_confirmar
):
    vence(sumar_dias_habiles(referencia, -2), descripcion="Muy atrasado")

    with al_confirmar():
        avisar_vencimientos(hoy=hoy)

    assert enviados(mailoutbox) == sorted(
        [
            (enlace_salud.email, "Compromiso vencido: Muy atrasado"),
            (directivo_salud.email, f"Compromiso vencido de {enlace_salud}: Muy atrasado"),
        ]
    )
    escalamiento = next(m for m in mailoutbox if m.to == [directivo_salud.email])
    assert "lleva 2 días hábiles vencido" in escalamiento.body


@pytest.mark.django_db
@override_settings(COMPROMISOS_DIAS_ESCALAMIENTO=5)
def test_the_escalation_threshold_is_a_setting(
    vence, enlace_salud, directivo_salud, referencia, hoy, mailoutbox, al_confirmar
):
    vence(sumar_dias_habiles(referencia, -3))

    with al_confirmar():
        avisar_vencimientos(hoy=hoy)

    assert [m.to[0] for m in mailoutbox] == [enlace_salud.email]


@pytest.mark.django_db
def test_closed_commitments_are_not_reminded(
    vence, enlace_salud, secretaria, hoy, mailoutbox, al_confirmar
):
    cumplido = vence(hoy)
    services.marcar_cumplido(compromiso=cumplido, nota="Hecho", usuario=enlace_salud)
    cancelado = vence(hoy)
    services.cancelar_compromiso(compromiso=cancelado, usuario=secretaria, motivo="No aplica")

    with al_confirmar():
        assert avisar_vencimientos(hoy=hoy) == 0

    assert mailoutbox == []


@pytest.mark.django_db
def test_a_second_run_sends_nothing_and_a_new_due_date_reminds_again(
    vence, secretaria, hoy, mailoutbox, al_confirmar
):
    compromiso = vence(hoy)
    with al_confirmar():
        assert avisar_vencimientos(hoy=hoy) == 1
        assert avisar_vencimientos(hoy=hoy) == 0

    services.reprogramar_compromiso(
        compromiso=compromiso,
        nueva_fecha=sumar_dias_habiles(hoy, 2),
        justificacion="Falta información",
        usuario=secretaria,
    )
    with al_confirmar():
        assert avisar_vencimientos(hoy=hoy) == 1

    assert len(mailoutbox) == 2


@pytest.mark.django_db
def test_each_organism_head_gets_one_weekly_digest(
    vence, directivo_salud, referencia, hoy, mailoutbox, al_confirmar
):
    vence(sumar_dias_habiles(referencia, -1), descripcion="Atrasado")
    vence(sumar_dias_habiles(hoy, 8), descripcion="Al día")

    with al_confirmar():
        assert enviar_resumenes(hoy=hoy) == 1
        assert enviar_resumenes(hoy=hoy) == 0
        assert enviar_resumenes(hoy=hoy + timedelta(days=7)) == 1

    asuntos = {m.subject for m in mailoutbox}
    assert asuntos == {
        "[Buen Gobierno] Resumen semanal de compromisos de SSP: 2 abiertos, 1 vencidos"
    }
    assert [m.to[0] for m in mailoutbox] == [directivo_salud.email] * 2
    assert "Atrasado" in mailoutbox[0].body and "Al día" in mailoutbox[0].body
    pasos = set(
        Recordatorio.objects.filter(paso__startswith="resumen").values_list("paso", flat=True)
    )
    assert pasos == {f"resumen:{hoy:%G-W%V}", f"resumen:{hoy + timedelta(days=7):%G-W%V}"}


def test_the_scan_is_registered_to_run_every_working_hour():
    escaneo = registro.escaneos()["compromisos"]

    assert escaneo.crontab == {"minute": "5", "hour": "7-18"}


@pytest.mark.django_db(transaction=True)
def test_two_workers_scanning_at_the_same_moment_send_each_reminder_once(
    crear_compromiso, enlace_salud, directivo_salud, referencia, hoy, mailoutbox
):
    with sin_avisos():  # only the scan's e-mails count here
        crear_compromiso(
            enlace_salud, descripcion="Pronto", fecha_limite=sumar_dias_habiles(hoy, 2)
        )
        crear_compromiso(
            enlace_salud,
            descripcion="Vencido",
            fecha_origen=hoy - ANTES,
            fecha_limite=sumar_dias_habiles(referencia, -4),
        )

    programados = en_paralelo(lambda: registro.ejecutar("compromisos"), hilos=2)

    # Pronto, Vencido, its escalation to the head, and the head's weekly digest: four steps.
    assert sum(programados) == 4
    assert Recordatorio.objects.count() == 4  # the assignment notices were switched off
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [enlace_salud.email, enlace_salud.email, directivo_salud.email, directivo_salud.email]
    )
    assert len({(m.to[0], m.subject) for m in mailoutbox}) == 4


@pytest.mark.django_db
def test_a_scan_costs_the_same_queries_whatever_is_not_due_or_already_claimed(
    vence, directivo_salud, referencia, hoy, al_confirmar
):
    vence(sumar_dias_habiles(referencia, -3))
    with al_confirmar():
        registro.ejecutar("compromisos")
    with CaptureQueriesContext(connection) as pocos:
        assert registro.ejecutar("compromisos") == 0

    for k in range(15):
        vence(sumar_dias_habiles(hoy, 10 + k))  # not due
        vence(sumar_dias_habiles(referencia, -3 - k))  # due, then claimed
    with al_confirmar():
        assert registro.ejecutar("compromisos") == 30  # 15 reminders and 15 escalations
    with CaptureQueriesContext(connection) as muchos, filas_leidas(Compromiso) as leidas:
        assert registro.ejecutar("compromisos") == 0

    assert len(muchos.captured_queries) == len(pocos.captured_queries) <= 6
    assert leidas == []  # not one commitment row read: nothing was due
