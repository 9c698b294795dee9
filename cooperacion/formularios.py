"""Form pieces the cooperation apps share: the commitment and the meeting of a record."""

from django import forms
from django.utils.translation import gettext_lazy as _

from buengobierno.web.entrada import acotar
from buengobierno.web.formularios import (
    CampoPersona,
    CampoPersonas,
    EntradaFecha,
    EntradaFechaHora,
    ayudante,
    sin_guiones,
)
from compromisos.models import personas_que_responden

FORMATOS_FECHA_HORA = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]


class FormularioBase(forms.Form):
    """A plain form with the platform's finishing: Spanish empty choices, bounded input, the
    crispy helper with its button."""

    boton = _("Guardar")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for campo in self.fields.values():
            if isinstance(campo.widget, EntradaFechaHora):
                campo.input_formats = FORMATOS_FECHA_HORA
        sin_guiones(self)
        acotar(self)
        self.helper = ayudante(self.boton)


class ModeloBase(forms.ModelForm):
    boton = _("Guardar")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for campo in self.fields.values():
            if isinstance(campo.widget, EntradaFechaHora):
                campo.input_formats = FORMATOS_FECHA_HORA
        sin_guiones(self)
        acotar(self)
        self.helper = ayudante(self.boton)


class CompromisoDeOrigenForm(FormularioBase):
    """One commitment adopted in an alliance or a visit, for the P005 board."""

    boton = _("Registrar el compromiso")
    descripcion = forms.CharField(
        label=_("Compromiso"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    responsable = CampoPersona(label=_("Responsable"), queryset=personas_que_responden())
    fecha_limite = forms.DateField(
        label=_("Fecha límite de cumplimiento"),
        widget=EntradaFecha(),
        error_messages={"required": _("Indique la fecha límite de cumplimiento.")},
    )

    def compromiso(self) -> dict:
        return dict(self.cleaned_data)


class ReunionDeOrigenForm(FormularioBase):
    """A P005 meeting convened from an alliance or a visit."""

    boton = _("Programar la reunión")
    titulo = forms.CharField(label=_("Título"), max_length=200)
    inicio = forms.DateTimeField(label=_("Inicio"), widget=EntradaFechaHora())
    fin = forms.DateTimeField(label=_("Fin"), widget=EntradaFechaHora())
    lugar = forms.CharField(label=_("Lugar"), max_length=200, required=False)
    objetivo = forms.CharField(
        label=_("Objetivo"), max_length=2000, required=False, widget=forms.Textarea({"rows": 2})
    )
    invitados = CampoPersonas(label=_("Invitados internos"), required=False)

    def clean(self):
        datos = super().clean()
        if datos.get("inicio") and datos.get("fin") and datos["fin"] < datos["inicio"]:
            self.add_error("fin", _("La reunión no puede terminar antes de empezar."))
        return datos
