"""P004 reminders: overdue concepts, the sanction term, expiring faculties — each once."""

from datetime import date, timedelta

import pytest

from buengobierno.avisos import registro
from buengobierno.avisos.models import Recordatorio
from buengobierno.avisos.servicios import sin_avisos
from proyectos_acuerdo import avisos
from proyectos_acuerdo.models import Concepto, FacultadExtraordinaria
from tests.concurrencia import en_paralelo
from tests.proyectos.conftest import emitir

pytestmark = pytest.mark.django_db


def _facultad(responsable, fin):
    return FacultadExtraordinaria.objects.create(
        acuerdo="Acuerdo 0450 de 2026",
        objeto="Estructura",
        inicio=fin - timedelta(days=180),
        fin=fin,
        responsable=responsable,
    )


def test_an_overdue_concept_is_reminded_to_the_organism_head_and_the_leader_once(
    en_conceptos, viabilizadores, despacho, al_confirmar, mailoutbox
):
    proyecto = en_conceptos()
    emitir(proyecto, viabilizadores[Concepto.Tipo.TECNICO], Concepto.Tipo.TECNICO, "favorable")
    with al_confirmar():
        assert avisos.avisar(hoy=date(2026, 3, 17)) == 4
    destinatarios = sorted(m.to[0] for m in mailoutbox)
    assert destinatarios == sorted(
        [
            viabilizadores[Concepto.Tipo.FINANCIERO].email,
            viabilizadores[Concepto.Tipo.JURIDICO].email,
            despacho.email,
            despacho.email,
        ]
    )
    assert "Concepto vencido" in mailoutbox[0].subject
    with al_confirmar():
        assert avisos.avisar(hoy=date(2026, 3, 18)) == 0


def test_the_sanction_term_is_reminded_before_on_and_after_its_last_day(aprobado, al_confirmar):
    proyecto = aprobado
    proyecto.refresh_from_db()
    assert proyecto.plazo_sancion == date(2026, 4, 7)
    with al_confirmar():
        assert avisos.avisar(hoy=date(2026, 3, 30)) == 0
        assert avisos.avisar(hoy=date(2026, 4, 1)) == 1
        assert avisos.avisar(hoy=date(2026, 4, 7)) == 1
        assert avisos.avisar(hoy=date(2026, 4, 8)) == 1
        assert avisos.avisar(hoy=date(2026, 4, 9)) == 0
    pasos = sorted(r.paso for r in Recordatorio.objects.all())
    assert pasos == [
        "sancion_por_vencer:20260407",
        "sancion_vence_hoy:20260407",
        "sancion_vencida:20260407",
    ]


def test_faculties_are_reminded_60_30_and_10_days_before(despacho, al_confirmar):
    facultad = _facultad(despacho, date(2026, 9, 30))
    with al_confirmar():
        assert avisos.avisar(hoy=date(2026, 7, 31)) == 0  # 61 days
        assert avisos.avisar(hoy=date(2026, 8, 1)) == 1
        assert avisos.avisar(hoy=date(2026, 8, 2)) == 0
        assert avisos.avisar(hoy=date(2026, 8, 31)) == 1
        assert avisos.avisar(hoy=date(2026, 9, 20)) == 1
        assert avisos.avisar(hoy=date(2026, 9, 25)) == 0
    assert sorted(
        Recordatorio.objects.filter(object_id=facultad.pk).values_list("paso", flat=True)
    ) == ["faltan_10:20260930", "faltan_30:20260930", "faltan_60:20260930"]


@pytest.mark.django_db(transaction=True)
def test_two_workers_scanning_at_once_send_each_reminder_once(
    en_conceptos, despacho, hoy, mailoutbox
):
    with sin_avisos():
        en_conceptos()  # three concepts overdue since March: head and leader each
        _facultad(despacho, hoy + timedelta(days=20))
    programados = en_paralelo(lambda: registro.ejecutar("proyectos_acuerdo"), hilos=2)
    assert sum(programados) == 7
    assert Recordatorio.objects.count() == 7
    assert len(mailoutbox) == 7
