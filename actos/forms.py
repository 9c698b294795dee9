from crispy_forms.layout import Column, Fieldset, Layout, Row
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actos.models import (
    ActoAdministrativo,
    ItemRevision,
    Notificacion,
    RelacionActo,
    TipoActo,
    VistoBueno,
)
from actos.services import items_aplicables
from buengobierno.documentos.forms import CampoAdjunto
from buengobierno.organizacion.models import Organismo
from buengobierno.web.entrada import acotar, validar_lineas
from buengobierno.web.formularios import (
    EntradaFecha,
    FormularioDeAccion,
    ayudante,
    sin_guiones,
    texto_de_accion,
)
from proyectos_acuerdo.models import FacultadExtraordinaria

AYUDA_TEXTO = _("El texto del acto: documento de Word (DOCX) o PDF.")
RELACIONES = {str(etiqueta).lower(): valor for valor, etiqueta in RelacionActo.Tipo.choices}


class ActoForm(forms.ModelForm):
    """A new act with the first version of its text. The organism is the producer's own; the
    Despacho chooses it."""

    archivo = CampoAdjunto(label=_("Texto del acto"), help_text=AYUDA_TEXTO)
    comentario = forms.CharField(label=_("Comentario de la versión"), required=False)
    relaciones = forms.CharField(
        label=_("Actos relacionados"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Uno por línea, empezando por Modifica, Deroga o Reglamenta. Por ejemplo: "
            "Modifica el Decreto 4112.010.20.0516 de 2016."
        ),
    )

    class Meta:
        model = ActoAdministrativo
        fields = [
            "tipo",
            "alcance",
            "epigrafe",
            "organismo",
            "urgencia",
            "proyecto",
            "elaboro",
            "reviso",
            "radicado",
            "trd",
            "fecha_recibido",
            "fundamento",
            "competencia",
            "facultad",
        ]
        widgets = {
            "epigrafe": forms.Textarea(attrs={"rows": 2}),
            "fundamento": forms.Textarea(attrs={"rows": 3}),
            "competencia": forms.Textarea(attrs={"rows": 2}),
            "fecha_recibido": EntradaFecha(),
        }

    def __init__(self, *args, elige_organismo: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tipo"].queryset = TipoActo.objects.filter(activo=True)
        hoy = timezone.localdate()
        # Pro tempore faculties are exercised only while they last (Ley 136 de 1994, art. 32-3).
        self.fields["facultad"].queryset = FacultadExtraordinaria.objects.filter(
            inicio__lte=hoy, fin__gte=hoy
        ).order_by("fin", "pk")
        self.fields["facultad"].help_text = _(
            "Solo las facultades vigentes hoy. Déjelo vacío si el acto no ejerce facultades "
            "extraordinarias."
        )
        if elige_organismo:
            self.fields["organismo"].queryset = Organismo.objects.filter(activo=True)
        else:
            del self.fields["organismo"]
        sin_guiones(self)
        acotar(self)
        self.helper = ayudante(_("Registrar el acto"))
        self.helper.layout = Layout(
            Fieldset(
                _("El acto"),
                Row(
                    Column("tipo", css_class="col-md-4"),
                    Column("alcance", css_class="col-md-4"),
                    Column("urgencia", css_class="col-md-4"),
                ),
                "epigrafe",
                *(["organismo"] if elige_organismo else []),
                Row(
                    Column("archivo", css_class="col-md-6"),
                    Column("comentario", css_class="col-md-6"),
                ),
            ),
            Fieldset(
                _("Proyectó, elaboró y revisó"),
                Row(
                    Column("proyecto", css_class="col-md-4"),
                    Column("elaboro", css_class="col-md-4"),
                    Column("reviso", css_class="col-md-4"),
                ),
            ),
            Fieldset(
                _("Fundamento y relaciones"),
                "fundamento",
                "competencia",
                "facultad",
                "relaciones",
            ),
            Fieldset(
                _("Gestión documental (Daruma)"),
                Row(
                    Column("radicado", css_class="col-md-4"),
                    Column("trd", css_class="col-md-4"),
                    Column("fecha_recibido", css_class="col-md-4"),
                ),
            ),
        )

    def clean_relaciones(self):
        filas = []
        for linea in validar_lineas(self.cleaned_data.get("relaciones")):
            palabra, _espacio, resto = linea.partition(" ")
            tipo = RELACIONES.get(palabra.lower())
            if tipo is None or not resto.strip():
                raise ValidationError(
                    _("«%(linea)s»: empiece por Modifica, Deroga o Reglamenta y el acto."),
                    params={"linea": linea[:60]},
                )
            filas.append((tipo, resto.strip()))
        return filas


class _Accion(FormularioDeAccion):
    espacio = "actos"

    def __init__(self, *args, acto, **kwargs):
        self.acto = acto
        super().__init__(*args, registro=acto, **kwargs)


class SubirVersionForm(_Accion):
    accion = "version"
    boton = _("Subir la nueva versión")
    archivo = CampoAdjunto(label=_("Nueva versión del texto"), help_text=AYUDA_TEXTO)
    comentario = texto_de_accion(_("Qué cambió"))


class _ConVersion(_Accion):
    """A step given on one version: the page says which; a newer one refuses it."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**62)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.acto.version_actual_id


class _VistoBuenoForm(_ConVersion):
    tipo = ""
    observaciones = texto_de_accion(_("Observaciones (opcional)"))

    def datos(self) -> dict:
        return {**self.cleaned_data, "tipo": self.tipo}


class VistoBuenoProductorForm(_VistoBuenoForm):
    accion = "vb_productor"
    tipo = VistoBueno.Tipo.PRODUCTOR
    boton = _("Visto bueno del productor")


class VistoBuenoJuridicaForm(_VistoBuenoForm):
    accion = "vb_juridica"
    tipo = VistoBueno.Tipo.JURIDICA
    boton = _("Visto bueno del DAGJP")


class VistoBuenoSecretarioForm(_VistoBuenoForm):
    accion = "vb_secretario"
    tipo = VistoBueno.Tipo.SECRETARIO
    boton = _("Visto bueno del Secretario")


class RegistrarVistoForm(_ConVersion):
    accion = "registrar_visto"
    boton = _("Visto bueno recibido")
    tipo = forms.ChoiceField(
        label=_("Visto bueno de"),
        choices=[
            (VistoBueno.Tipo.PRODUCTOR, VistoBueno.Tipo.PRODUCTOR.label),
            (VistoBueno.Tipo.JURIDICA, VistoBueno.Tipo.JURIDICA.label),
        ],
    )
    medio = forms.ChoiceField(
        label=_("Recibido por"),
        choices=[
            (VistoBueno.Medio.DARUMA, VistoBueno.Medio.DARUMA.label),
            (VistoBueno.Medio.CORREO, VistoBueno.Medio.CORREO.label),
        ],
    )
    firmante = forms.CharField(label=_("Quién lo firmó"), max_length=200)
    fecha = forms.DateField(label=_("Fecha del visto bueno"), widget=EntradaFecha())
    documento = CampoAdjunto(label=_("Documento con el visto bueno"))


class RadicarForm(_Accion):
    accion = "radicar"
    boton = _("Radicar para la firma")
    radicado = forms.CharField(label=_("Radicado de Daruma"), max_length=60, required=False)
    trd = forms.CharField(label=_("Código TRD"), max_length=60, required=False)
    fecha_recibido = forms.DateField(
        label=_("Fecha de recibido"), required=False, widget=EntradaFecha()
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["radicado"].initial = self.acto.radicado
        self.fields["trd"].initial = self.acto.trd


class FirmarForm(_Accion):
    accion = "firmar"
    boton = _("Registrar la firma del Alcalde")
    copia_firmada = CampoAdjunto(label=_("Copia firmada (PDF)"), required=False)
    firmado_en = forms.DateField(
        label=_("Fecha de la firma"), required=False, widget=EntradaFecha()
    )


class NumerarForm(_Accion):
    accion = "numerar"
    boton = _("Asignar número y fecha")
    confirmar = _("¿Asignar el siguiente número de la serie a este acto?")


class PublicarForm(_Accion):
    accion = "publicar"
    boton = _("Registrar la publicación")
    boletin_numero = forms.CharField(label=_("Boletín Oficial No."), max_length=30, required=False)
    fecha_publicacion = forms.DateField(
        label=_("Fecha de publicación"), required=False, widget=EntradaFecha()
    )


class NotificarForm(_Accion):
    accion = "notificar"
    boton = _("Registrar la notificación")
    destinatario = forms.CharField(label=_("A quién"), max_length=200, required=False)
    medio = forms.ChoiceField(label=_("Cómo"), choices=Notificacion.Medio.choices)
    fecha = forms.DateField(label=_("Fecha"), required=False, widget=EntradaFecha())
    recursos = texto_de_accion(_("Recursos que proceden, ante quién y en qué plazo"))


class ArchivarForm(_Accion):
    accion = "archivar"
    boton = _("Archivar")


class AnularForm(_Accion):
    accion = "anular"
    boton = _("Anular el acto")
    destructiva = True
    confirmar = _("¿Anular este acto? No podrá seguir su trámite.")
    motivo = texto_de_accion(_("Motivo de la anulación"), _("Escriba el motivo de la anulación."))


FORMULARIOS_DE_ACCION = {
    f.accion: f
    for f in (
        SubirVersionForm,
        VistoBuenoProductorForm,
        VistoBuenoJuridicaForm,
        VistoBuenoSecretarioForm,
        RegistrarVistoForm,
        RadicarForm,
        FirmarForm,
        NumerarForm,
        PublicarForm,
        NotificarForm,
        ArchivarForm,
        AnularForm,
    )
}

SI_NO = [("si", _("Cumple")), ("no", _("No cumple"))]


class RevisionForm(forms.Form):
    """The checklist of the form review: each item fulfilled or not, with its observation."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**62)
    observaciones = texto_de_accion(_("Observaciones generales"))

    def __init__(self, *args, acto, **kwargs):
        super().__init__(*args, **kwargs)
        self.acto = acto
        self.fields["version"].initial = acto.version_actual_id
        filas = []
        for item in items_aplicables(acto):
            etiqueta = ItemRevision.Item(item).label
            self.fields[f"cumple_{item}"] = forms.ChoiceField(
                label=etiqueta,
                choices=SI_NO,
                widget=forms.RadioSelect,
                error_messages={"required": _("Indique si cumple.")},
            )
            self.fields[f"obs_{item}"] = forms.CharField(
                label=_("Observación sobre %(item)s") % {"item": str(etiqueta).lower()},
                required=False,
                widget=forms.Textarea(attrs={"rows": 1}),
            )
            filas.append(
                Row(
                    Column(f"cumple_{item}", css_class="col-md-4"),
                    Column(f"obs_{item}", css_class="col-md-8"),
                )
            )
        acotar(self)
        self.helper = ayudante(_("Guardar la revisión"))
        self.helper.layout = Layout(*filas, "observaciones", "version")

    def items(self) -> dict:
        return {
            item: (self.cleaned_data[f"cumple_{item}"] == "si", self.cleaned_data[f"obs_{item}"])
            for item in items_aplicables(self.acto)
        }
