"""Form pieces every procedure uses: pick a person by name, date inputs, crispy helpers."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib.auth import get_user_model
from django.urls import reverse


def personas_activas():
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .select_related("organismo")
        .order_by("first_name", "last_name", "username")
    )


class CampoPersona(forms.ModelChoiceField):
    """A person picked by name; the label shows the organism to tell namesakes apart."""

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", personas_activas())
        super().__init__(**kwargs)

    def label_from_instance(self, obj):
        sigla = obj.organismo.sigla or obj.organismo.nombre if obj.organismo_id else ""
        return f"{obj} — {sigla}" if sigla else str(obj)


class CampoPersonas(forms.ModelMultipleChoiceField):
    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", personas_activas())
        super().__init__(**kwargs)

    label_from_instance = CampoPersona.label_from_instance


class EntradaFecha(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class EntradaFechaHora(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


def ayudante(texto_boton, *, nombre="guardar", accion="", atributos=None) -> FormHelper:
    ayudante = FormHelper()
    ayudante.form_method = "post"
    if accion:
        ayudante.form_action = accion
    ayudante.add_input(Submit(nombre, texto_boton))
    if atributos:
        ayudante.attrs = atributos
    return ayudante


class BotonForm(forms.Form):
    """A form that is only a button (start, close, regenerate): crispy draws it with CSRF."""

    def __init__(self, *args, texto, url, estilo="btn-primary", confirmar="", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "post"
        self.helper.form_action = url
        self.helper.form_class = "d-inline"
        boton = Submit("enviar", texto)
        boton.field_classes = f"btn {estilo}"
        self.helper.add_input(boton)
        if confirmar:
            self.helper.attrs = {"data-confirmar": confirmar}


class FormularioDeAccion(forms.Form):
    """One transition of a record (accept, cancel, verify…): a form that posts to the URL
    `<espacio>:<accion>` of the record. Subclasses set espacio, accion, boton and, for a
    step that needs a second thought, `confirmar` (the question the browser asks)."""

    espacio = ""
    accion = ""
    boton = ""
    confirmar = ""

    def __init__(self, *args, registro, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = ayudante(
            self.boton,
            nombre=self.accion,
            accion=reverse(f"{self.espacio}:{self.accion}", args=[registro.pk]),
            atributos={"data-confirmar": str(self.confirmar)} if self.confirmar else None,
        )
        self.helper.form_id = f"form-{self.accion}"
