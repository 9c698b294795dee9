"""Form pieces every procedure uses: pick a person by name, date inputs, crispy helpers.

- `CampoPersona` / `CampoPersonas`: a person (or several) picked by name. The page shows a
  type-ahead over the directory (static/js/app.js enhances `select[data-buscador]`; without
  JavaScript it is a plain select), which works with a finger on a phone too.
- `EntradaFecha` / `EntradaFechaHora`: date inputs that read and accept day/month/year in
  Spanish whatever the browser's language ("09/12/2026", with a calendar button), and hand
  the form field an ISO value, so any DateField/DateTimeField parses them.
- `ayudante`, `BotonForm`, `FormularioDeAccion`: crispy helpers and a record's transitions.
"""

from datetime import date, datetime

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buengobierno.documentos.formato import fecha_entrada, leer_fecha, ninguno
from buengobierno.web.entrada import CampoVarios, acotar


def personas_activas():
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .select_related("organismo")
        .order_by("first_name", "last_name", "username")
    )


def buscador(widget, *, vacio=None):
    """Mark a select to be shown as a type-ahead (see `select[data-buscador]` in app.js)."""
    widget.attrs.setdefault("data-buscador", "")
    if vacio is not None:
        widget.attrs.setdefault("data-buscador-vacio", str(vacio))
    return widget


class CampoPersona(forms.ModelChoiceField):
    """A person picked by name; the label shows the organism to tell namesakes apart."""

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", personas_activas())
        kwargs.setdefault("empty_label", _("Escoja una persona"))
        super().__init__(**kwargs)
        buscador(self.widget)

    def label_from_instance(self, obj):
        sigla = obj.organismo.sigla or obj.organismo.nombre if obj.organismo_id else ""
        return f"{obj} — {sigla}" if sigla else str(obj)


class CampoPersonas(CampoVarios):
    """Several people (at most entrada.ELEGIDOS_MAXIMOS) picked by name."""

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", personas_activas())
        super().__init__(**kwargs)
        buscador(self.widget)
        # The type-ahead replaces the Ctrl-click list: no visible rows to size.
        self.widget.attrs.pop("size", None)

    label_from_instance = CampoPersona.label_from_instance


class EntradaFecha(forms.DateInput):
    """A date typed day first ("09/12/2026") or picked in a Spanish calendar.

    The browser's own date input follows the browser's language (12/09/2026 is 12 September
    in an English one), so this is a text input: it shows and accepts dd/mm/aaaa, and
    passes the field an ISO date. `attrs["min"]` (ISO) greys out earlier days in the picker.
    """

    input_type = "text"
    template_name = "web/widgets/fecha.html"

    def __init__(self, attrs=None):
        atributos = {
            "inputmode": "numeric",
            "placeholder": _("dd/mm/aaaa"),
            "autocomplete": "off",
            "maxlength": "10",
            "data-fecha": "",
        }
        super().__init__(attrs={**atributos, **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, str):
            leida = leer_fecha(value)
            return fecha_entrada(leida) if leida else value
        if isinstance(value, date):
            return fecha_entrada(value)
        return super().format_value(value)

    def value_from_datadict(self, data, files, name):
        crudo = data.get(name)
        leida = leer_fecha(crudo)
        return leida.isoformat() if leida else crudo


class EntradaHora(forms.TimeInput):
    """The time of day: the browser's time input, whose value is always HH:MM (24 hours)."""

    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


class EntradaFechaHora(forms.MultiWidget):
    """A date (`EntradaFecha`) and a time side by side, posted as `<name>` and `<name>_hora`
    and handed to the field as one ISO value "2026-12-09 14:30". A single ISO value posted
    as `<name>` ("2026-12-09T14:30") is accepted too."""

    template_name = "web/widgets/fecha_hora.html"
    # One <label> for the date (the time box is named "Hora"; app.js adds the field's label
    # to it), rather than Django's fieldset and legend, which leave the date box unlabelled.
    use_fieldset = False

    def __init__(self, attrs=None):
        super().__init__({"": EntradaFecha(), "hora": EntradaHora()}, attrs)

    def decompress(self, value):
        if isinstance(value, datetime):
            if timezone.is_aware(value):
                value = timezone.localtime(value)
            return [value.date(), value.time().replace(second=0, microsecond=0)]
        if isinstance(value, str) and value:
            fecha, _sep, hora = value.replace("T", " ").partition(" ")
            return [fecha, hora[:5]]
        return [None, None]

    def get_context(self, name, value, attrs):
        contexto = super().get_context(name, value, attrs)
        fecha, hora = contexto["widget"]["subwidgets"]
        id_ = contexto["widget"]["attrs"].get("id")
        if id_:
            fecha["attrs"]["id"], hora["attrs"]["id"] = id_, f"{id_}_hora"
        hora["attrs"]["aria-label"] = str(_("Hora"))
        for atributo in ("placeholder", "inputmode", "maxlength", "data-fecha"):
            hora["attrs"].pop(atributo, None)
        return contexto

    def id_for_label(self, id_):
        return id_

    def value_from_datadict(self, data, files, name):
        crudo_hora = data.get(f"{name}_hora")
        if crudo_hora is None:
            return data.get(name)
        fecha = leer_fecha(data.get(name))
        hora = (crudo_hora or "").strip()
        if not fecha and not hora and not (data.get(name) or "").strip():
            return ""
        if fecha and hora:
            return f"{fecha.isoformat()} {hora}"
        # A part is missing or wrong: a value no format accepts, so the field says so.
        return f"{data.get(name) or ''} | {hora}"

    def value_omitted_from_data(self, data, files, name):
        return name not in data and f"{name}_hora" not in data


def sin_guiones(formulario) -> None:
    """Choices that read in Spanish instead of Django's "---------": "Escoja…" where a value
    is required, "Ninguno"/"Ninguna" where it may stay empty. Call it at the end of a form's
    __init__ (the filter forms of the lists get "Todos"/"Todas" from ListaView)."""
    for campo in formulario.fields.values():
        etiqueta = str(campo.label or "")
        vacio = _("Escoja…") if campo.required else ninguno(etiqueta)
        if isinstance(campo, forms.ModelChoiceField) and not isinstance(
            campo, forms.ModelMultipleChoiceField
        ):
            if campo.empty_label == "---------":
                campo.empty_label = vacio
                campo.widget.choices = campo.choices
        elif isinstance(campo, forms.ChoiceField):
            opciones = list(campo.choices)
            if opciones and opciones[0][0] == "" and str(opciones[0][1]).startswith("---"):
                campo.choices = [("", vacio), *opciones[1:]]


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


def texto_de_accion(etiqueta, falta=None) -> forms.CharField:
    """The short text an action asks for (a reason, an observation), in two rows: `falta` is
    the message beside it when it is left empty; without it the text is optional."""
    return forms.CharField(
        label=etiqueta,
        required=falta is not None,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": falta} if falta else None,
    )


class FormularioDeAccion(forms.Form):
    """One transition of a record (accept, cancel, verify…): a form that posts to the URL
    `<espacio>:<accion>` of the record. Subclasses set espacio, accion, boton and, for a
    step that needs a second thought, `confirmar` (the question the browser asks);
    `destructiva` marks a step that undoes or ends the record (cancel, reject): the
    next-step panel shows it apart, in red, behind its own button.

    Field ids carry the action (`id_cancelar_motivo`), so two actions of one page that both
    ask for a "motivo" do not share an id and each label points at its own box.
    """

    espacio = ""
    accion = ""
    boton = ""
    confirmar = ""
    destructiva = False

    def __init__(self, *args, registro, **kwargs):
        kwargs.setdefault("auto_id", f"id_{self.accion}_%s")
        super().__init__(*args, **kwargs)
        self.helper = ayudante(
            self.boton,
            nombre=self.accion,
            accion=reverse(f"{self.espacio}:{self.accion}", args=[registro.pk]),
            atributos={"data-confirmar": str(self.confirmar)} if self.confirmar else None,
        )
        self.helper.form_id = f"form-{self.accion}"
        if self.destructiva:
            self.helper.inputs[0].field_classes = "btn btn-danger"
        acotar(self)

    @property
    def tiene_campos(self) -> bool:
        return any(not campo.is_hidden for campo in self)
