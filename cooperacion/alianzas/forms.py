from django import forms
from django.utils.translation import gettext_lazy as _

from buengobierno.organizacion.models import Organismo
from buengobierno.web.concurrencia import ConVersion
from buengobierno.web.entrada import CampoVarios
from buengobierno.web.formularios import (
    CampoPersona,
    EntradaFecha,
    FormularioDeAccion,
    texto_de_accion,
)
from cooperacion.alianzas.models import (
    Alianza,
    ContactoCooperante,
    Cooperante,
    ObjetivoDesarrollo,
    RecursoAlianza,
)
from cooperacion.catalogos import AVISO_LEY_1581
from cooperacion.formularios import ModeloBase


class CooperanteForm(ConVersion, ModeloBase):
    sitio_web = forms.URLField(label=_("Sitio web"), required=False, assume_scheme="https")

    def datos(self) -> dict:
        return {k: self.cleaned_data[k] for k in self.Meta.fields}

    class Meta:
        model = Cooperante
        fields = ["nombre", "sigla", "tipo", "pais", "areas_interes", "sitio_web", "activo"]
        widgets = {"areas_interes": forms.Textarea(attrs={"rows": 3})}


class ContactoForm(ModeloBase):
    boton = _("Agregar el contacto")

    class Meta:
        model = ContactoCooperante
        fields = ["nombre", "cargo", "correo", "telefono", "aviso_informado"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        campo = self.fields["aviso_informado"]
        campo.required = True
        campo.help_text = AVISO_LEY_1581
        campo.error_messages["required"] = _(
            "Registre el contacto solo después de informarle el aviso de privacidad "
            "(Ley 1581 de 2012)."
        )


class AlianzaForm(ConVersion, ModeloBase):
    boton = _("Guardar la alianza")
    campos_version = (
        "nombre",
        "instrumento",
        "cooperante",
        "objeto",
        "areas",
        "organismo",
        "responsable",
        "fecha_fin_vigencia",
        "renovacion_automatica",
    )
    responsable = CampoPersona(label=_("Responsable"))
    otras_partes = CampoVarios(
        label=_("Otras partes"), queryset=Cooperante.objects.filter(activo=True), required=False
    )
    ods = CampoVarios(
        label=_("Objetivos de Desarrollo Sostenible"),
        queryset=ObjetivoDesarrollo.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Alianza
        fields = [
            "nombre",
            "instrumento",
            "cooperante",
            "otras_partes",
            "objeto",
            "areas",
            "ods",
            "organismo",
            "responsable",
            "fecha_fin_vigencia",
            "renovacion_automatica",
        ]
        widgets = {
            "objeto": forms.Textarea(attrs={"rows": 3}),
            "fecha_fin_vigencia": EntradaFecha(),
        }

    def __init__(self, *args, usuario=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cooperante"].queryset = Cooperante.objects.filter(activo=True)
        self.fields["organismo"].queryset = Organismo.objects.filter(activo=True)
        if usuario is not None and not self.instance.pk:
            self.fields["responsable"].initial = usuario.pk
            if usuario.organismo_id:
                self.fields["organismo"].initial = usuario.organismo_id

    def datos(self) -> dict:
        return {k: self.cleaned_data[k] for k in self.campos_version}


class RecursoForm(ModeloBase):
    boton = _("Agregar el recurso")

    class Meta:
        model = RecursoAlianza
        fields = ["tipo", "descripcion", "anio", "monto", "moneda", "tasa_cambio", "fecha_tasa"]
        widgets = {"fecha_tasa": EntradaFecha()}

    def clean(self):
        # The service's messages, beside their fields (before the model's constraints,
        # which would say the same at the top of the form).
        from cooperacion.alianzas.services import errores_de_recurso

        datos = super().clean()
        for campo, mensajes in errores_de_recurso(datos).items():
            for mensaje in mensajes:
                if campo not in self.errors:
                    self.add_error(campo, mensaje)
        return datos

    def clean_anio(self):
        anio = self.cleaned_data["anio"]
        if anio is not None and not 2000 <= anio <= 2100:
            raise forms.ValidationError(_("Escriba un año entre 2000 y 2100."))
        return anio


class AccionAlianza(FormularioDeAccion):
    espacio = "cooperacion_alianzas"


class SolicitarConceptoForm(AccionAlianza):
    accion = "solicitar_concepto"
    boton = _("Pedir concepto a la DAGJP")


class ConceptoForm(AccionAlianza):
    accion = "concepto"
    boton = _("Emitir el concepto")
    favorable = forms.TypedChoiceField(
        label=_("Concepto"),
        choices=[("1", _("Favorable")), ("0", _("Con observaciones"))],
        coerce=lambda valor: valor == "1",
        widget=forms.RadioSelect,
    )
    observaciones = texto_de_accion(_("Observaciones"))


class FirmarForm(AccionAlianza):
    accion = "firmar"
    boton = _("Registrar la firma")
    fecha_firma = forms.DateField(
        label=_("Fecha de firma"),
        widget=EntradaFecha(),
        error_messages={"required": _("Indique la fecha de firma.")},
    )
    fecha_fin_vigencia = forms.DateField(
        label=_("Fin de la vigencia"), widget=EntradaFecha(), required=False
    )


class TerminarForm(AccionAlianza):
    accion = "terminar"
    boton = _("Terminar la alianza")
    destructiva = True
    confirmar = _("¿Terminar la alianza? No se puede deshacer.")
    motivo = texto_de_accion(_("Motivo"), _("Indique el motivo de la terminación."))
