from crispy_forms.layout import Column, Fieldset, Layout, Row
from django import forms
from django.utils.translation import gettext_lazy as _

from agenda.models import Actividad, SolicitudAgenda
from buengobierno.documentos.forms import CampoAdjunto
from buengobierno.organizacion.models import Organismo
from buengobierno.web.concurrencia import ConVersion
from buengobierno.web.entrada import acotar
from buengobierno.web.formularios import (
    EntradaFechaHora,
    FormularioDeAccion,
    ayudante,
    sin_guiones,
    texto_de_accion,
)
from delegaciones.forms import CampoDelegado

FORMATOS_FECHA_HORA = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]


def _fechas(formulario, *campos) -> None:
    for campo in campos:
        if campo in formulario.fields:
            formulario.fields[campo].input_formats = FORMATOS_FECHA_HORA


class ActividadForm(ConVersion, forms.ModelForm):
    enlace_virtual = forms.URLField(
        label=_("Enlace de la reunión virtual"), required=False, assume_scheme="https"
    )
    documento = CampoAdjunto(label=_("Documento de preparación (opcional)"), required=False)

    class Meta:
        model = Actividad
        fields = [
            "titulo",
            "tipo",
            "estado",
            "inicio",
            "fin",
            "lugar",
            "enlace_virtual",
            "organismo",
            "contacto",
            "participantes",
            "notas",
            "privada",
        ]
        widgets = {
            "inicio": EntradaFechaHora(),
            "fin": EntradaFechaHora(),
            "participantes": forms.Textarea(attrs={"rows": 2}),
            "notas": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organismo"].queryset = Organismo.objects.filter(activo=True)
        self.fields["estado"].choices = [
            (v, e)
            for v, e in Actividad.Estado.choices
            if v in (Actividad.Estado.TENTATIVA, Actividad.Estado.CONFIRMADA)
            or (self.instance.pk and v == self.instance.estado)
        ]
        _fechas(self, "inicio", "fin")
        sin_guiones(self)
        acotar(self)
        self.helper = ayudante(
            _("Guardar cambios") if self.instance.pk else _("Registrar la actividad")
        )
        self.helper.layout = Layout(
            Row(Column("titulo", css_class="col-md-8"), Column("tipo", css_class="col-md-4")),
            Row(Column("inicio", css_class="col-md-6"), Column("fin", css_class="col-md-6")),
            Row(
                Column("lugar", css_class="col-md-6"),
                Column("enlace_virtual", css_class="col-md-6"),
            ),
            Row(
                Column("organismo", css_class="col-md-7"), Column("contacto", css_class="col-md-5")
            ),
            "participantes",
            Fieldset(_("Preparación"), "notas", "documento"),
            Row(Column("estado", css_class="col-md-6"), Column("privada", css_class="col-md-6")),
        )

    def clean(self):
        datos = super().clean()
        inicio, fin = datos.get("inicio"), datos.get("fin")
        if inicio and fin and fin < inicio:
            self.add_error("fin", _("La actividad no puede terminar antes de empezar."))
        return datos


class SolicitudForm(forms.ModelForm):
    documento = CampoAdjunto(label=_("Documento de soporte (opcional)"), required=False)

    class Meta:
        model = SolicitudAgenda
        fields = [
            "tema",
            "tipo",
            "fecha_propuesta",
            "fecha_alterna",
            "duracion_minutos",
            "lugar",
            "justificacion",
        ]
        widgets = {
            "fecha_propuesta": EntradaFechaHora(),
            "fecha_alterna": EntradaFechaHora(),
            "justificacion": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "fecha_propuesta": {"required": _("Proponga al menos una fecha y hora.")},
            "tema": {"required": _("Escriba el tema de la actividad.")},
            "justificacion": {
                "required": _("Explique por qué se pide la presencia del Secretario.")
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tipo"].choices = [
            (v, e) for v, e in Actividad.Tipo.choices if v != Actividad.Tipo.PERSONAL
        ]
        self.fields["duracion_minutos"].min_value = 15
        self.fields["duracion_minutos"].max_value = 720
        self.fields["duracion_minutos"].validators = []
        self.fields["duracion_minutos"].widget.attrs.update({"min": 15, "max": 720})
        _fechas(self, "fecha_propuesta", "fecha_alterna")
        sin_guiones(self)
        acotar(self)
        self.helper = ayudante(_("Enviar la solicitud"))
        self.helper.layout = Layout(
            Row(Column("tema", css_class="col-md-8"), Column("tipo", css_class="col-md-4")),
            Row(
                Column("fecha_propuesta", css_class="col-md-5"),
                Column("fecha_alterna", css_class="col-md-5"),
                Column("duracion_minutos", css_class="col-md-2"),
            ),
            "lugar",
            "justificacion",
            "documento",
        )

    def clean_duracion_minutos(self):
        valor = self.cleaned_data.get("duracion_minutos")
        if valor is not None and not 15 <= valor <= 720:
            raise forms.ValidationError(_("Escriba una duración entre 15 y 720 minutos."))
        return valor


# --- steps of an activity --------------------------------------------------------------------


class _AccionActividad(FormularioDeAccion):
    espacio = "agenda"

    def __init__(self, *args, actividad, **kwargs):
        super().__init__(*args, registro=actividad, **kwargs)


class ConfirmarForm(_AccionActividad):
    accion = "confirmar"
    boton = _("Confirmar la actividad")


class RealizadaForm(_AccionActividad):
    accion = "realizada"
    boton = _("Marcar como realizada")


class AbrirReunionForm(_AccionActividad):
    accion = "abrir_reunion"
    boton = _("Abrir la reunión (P005)")


class _CamposDelegacion(forms.Form):
    """Who represents the Secretario and what he is told (an activity or a request)."""

    delegado = CampoDelegado(label=_("Delegado"))
    instrucciones = texto_de_accion(
        _("Instrucciones"), falta=_("Escriba las instrucciones para el delegado.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sin_guiones(self)


class DelegarForm(_AccionActividad, _CamposDelegacion):
    accion = "delegar"
    boton = _("Delegar la representación")


class DeclinarForm(_AccionActividad):
    accion = "declinar"
    boton = _("Declinar")
    destructiva = True
    confirmar = _("¿Declinar la participación del Secretario?")
    motivo = texto_de_accion(_("Motivo"), falta=_("Escriba por qué se declina."))


class CancelarForm(_AccionActividad):
    accion = "cancelar"
    boton = _("Cancelar la actividad")
    destructiva = True
    confirmar = _("¿Cancelar la actividad?")
    motivo = texto_de_accion(_("Motivo"), falta=_("Escriba por qué se cancela."))


# --- answers to a request --------------------------------------------------------------------


class _AccionSolicitud(FormularioDeAccion):
    espacio = "agenda"

    def __init__(self, *args, solicitud, **kwargs):
        super().__init__(*args, registro=solicitud, **kwargs)


class AprobarForm(_AccionSolicitud):
    accion = "aprobar"
    boton = _("Aprobar: va a la agenda")
    respuesta = texto_de_accion(_("Comentario (opcional)"))


class OtraFechaForm(_AccionSolicitud):
    accion = "otra_fecha"
    boton = _("Proponer otra fecha")
    fecha = forms.DateTimeField(
        label=_("Fecha y hora que propone"),
        widget=EntradaFechaHora(),
        input_formats=FORMATOS_FECHA_HORA,
        error_messages={"required": _("Escriba la fecha y hora que propone.")},
    )
    respuesta = texto_de_accion(_("Comentario (opcional)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        acotar(self)


class AceptarFechaForm(_AccionSolicitud):
    accion = "aceptar_fecha"
    boton = _("Aceptar la fecha propuesta")


class DelegarSolicitudForm(_AccionSolicitud, _CamposDelegacion):
    accion = "delegar_solicitud"
    boton = _("Delegar")


class DeclinarSolicitudForm(_AccionSolicitud):
    accion = "declinar_solicitud"
    boton = _("Declinar")
    destructiva = True
    confirmar = _("¿Declinar la solicitud?")
    respuesta = texto_de_accion(_("Motivo"), falta=_("Escriba por qué se declina."))
