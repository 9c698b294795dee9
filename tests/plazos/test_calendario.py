from datetime import date

import pytest

from buengobierno.plazos.calendario import (
    dias_habiles_entre,
    es_dia_habil,
    festivos,
    motivo_no_habil,
    sumar_dias_habiles,
    sumar_meses,
)
from buengobierno.plazos.models import DiaNoHabil

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
