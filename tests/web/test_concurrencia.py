"""The platform's optimistic concurrency (buengobierno/web/concurrencia.py), alone."""

from datetime import UTC, date, datetime

import pytest
from django import forms

from buengobierno.web.concurrencia import (
    CAMPO,
    ConVersion,
    EdicionEnConflicto,
    exigir_sin_cambios,
    fusionar,
    huella,
    huellas,
    leer_sello,
    sello,
)


def test_what_a_browser_posts_and_what_the_row_holds_have_one_fingerprint():
    assert huella("Línea uno\r\nLínea dos  ") == huella("Línea uno\nLínea dos")
    assert huella(None) == huella("")
    assert huella(datetime(2026, 12, 9, 14, 30, 41, tzinfo=UTC)) == huella(
        datetime(2026, 12, 9, 9, 30).astimezone(UTC).replace(hour=14, minute=30)
    )
    assert huella(date(2026, 12, 9)) != huella(date(2026, 12, 10))
    assert huella(False) != huella(None)


def test_untouched_fields_keep_what_someone_else_saved():
    base = huellas({"titulo": "A", "objetivo": "O"})

    guardar = fusionar(
        base=base,
        actuales={"titulo": "A", "objetivo": "De la colega"},
        nuevos={"titulo": "Mío", "objetivo": "O"},
    )

    assert guardar == {"titulo": "Mío"}


def test_the_same_field_changed_here_and_elsewhere_is_a_conflict_with_the_stored_value():
    base = huellas({"objetivo": "O", "lugar": "Sala 1"})

    with pytest.raises(EdicionEnConflicto) as conflicto:
        fusionar(
            base=base,
            actuales={"objetivo": "De la colega", "lugar": "Sala 2"},
            nuevos={"objetivo": "Mío", "lugar": "Sala 1"},
        )

    assert conflicto.value.conflictos == {"objetivo": "De la colega"}
    assert conflicto.value.ajenos == {"lugar"}


def test_the_same_change_made_twice_is_no_conflict():
    base = huellas({"objetivo": "O"})

    assert fusionar(base=base, actuales={"objetivo": "X"}, nuevos={"objetivo": "X"}) == {}


def test_without_a_base_everything_is_saved_as_before():
    assert fusionar(base=None, actuales={"a": 1}, nuevos={"a": 2, "b": 3}) == {"a": 2, "b": 3}


def test_a_transition_over_a_field_changed_elsewhere_is_refused():
    base = huellas({"estado": "pendiente", "avance": 20})

    exigir_sin_cambios(base=base, actuales={"estado": "pendiente", "avance": 20})
    with pytest.raises(EdicionEnConflicto):
        exigir_sin_cambios(base=base, actuales={"estado": "pendiente", "avance": 60})


def test_a_forged_or_damaged_version_is_a_form_error_not_a_crash():
    assert leer_sello(sello({"a": "x"})) == huellas({"a": "x"})
    assert leer_sello("") is None
    for malo in ("x" * 5000, "abc:def", sello({"a": "x"})[:-2] + "zz", "\x00\xff"):
        with pytest.raises(forms.ValidationError):
            leer_sello(malo)


class _Nota(ConVersion, forms.Form):
    texto = forms.CharField(widget=forms.Textarea, required=False)
    fecha = forms.DateField(required=False)


def test_a_conflict_shows_the_stored_text_beside_the_field_and_moves_the_base():
    guardado = {"texto": "Original", "fecha": date(2026, 12, 9)}
    pagina = _Nota(valores_guardados=guardado)
    datos = {"texto": "Mío", "fecha": "2026-12-09", CAMPO: pagina.fields[CAMPO].initial}
    form = _Nota(datos, valores_guardados=guardado)
    assert form.is_valid()
    actuales = {"texto": "De la colega", "fecha": date(2026, 12, 10)}

    with pytest.raises(EdicionEnConflicto) as conflicto:
        fusionar(base=form.base_de_version(), actuales=actuales, nuevos=form.cleaned_data)
    form.mostrar_conflicto(conflicto.value)

    assert form.errors["texto"] and "De la colega" in str(form["texto"].help_text)
    assert form["texto"].value() == "Mío"
    assert form["fecha"].value() == "2026-12-10"  # changed only elsewhere: shown as stored
    assert leer_sello(form.data[CAMPO]) == huellas(actuales)
