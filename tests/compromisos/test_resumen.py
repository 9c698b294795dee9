"""The figures kept per organism and month (compromisos.resumen) give what counting every
commitment gives, after every kind of change."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from buengobierno.plazos.calendario import sumar_dias_habiles
from buengobierno.plazos.models import DiaNoHabil
from compromisos import resumen, services
from compromisos.indicadores import cifras_por
from compromisos.models import CifrasDelMes, Compromiso

pytestmark = pytest.mark.django_db


def contadas(**periodo):
    """What counting every commitment gives (the reference)."""
    compromisos = Compromiso.objects.all()
    if periodo.get("desde"):
        compromisos = compromisos.filter(fecha_limite__gte=periodo["desde"])
    if periodo.get("hasta"):
        compromisos = compromisos.filter(fecha_limite__lte=periodo["hasta"])
    return cifras_por(compromisos, "organismo")


@pytest.fixture
def historia(crear_compromiso, directivo_salud, directivo_educacion, secretaria, hoy):
    """Commitments of two organisms over three months, this one included: on time, late,
    overdue last month and this month, open, cancelled, reprogrammed, returned."""
    hace_dos_meses = hoy - timedelta(days=62)
    antes = hoy - timedelta(days=90)
    creados = []
    for responsable in (directivo_salud, directivo_educacion):
        for dias in (-45, -20, -1, 0, 10, 40):
            creados.append(
                crear_compromiso(
                    responsable,
                    fecha_origen=antes,
                    fecha_limite=sumar_dias_habiles(hoy, dias) if dias else hoy,
                )
            )
    services.marcar_cumplido(compromiso=creados[0], nota="tarde", usuario=directivo_salud)
    services.marcar_cumplido(compromiso=creados[4], nota="antes", usuario=directivo_salud)
    services.verificar_compromiso(compromiso=creados[4], usuario=secretaria)
    services.cancelar_compromiso(compromiso=creados[6], usuario=secretaria, motivo="No aplica")
    services.reprogramar_compromiso(
        compromiso=creados[7],
        nueva_fecha=sumar_dias_habiles(hoy, 60),
        justificacion="Falta información",
        usuario=secretaria,
    )
    services.marcar_cumplido(compromiso=creados[8], nota="listo", usuario=directivo_educacion)
    services.devolver_compromiso(compromiso=creados[8], usuario=secretaria, observacion="Falta")
    crear_compromiso(directivo_salud, fecha_origen=antes, fecha_limite=hace_dos_meses)
    return creados


def test_the_figures_of_everything_equal_those_counted_commitment_by_commitment(historia, hoy):
    assert resumen.cifras_de_todo() == contadas()
    assert {c.vencidos for c in contadas()} != {0}  # overdue ones are in the case


@pytest.mark.parametrize(
    "desde, hasta",
    [
        (-70, None),  # from a day inside a month
        (None, 5),  # up to a day inside this month
        (-40, -2),  # both ends cut a month
        (-3, 3),  # inside one month, or across two
    ],
)
def test_a_period_gives_the_same_figures_whole_months_or_not(historia, hoy, desde, hasta):
    periodo = {
        "desde": hoy + timedelta(days=desde) if desde is not None else None,
        "hasta": hoy + timedelta(days=hasta) if hasta is not None else None,
    }
    assert resumen.cifras_de_todo(**periodo) == contadas(**periodo)


def test_deleting_or_moving_a_commitment_recounts_both_months(historia, otro_organismo, hoy):
    movido = Compromiso.objects.get(pk=historia[5].pk)
    movido.fecha_limite = hoy + timedelta(days=120)
    movido.save()
    Compromiso.objects.get(pk=historia[1].pk).delete()

    assert resumen.cifras_de_todo() == contadas()


def test_a_new_non_working_day_moves_the_delays_kept(historia, hoy):
    # A civic day among last month's overdue days: each has one business day less of delay.
    dia = sumar_dias_habiles(hoy, -10)
    DiaNoHabil.objects.create(fecha=dia, motivo="Día cívico")

    assert resumen.cifras_de_todo() == contadas()


def test_rebuilding_after_writes_that_skip_the_signals(historia, hoy):
    Compromiso.objects.filter(pk=historia[2].pk).update(
        estado="cumplido", fecha_cumplimiento=hoy, avance=100
    )
    assert resumen.cifras_de_todo() != contadas()

    escritas = resumen.reconstruir()

    assert escritas == CifrasDelMes.objects.count() > 0
    assert resumen.cifras_de_todo() == contadas()


def test_whoever_sees_everything_reads_the_kept_figures(client, historia, secretaria):
    client.force_login(secretaria)
    url = reverse("compromisos:indicadores")
    client.get(url)
    CifrasDelMes.objects.all().delete()  # the page shows what is kept, not a fresh count

    respuesta = client.get(url)

    assert respuesta.context["cifras"] == []


def test_the_first_of_a_month_in_the_past_and_future_has_its_own_row(
    crear_compromiso, directivo_salud
):
    for fecha in (date(2025, 1, 31), date(2025, 2, 1), date(2030, 3, 1)):
        crear_compromiso(directivo_salud, fecha_origen=date(2025, 1, 2), fecha_limite=fecha)

    assert sorted(CifrasDelMes.objects.values_list("mes", "total")) == [
        (date(2025, 1, 1), 1),
        (date(2025, 2, 1), 1),
        (date(2030, 3, 1), 1),
    ]


def test_a_database_migrated_with_commitments_but_no_figures_gets_them_counted(historia):
    CifrasDelMes.objects.all().delete()

    resumen.llenar_si_falta()

    assert resumen.cifras_de_todo() == contadas()
