"""One way to write dates, times and numbers, and date inputs that read day first."""

from datetime import date, datetime, time

import pytest
from django import forms
from django.template import Context, Template
from django.utils import timezone

from buengobierno.documentos import formato
from buengobierno.web.formularios import EntradaFecha, EntradaFechaHora

TARDE = timezone.make_aware(datetime(2026, 12, 9, 14, 0))


def test_dates_and_times_read_the_colombian_way():
    assert formato.fecha_larga(date(2026, 12, 9)) == "9 de diciembre de 2026"
    assert formato.dia_y_fecha(date(2026, 12, 9)) == "miércoles, 9 de diciembre de 2026"
    assert formato.hora(time(14, 0)) == "2:00 p. m."
    assert formato.hora(time(0, 5)) == "12:05 a. m."
    assert formato.hora(time(12, 30)) == "12:30 p. m."
    assert formato.fecha_hora_larga(TARDE) == "9 de diciembre de 2026, 2:00 p. m."


def test_a_range_uses_one_clock_and_names_the_second_day_only_when_it_changes():
    fin = TARDE.replace(hour=15, minute=30)
    assert formato.rango_horas(TARDE, fin) == "9 de diciembre de 2026, 2:00 p. m. – 3:30 p. m."
    otro_dia = TARDE.replace(day=10, hour=9)
    assert formato.rango_horas(TARDE, otro_dia) == (
        "9 de diciembre de 2026, 2:00 p. m. – 10 de diciembre de 2026, 9:00 a. m."
    )


def test_numbers_use_a_point_for_thousands_and_a_comma_for_decimals():
    assert formato.numero(1234567) == "1.234.567"
    assert formato.numero(1234.5, 1) == "1.234,5"
    assert formato.porcentaje(85) == "85 %"
    assert formato.porcentaje(None) == "—"


@pytest.mark.parametrize(
    "texto", ["9/12/2026", "09/12/2026", "9-12-2026", "09.12.2026", "09122026", "2026-12-09"]
)
def test_a_typed_date_is_read_day_first_and_an_iso_one_as_such(texto):
    assert formato.leer_fecha(texto) == date(2026, 12, 9)


@pytest.mark.parametrize("texto", ["31/02/2026", "12/2026", "mañana", "", None])
def test_what_is_not_a_date_reads_as_none(texto):
    assert formato.leer_fecha(texto) is None


def test_a_sentence_ends_in_one_period_after_an_abbreviation():
    assert formato.frase("Asamblea de Metrocali S.A.") == "Asamblea de Metrocali S.A."
    assert formato.frase("Empieza a las 8:41 a. m.") == "Empieza a las 8:41 a. m."
    assert formato.frase("Se aprobó el plan") == "Se aprobó el plan."


def test_names_of_bodies_take_their_article_and_proper_names_do_not():
    assert formato.de("Junta Directiva de EMCALI") == "de la Junta Directiva de EMCALI"
    assert formato.de("Consejo Territorial de Salud") == "del Consejo Territorial de Salud"
    assert formato.a("Comité de Justicia Transicional") == "al Comité de Justicia Transicional"
    assert formato.con_articulo("Red de Salud del Oriente") == "la Red de Salud del Oriente"
    assert formato.de("Metrocali S.A.") == "de Metrocali S.A."
    assert formato.todos("Instancia") == "Todas" and formato.todos("Organismo") == "Todos"
    assert formato.todos("Prioridad") == "Todas" and formato.todos("Tema") == "Todos"


def test_the_template_filters_are_the_same_functions():
    texto = Template(
        "{% load formato %}{{ i|rango_horas:f }} · {{ n|numero:1 }} · {{ d|fecha_entrada }}"
    ).render(Context({"i": TARDE, "f": TARDE.replace(hour=15), "n": 2500.25, "d": TARDE.date()}))
    assert texto == "9 de diciembre de 2026, 2:00 p. m. – 3:00 p. m. · 2.500,2 · 09/12/2026"


class _Formulario(forms.Form):
    vence = forms.DateField(widget=EntradaFecha())
    inicio = forms.DateTimeField(widget=EntradaFechaHora())


def test_a_date_input_shows_and_accepts_day_month_year():
    form = _Formulario(initial={"vence": date(2026, 12, 9), "inicio": TARDE})
    html = str(form["vence"]) + str(form["inicio"])
    assert 'value="09/12/2026"' in html and 'placeholder="dd/mm/aaaa"' in html
    assert 'type="time"' in html and 'value="14:00"' in html and 'name="inicio_hora"' in html

    enviado = _Formulario({"vence": "9/12/2026", "inicio": "10/12/2026", "inicio_hora": "15:30"})
    assert enviado.is_valid(), enviado.errors
    assert enviado.cleaned_data["vence"] == date(2026, 12, 9)
    assert timezone.localtime(enviado.cleaned_data["inicio"]) == timezone.make_aware(
        datetime(2026, 12, 10, 15, 30)
    )


def test_iso_values_from_scripts_and_links_are_still_understood():
    enviado = _Formulario({"vence": "2026-12-09", "inicio": "2026-12-10T15:30"})
    assert enviado.is_valid(), enviado.errors
    assert enviado.cleaned_data["vence"] == date(2026, 12, 9)


def test_a_date_without_its_time_or_a_wrong_date_is_refused_beside_the_field():
    assert not _Formulario(
        {"vence": "9/12/2026", "inicio": "10/12/2026", "inicio_hora": ""}
    ).is_valid()
    sin_dia = _Formulario({"vence": "31/02/2026", "inicio": "10/12/2026", "inicio_hora": "9:00"})
    assert not sin_dia.is_valid() and "vence" in sin_dia.errors
    # What the person typed comes back as typed, to be corrected.
    assert 'value="31/02/2026"' in str(sin_dia["vence"])
