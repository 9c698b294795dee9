"""P003 reminders: each stage that waits too long is reminded once, to whom it waits for."""

from datetime import timedelta

import pytest
from django.utils import timezone

from actos.avisos import avisar_actos
from actos.models import ActoAdministrativo, VistoBueno
from buengobierno.avisos import registro
from buengobierno.avisos.models import Recordatorio
from buengobierno.plazos.calendario import es_dia_habil, sumar_dias_habiles
from buengobierno.plazos.models import DiaNoHabil
from tests.actos.conftest import vb
from tests.concurrencia import en_paralelo

E = ActoAdministrativo.Estado


def vencido(acto, dias=1):
    """The act's stage began long enough ago that its reminder date has passed."""
    hoy = timezone.localdate()
    ActoAdministrativo.objects.filter(pk=acto.pk).update(
        etapa_desde=hoy - timedelta(days=10), vence_etapa=hoy - timedelta(days=dias)
    )
    acto.refresh_from_db()
    return acto


@pytest.mark.django_db
def test_waiting_vistos_buenos_are_reminded_once_to_whom_they_wait_for(
    nuevo_acto, directivo_salud, juridica, mailoutbox, al_confirmar
):
    acto = vencido(nuevo_acto())

    with al_confirmar():
        assert avisar_actos() == 2
        assert avisar_actos() == 0

    assert sorted(m.to[0] for m in mailoutbox) == sorted([directivo_salud.email, juridica.email])
    assert "Visto bueno del DAGJP pendiente" in " ".join(m.subject for m in mailoutbox)
    assert set(Recordatorio.objects.values_list("paso", flat=True)) == {
        f"vb_productor:{acto.vence_etapa:%Y%m%d}",
        f"vb_juridica:{acto.vence_etapa:%Y%m%d}",
    }


@pytest.mark.django_db
def test_a_visto_bueno_given_is_not_reminded(nuevo_acto, directivo_salud, juridica):
    acto = nuevo_acto()
    vb(acto, directivo_salud, VistoBueno.Tipo.PRODUCTOR)
    vencido(acto)

    assert avisar_actos() == 1
    assert Recordatorio.objects.get().destinatario == juridica


@pytest.mark.django_db
def test_nothing_is_reminded_before_its_date(nuevo_acto, juridica):
    acto = nuevo_acto()
    assert acto.vence_etapa == sumar_dias_habiles(timezone.localdate(), 3)
    assert avisar_actos() == 0


@pytest.mark.django_db
def test_returned_in_signature_and_not_notified_acts_are_reminded(
    nuevo_acto, avanzar, despacho, directivo_salud, resolucion, juridica
):
    from actos import services
    from tests.actos.conftest import FALLA_ESTILO, todos_cumplen

    devuelto = avanzar(nuevo_acto(), E.EN_REVISION)
    services.revisar_forma(
        acto=devuelto,
        usuario=despacho,
        version=devuelto.version_actual_id,
        items={**todos_cumplen(devuelto), **FALLA_ESTILO},
    )
    vencido(devuelto)
    en_firma = vencido(avanzar(nuevo_acto(), E.LISTO_PARA_FIRMA))
    particular = vencido(avanzar(nuevo_acto(tipo=resolucion, alcance="particular"), E.NUMERADO))
    general = vencido(avanzar(nuevo_acto(), E.NUMERADO))

    avisar_actos()

    pasos = set(Recordatorio.objects.values_list("object_id", "paso", "destinatario"))
    assert (devuelto.pk, f"devuelto:{devuelto.vence_etapa:%Y%m%d}", directivo_salud.pk) in pasos
    assert (en_firma.pk, f"en_firma:{en_firma.vence_etapa:%Y%m%d}", despacho.pk) in pasos
    assert (
        particular.pk,
        f"sin_notificar:{particular.vence_etapa:%Y%m%d}",
        despacho.pk,
    ) in pasos
    assert not any(o == general.pk for o, _p, _d in pasos)


@pytest.mark.django_db(transaction=True)
def test_two_workers_scanning_at_the_same_moment_send_each_reminder_once(
    nuevo_acto, directivo_salud, juridica, mailoutbox
):
    vencido(nuevo_acto())
    vencido(nuevo_acto(epigrafe="Por el cual se adopta el plan de movilidad"))

    programados = en_paralelo(lambda: registro.ejecutar("actos"), hilos=2)

    assert sum(programados) == 4
    assert Recordatorio.objects.count() == 4
    assert len(mailoutbox) == 4


@pytest.mark.django_db
def test_a_new_non_working_day_moves_the_reminder_date_with_its_reason(nuevo_acto):
    acto = nuevo_acto()
    antes = acto.vence_etapa
    dia = sumar_dias_habiles(acto.etapa_desde, 1)
    assert es_dia_habil(dia) and dia <= antes

    DiaNoHabil.objects.create(fecha=dia, motivo="Día cívico")

    acto.refresh_from_db()
    assert acto.vence_etapa == sumar_dias_habiles(antes, 1)
    assert "no hábil" in acto.history.first().history_change_reason
