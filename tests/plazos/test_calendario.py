import time
from datetime import date, timedelta

import holidays
import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from buengobierno.plazos import calendario, consultas, tabla
from buengobierno.plazos.calendario import (
    FueraDelCalendario,
    comprobar_version,
    dias_habiles_entre,
    es_dia_habil,
    festivos,
    motivo_no_habil,
    sumar_dias_habiles,
    sumar_meses,
)
from buengobierno.plazos.models import DiaCalendario, DiaNoHabil

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("fecha", "motivo"),
    [
        (date(2025, 4, 17), "Jueves Santo"),
        (date(2025, 4, 18), "Viernes Santo"),
        (date(2026, 4, 2), "Jueves Santo"),
        (date(2027, 3, 26), "Viernes Santo"),
        (date(2026, 1, 12), "Reyes"),  # 6 January moved to Monday (Ley 51 de 1983)
        (date(2025, 3, 24), "San José"),
        (date(2027, 10, 18), "Raza"),
        (date(2026, 7, 13), "Chiquinquirá"),  # Ley 2578 de 2026, moved to Monday
        (date(2027, 7, 12), "Chiquinquirá"),
        (date(2026, 12, 8), "Inmaculada"),
        (date(2026, 12, 25), "Navidad"),
    ],
)
def test_national_holidays_are_not_business_days(fecha, motivo):
    assert not es_dia_habil(fecha)
    assert motivo in motivo_no_habil(fecha)


def test_the_virgen_de_chiquinquira_holiday_exists_only_from_2026():
    assert es_dia_habil(date(2025, 7, 14))
    assert not any("Chiquinquirá" in nombre for nombre in festivos(2025).values())
    assert any("Chiquinquirá" in nombre for nombre in festivos(2026).values())


def test_a_date_carrying_two_holidays_counts_once():
    # 2025-06-30 is Sagrado Corazón and San Pedro y San Pablo at once.
    assert not es_dia_habil(date(2025, 6, 30))
    assert dias_habiles_entre(date(2025, 6, 27), date(2025, 7, 1)) == 1


def test_weekends_are_not_business_days():
    assert motivo_no_habil(date(2026, 11, 21)) == "sábado"
    assert motivo_no_habil(date(2026, 11, 22)) == "domingo"
    assert motivo_no_habil(date(2026, 11, 23)) is None


def test_three_business_days_after_a_friday_before_a_holiday_monday():
    # Friday 2026-11-13; Monday 16 is Independencia de Cartagena.
    assert sumar_dias_habiles(date(2026, 11, 13), 1) == date(2026, 11, 17)
    assert sumar_dias_habiles(date(2026, 11, 13), 3) == date(2026, 11, 19)


def test_business_days_cross_holy_week():
    # Wednesday before Easter 2026: Thursday and Friday are holidays.
    assert sumar_dias_habiles(date(2026, 4, 1), 1) == date(2026, 4, 6)


def test_business_days_cross_the_year_end():
    # 2026-12-31 is a Thursday; 1 January is a holiday, then the weekend.
    assert sumar_dias_habiles(date(2026, 12, 31), 1) == date(2027, 1, 4)
    assert sumar_dias_habiles(date(2025, 12, 24), 3) == date(2025, 12, 30)


def test_negative_and_zero_business_days():
    assert sumar_dias_habiles(date(2026, 11, 17), -1) == date(2026, 11, 13)
    assert sumar_dias_habiles(date(2026, 11, 16), 0) == date(2026, 11, 17)
    assert sumar_dias_habiles(date(2026, 11, 18), 0) == date(2026, 11, 18)


def test_business_days_between_is_the_inverse_of_adding():
    inicio = date(2025, 12, 15)
    for n in range(0, 40):
        assert dias_habiles_entre(inicio, sumar_dias_habiles(inicio, n)) == n
    assert dias_habiles_entre(date(2026, 11, 19), date(2026, 11, 13)) == -3


def test_a_non_working_day_added_by_an_admin_is_skipped():
    # Thursday 2026-11-19, e.g. a civic day decreed by the Alcalde.
    assert sumar_dias_habiles(date(2026, 11, 13), 3) == date(2026, 11, 19)
    DiaNoHabil.objects.create(fecha=date(2026, 11, 19), motivo="Día cívico")
    assert not es_dia_habil(date(2026, 11, 19))
    assert motivo_no_habil(date(2026, 11, 19)) == "Día cívico"
    assert sumar_dias_habiles(date(2026, 11, 13), 3) == date(2026, 11, 20)


def test_removing_a_non_working_day_makes_it_a_business_day_again():
    dia = DiaNoHabil.objects.create(fecha=date(2026, 11, 19), motivo="Día cívico")
    assert not es_dia_habil(date(2026, 11, 19))
    dia.delete()
    assert es_dia_habil(date(2026, 11, 19))


def test_a_deadline_in_months_runs_by_the_calendar_and_moves_off_non_business_days():
    assert sumar_meses(date(2026, 1, 15), 1) == date(2026, 2, 16)  # 15 Feb 2026 is a Sunday
    assert sumar_meses(date(2026, 1, 31), 1) == date(2026, 3, 2)  # 28 Feb is a Saturday
    assert sumar_meses(date(2026, 3, 10), 2) == date(2026, 5, 11)  # 10 May is a Sunday
    assert sumar_meses(date(2026, 11, 20), 2) == date(2027, 1, 20)


# --- the calendar table -------------------------------------------------------------------


def calendario_de_referencia(no_habiles: set[date]):
    """The day-by-day algorithm the calendar table replaced, kept here as the reference."""

    def es_habil(fecha):
        return fecha.weekday() < 5 and fecha not in no_habiles

    def sumar(fecha, n):
        paso = 1 if n >= 0 else -1
        restantes, actual = abs(n), fecha
        if restantes == 0:
            while not es_habil(actual):
                actual += timedelta(days=1)
            return actual
        while restantes:
            actual += timedelta(days=paso)
            if es_habil(actual):
                restantes -= 1
        return actual

    def entre(inicio, fin):
        if fin < inicio:
            return -entre(fin, inicio)
        return sum(1 for k in range(1, (fin - inicio).days + 1) if es_habil(inicio + timedelta(k)))

    return es_habil, sumar, entre


def test_every_date_of_2024_to_2030_gets_the_same_answers_as_counting_day_by_day():
    civico = DiaNoHabil.objects.create(fecha=date(2027, 3, 3), motivo="Día cívico")
    no_habiles = {civico.fecha}
    for anio in range(2023, 2032):
        no_habiles |= set(holidays.country_holidays("CO", years=anio, language="es"))
    es_habil, sumar, entre = calendario_de_referencia(no_habiles)
    dias = [
        date(2024, 1, 1) + timedelta(k)
        for k in range((date(2030, 12, 31) - date(2024, 1, 1)).days + 1)
    ]

    for fecha in dias:
        assert es_dia_habil(fecha) == es_habil(fecha), fecha
        assert (motivo_no_habil(fecha) is None) == es_habil(fecha), fecha
        for n in range(-30, 31):
            assert sumar_dias_habiles(fecha, n) == sumar(fecha, n), (fecha, n)
        for k in range(-31, 32, 3):
            otra = fecha + timedelta(days=k)
            assert dias_habiles_entre(fecha, otra) == entre(fecha, otra), (fecha, otra)
    assert motivo_no_habil(civico.fecha) == "Día cívico"
    assert sumar_meses(date(2027, 2, 3), 1) == date(2027, 3, 4)  # moves off the civic day


def test_a_day_added_in_another_process_counts_from_the_next_request(client, despacho):
    jueves = date(2026, 11, 19)
    assert es_dia_habil(jueves)
    # Another process: the row and the regenerated table, without this process's signals.
    DiaNoHabil.objects.bulk_create([DiaNoHabil(fecha=jueves, motivo="Día cívico")])
    tabla.sincronizar_calendario()

    assert es_dia_habil(jueves)  # this process has not looked yet
    client.force_login(despacho)
    client.get(reverse("escritorio"))

    assert not es_dia_habil(jueves)


def test_outside_requests_the_calendar_is_compared_at_least_every_minute(monkeypatch):
    jueves = date(2026, 11, 19)
    assert es_dia_habil(jueves)
    DiaNoHabil.objects.bulk_create([DiaNoHabil(fecha=jueves, motivo="Día cívico")])
    tabla.sincronizar_calendario()
    ahora = time.monotonic()

    monkeypatch.setattr(calendario.time, "monotonic", lambda: ahora + 61)

    assert not es_dia_habil(jueves)


def test_adding_a_day_rewrites_a_few_runs_of_the_table_not_every_date():
    antes = DiaCalendario.objects.get(fecha=date(2099, 6, 1)).ordinal

    with CaptureQueriesContext(connection) as consultas_hechas:
        DiaNoHabil.objects.create(fecha=date(2026, 11, 19), motivo="Día cívico")

    escrituras = [
        q["sql"]
        for q in consultas_hechas.captured_queries
        if q["sql"].startswith(("UPDATE", "INSERT", "DELETE")) and "diacalendario" in q["sql"]
    ]
    assert len(escrituras) == 2  # the day itself, then one shift of every later ordinal
    assert DiaCalendario.objects.get(fecha=date(2099, 6, 1)).ordinal == antes - 1
    assert not DiaCalendario.objects.get(fecha=date(2026, 11, 19)).habil


def test_moving_a_day_and_a_new_holidays_release_regenerate_the_table(monkeypatch):
    dia = DiaNoHabil.objects.create(fecha=date(2026, 11, 19), motivo="Día cívico")
    dia.fecha = date(2026, 11, 20)
    dia.save()
    assert es_dia_habil(date(2026, 11, 19))
    assert not es_dia_habil(date(2026, 11, 20))

    # A release that adds a holiday on 2026-11-24: the next migrate picks it up.
    nacionales = tabla.festivos_nacionales

    def con_uno_mas(*args):
        festivos = nacionales(*args)
        festivos[date(2026, 11, 24)] = "Festivo nuevo"
        return festivos

    monkeypatch.setattr(tabla, "festivos_nacionales", con_uno_mas)
    monkeypatch.setattr(tabla.holidays, "__version__", "99.0")
    tabla.sincronizar_tras_migrar()
    comprobar_version()

    assert not es_dia_habil(date(2026, 11, 24))
    assert tabla.sincronizar_calendario() == 0  # nothing left to change
    assert DiaCalendario.objects.count() == (tabla.HASTA - tabla.DESDE).days + 1


def test_dates_outside_the_calendar_are_refused_with_a_message():
    with pytest.raises(FueraDelCalendario) as error:
        sumar_dias_habiles(date(2101, 1, 3), 1)

    assert error.value.messages[0] == (
        "La fecha 3 de enero de 2101 está fuera del rango que admite el sistema (años 2000 a 2100)."
    )
    with pytest.raises(FueraDelCalendario):
        sumar_dias_habiles(date(2100, 12, 30), 5)


def test_sql_reads_the_same_calendar_as_python():
    DiaNoHabil.objects.create(fecha=date(2026, 11, 19), motivo="Día cívico")
    inicio = date(2026, 11, 13)

    filas = (
        DiaCalendario.objects.filter(fecha__range=(date(2024, 1, 1), date(2030, 12, 31)))
        .annotate(desde_inicio=F("ordinal") - consultas.ordinal_habil(inicio))
        .values_list("fecha", "habil", "ordinal", "desde_inicio")
    )

    assert len(filas) == 2557
    for fecha, habil, numero, desde_inicio in filas:
        assert (habil, numero) == (es_dia_habil(fecha), calendario.ordinal(fecha))
        assert desde_inicio == dias_habiles_entre(inicio, fecha)
    assert calendario.fecha_de_ordinal(calendario.ordinal(inicio)) == inicio
