from django import forms
from django.utils.translation import gettext_lazy as _

from buengobierno.organizacion.models import Organismo
from buengobierno.web.concurrencia import ConVersion
from buengobierno.web.formularios import (
    CampoPersona,
    CampoPersonas,
    EntradaFechaHora,
    FormularioDeAccion,
    texto_de_accion,
)
from cooperacion.alianzas.models import Alianza, Cooperante
from cooperacion.catalogos import AVISO_LEY_1581
from cooperacion.formularios import ModeloBase
from cooperacion.misiones.models import (
    ActividadItinerario,
    ItemProtocolo,
    MiembroDelegacion,
    VisitaInternacional,
)


class VisitaForm(ConVersion, ModeloBase):
    boton = _("Guardar la visita")
    responsable = CampoPersona(label=_("Responsable de la visita"))
    acompanantes = CampoPersonas(label=_("Funcionarios que acompañan"), required=False)
    campos_version = (
        "tipo",
        "pais",
        "institucion",
        "cooperante",
        "nivel",
        "llegada",
        "salida",
        "proposito",
        "temas",
        "coordinacion_privada",
        "organismo",
        "responsable",
        "alianza",
        "reservada",
        "motivo_reserva",
    )

    class Meta:
        model = VisitaInternacional
        fields = [
            "tipo",
            "pais",
            "institucion",
            "cooperante",
            "nivel",
            "llegada",
            "salida",
            "proposito",
            "temas",
            "coordinacion_privada",
            "organismo",
            "responsable",
            "acompanantes",
            "alianza",
            "reservada",
            "motivo_reserva",
        ]
        widgets = {
            "llegada": EntradaFechaHora(),
            "salida": EntradaFechaHora(),
            "proposito": forms.Textarea(attrs={"rows": 3}),
            "temas": forms.Textarea(attrs={"rows": 2}),
            "coordinacion_privada": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, usuario=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cooperante"].queryset = Cooperante.objects.filter(activo=True)
        self.fields["organismo"].queryset = Organismo.objects.filter(activo=True)
        self.fields["alianza"].queryset = Alianza.objects.filter(
            estado=Alianza.Estado.EN_GESTION
        ).select_related("cooperante")
        self.fields["alianza"].help_text = _("Una alianza en gestión que esta visita impulsa.")
        if usuario is not None and not self.instance.pk:
            self.fields["responsable"].initial = usuario.pk
            if usuario.organismo_id:
                self.fields["organismo"].initial = usuario.organismo_id

    def clean(self):
        # The service's messages, beside their fields (before the model's constraints,
        # which would say the same at the top of the form).
        from cooperacion.misiones.services import errores_de_visita

        datos = super().clean()
        for campo, mensajes in errores_de_visita(datos).items():
            for mensaje in mensajes:
                if campo not in self.errors:
                    self.add_error(campo, mensaje)
        return datos

    def datos(self) -> dict:
        return {k: self.cleaned_data[k] for k in self.campos_version}


class MiembroForm(ModeloBase):
    boton = _("Agregar a la delegación")

    class Meta:
        model = MiembroDelegacion
        fields = ["nombre", "cargo", "institucion", "es_jefe"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nombre"].help_text = AVISO_LEY_1581


class ActividadForm(ModeloBase):
    boton = _("Agregar al itinerario")
    anfitrion = CampoPersona(label=_("Funcionario anfitrión"))

    class Meta:
        model = ActividadItinerario
        fields = ["inicio", "actividad", "lugar", "anfitrion", "participa_secretario"]
        widgets = {"inicio": EntradaFechaHora()}

    def __init__(self, *args, boton=None, **kwargs):
        if boton:
            self.boton = boton
        super().__init__(*args, **kwargs)
        self.fields["participa_secretario"].help_text = _(
            "Queda en la agenda del Secretario (privada si la visita es reservada)."
        )


class ItemForm(ModeloBase):
    boton = _("Agregar a la lista")
    responsable = CampoPersona(label=_("Responsable"))

    class Meta:
        model = ItemProtocolo
        fields = ["tipo", "descripcion", "responsable"]


class EstadoItemForm(forms.Form):
    estado = forms.ChoiceField(label=_("Estado"), choices=ItemProtocolo.Estado.choices)


class AccionVisita(FormularioDeAccion):
    espacio = "cooperacion_misiones"


class ResultadosForm(AccionVisita):
    accion = "resultados"
    boton = _("Registrar los resultados")
    resultados = forms.CharField(
        label=_("Resultados de la visita"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Escriba los resultados de la visita.")},
    )


class CancelarVisitaForm(AccionVisita):
    accion = "cancelar"
    boton = _("Cancelar la visita")
    destructiva = True
    confirmar = _("¿Cancelar la visita?")
    motivo = texto_de_accion(_("Motivo"), _("Indique el motivo de la cancelación."))
