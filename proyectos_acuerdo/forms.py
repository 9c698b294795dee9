"""Forms of P004: the project's sheet, attachments, faculties and each step (FormularioDeAccion),
whose `ejecutar(proyecto, usuario)` calls the service and returns its warnings."""

from crispy_forms.layout import Column, Fieldset, Layout, Row
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buengobierno.documentos.forms import CampoAdjunto
from buengobierno.organizacion.models import Organismo
from buengobierno.web.concurrencia import ConVersion
from buengobierno.web.entrada import acotar
from buengobierno.web.formularios import (
    CampoPersona,
    EntradaFecha,
    EntradaFechaHora,
    FormularioDeAccion,
    ayudante,
    sin_guiones,
    texto_de_accion,
)
from proyectos_acuerdo import services
from proyectos_acuerdo.models import Concepto, Estado, FacultadExtraordinaria, ProyectoAcuerdo

FORMATOS_FECHA_HORA = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
ESPACIO = "proyectos_acuerdo"


def _fecha(etiqueta, requerida=True, **kwargs):
    return forms.DateField(label=etiqueta, required=requerida, widget=EntradaFecha(), **kwargs)


class ProyectoForm(ConVersion, forms.ModelForm):
    responsable = CampoPersona(label=_("Responsable en el organismo"))

    class Meta:
        model = ProyectoAcuerdo
        fields = list(services.CAMPOS_PROYECTO)
        widgets = {
            "objeto": forms.Textarea(attrs={"rows": 3}),
            "exposicion_motivos": forms.Textarea(attrs={"rows": 5}),
            "fundamento_legal": forms.Textarea(attrs={"rows": 3}),
            "fuente_financiacion": forms.Textarea(attrs={"rows": 2}),
            "analisis_fiscal": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, usuario=None, **kwargs):
        super().__init__(*args, **kwargs)
        organismos = Organismo.objects.filter(activo=True)
        if usuario is not None and not services.es_coordinador(usuario):
            organismos = organismos.filter(pk=usuario.organismo_id)
        self.fields["organismo"].queryset = organismos
        self.fields["costo_fiscal"].widget.attrs["min"] = 0
        self.fields["numero_articulos"].widget.attrs["max"] = 1000
        sin_guiones(self)
        acotar(self)
        texto = _("Guardar cambios") if self.instance.pk else _("Registrar el proyecto")
        self.helper = ayudante(texto)
        self.helper.layout = Layout(
            Fieldset(
                _("Proyecto"),
                "titulo",
                Row(
                    Column("organismo", css_class="col-md-6"),
                    Column("responsable", css_class="col-md-6"),
                ),
                "objeto",
                "exposicion_motivos",
                "fundamento_legal",
                Row(
                    Column("iniciativa_exclusiva", css_class="col-md-6"),
                    Column("numero_articulos", css_class="col-md-3"),
                    Column("unidad_materia", css_class="col-md-3"),
                ),
                "meta",
            ),
            Fieldset(
                _("Impacto fiscal (Ley 819 de 2003, art. 7)"),
                Row(
                    Column("ordena_gasto", css_class="col-md-6"),
                    Column("otorga_beneficios", css_class="col-md-6"),
                ),
                Row(
                    Column("costo_fiscal", css_class="col-md-6"),
                    Column("compatible_mfmp", css_class="col-md-6"),
                ),
                "fuente_financiacion",
                "analisis_fiscal",
            ),
        )

    def clean_numero_articulos(self):
        numero = self.cleaned_data["numero_articulos"]
        if numero is not None and not 1 <= numero <= 1000:
            raise forms.ValidationError(_("Escriba un número de artículos entre 1 y 1.000."))
        return numero

    def clean_costo_fiscal(self):
        costo = self.cleaned_data.get("costo_fiscal")
        if costo is not None and costo < 0:
            raise forms.ValidationError(_("El costo no puede ser negativo."))
        return costo


class AdjuntoForm(forms.Form):
    TIPOS = [("Versión del texto", _("Versión del texto")), ("Anexo", _("Anexo"))]
    tipo = forms.ChoiceField(label=_("Qué es"), choices=TIPOS)
    archivo = CampoAdjunto()

    def __init__(self, *args, proyecto, **kwargs):
        super().__init__(*args, **kwargs)
        from django.urls import reverse

        acotar(self)
        self.helper = ayudante(
            _("Adjuntar"), accion=reverse("proyectos_acuerdo:adjuntar", args=[proyecto.pk])
        )


class FacultadForm(ConVersion, forms.ModelForm):
    responsable = CampoPersona(label=_("Responsable del seguimiento"))

    class Meta:
        model = FacultadExtraordinaria
        fields = [
            "acuerdo",
            "proyecto",
            "objeto",
            "inicio",
            "fin",
            "responsable",
        ]
        widgets = {
            "inicio": EntradaFecha(),
            "fin": EntradaFecha(),
            "objeto": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proyecto"].queryset = ProyectoAcuerdo.objects.filter(
            estado__in=(Estado.SANCIONADO, Estado.PUBLICADO)
        )
        sin_guiones(self)
        acotar(self)
        self.helper = ayudante(_("Guardar"))


# --- steps --------------------------------------------------------------------------------


class Accion(FormularioDeAccion):
    espacio = ESPACIO

    def __init__(self, *args, proyecto, **kwargs):
        self.proyecto = proyecto
        super().__init__(*args, registro=proyecto, **kwargs)
        sin_guiones(self)

    def ejecutar(self, usuario) -> list:
        raise NotImplementedError


def _viabilizador(sigla):
    return Organismo.objects.filter(sigla=sigla, activo=True).first()


class SolicitarConceptosForm(Accion):
    accion = "solicitar"
    boton = _("Pedir los conceptos de viabilidad")
    tecnico = forms.ModelChoiceField(
        Organismo.objects.filter(activo=True), label=_("Concepto técnico"), required=False
    )
    financiero = forms.ModelChoiceField(
        Organismo.objects.filter(activo=True), label=_("Concepto financiero"), required=False
    )
    juridico = forms.ModelChoiceField(
        Organismo.objects.filter(activo=True), label=_("Concepto jurídico"), required=False
    )
    dias = forms.IntegerField(
        label=_("Días hábiles para emitirlos"),
        initial=services.DIAS_CONCEPTO,
        min_value=1,
        max_value=60,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for tipo, sigla in services.VIABILIZADORES.items():
            self.fields[tipo].initial = _viabilizador(sigla)

    def ejecutar(self, usuario):
        solicitudes = {
            tipo: self.cleaned_data[tipo]
            for tipo in Concepto.Tipo.values
            if self.cleaned_data.get(tipo)
        }
        services.solicitar_conceptos(
            proyecto=self.proyecto,
            solicitudes=solicitudes,
            dias=self.cleaned_data["dias"],
            usuario=usuario,
        )
        return []


class EmitirConceptoForm(Accion):
    """The viabilizing organism gives its concept in the application."""

    accion = "emitir"
    boton = _("Emitir el concepto")
    tipo = forms.ChoiceField(label=_("Concepto"), choices=Concepto.Tipo.choices)
    sentido = forms.ChoiceField(label=_("Sentido"), choices=Concepto.Sentido.choices)
    texto = forms.CharField(label=_("Texto del concepto"), widget=forms.Textarea(attrs={"rows": 4}))
    archivo = CampoAdjunto(label=_("Documento (opcional)"), required=False)

    def __init__(self, *args, pendientes=(), **kwargs):
        super().__init__(*args, **kwargs)
        if pendientes:
            self.fields["tipo"].choices = [(c.tipo, c.get_tipo_display()) for c in pendientes]

    def ejecutar(self, usuario):
        services.emitir_concepto(
            proyecto=self.proyecto,
            organismo=usuario.organismo,
            tipo=self.cleaned_data["tipo"],
            sentido=self.cleaned_data["sentido"],
            texto=self.cleaned_data["texto"],
            archivo=self.cleaned_data.get("archivo"),
            usuario=usuario,
        )
        return []


class RegistrarConceptoForm(Accion):
    """The Despacho records a concept received by Daruma or e-mail."""

    accion = "registrar_concepto"
    boton = _("Registrar un concepto recibido")
    tipo = forms.ChoiceField(label=_("Concepto"), choices=Concepto.Tipo.choices)
    organismo = forms.ModelChoiceField(
        Organismo.objects.filter(activo=True), label=_("Organismo que lo emitió")
    )
    sentido = forms.ChoiceField(label=_("Sentido"), choices=Concepto.Sentido.choices)
    texto = forms.CharField(label=_("Texto del concepto"), widget=forms.Textarea(attrs={"rows": 3}))
    medio = forms.ChoiceField(
        label=_("Recibido por"),
        choices=[(Concepto.Medio.DARUMA, _("Daruma")), (Concepto.Medio.CORREO, _("Correo"))],
    )
    firmante = forms.CharField(label=_("Quién lo emitió"), max_length=200)
    fecha = _fecha(_("Fecha del concepto"))
    radicado = forms.CharField(label=_("Radicado en Daruma"), max_length=60, required=False)
    archivo = CampoAdjunto(label=_("Documento"), required=False)

    def ejecutar(self, usuario):
        datos = self.cleaned_data
        services.emitir_concepto(
            proyecto=self.proyecto,
            organismo=datos["organismo"],
            tipo=datos["tipo"],
            sentido=datos["sentido"],
            texto=datos["texto"],
            medio=datos["medio"],
            fecha=datos["fecha"],
            firmante=datos["firmante"],
            radicado=datos.get("radicado") or "",
            archivo=datos.get("archivo"),
            usuario=usuario,
        )
        return []


class ConvocarComiteForm(Accion):
    accion = "convocar"
    boton = _("Convocar al Comité Coordinador")
    inicio = forms.DateTimeField(
        label=_("Inicio"), widget=EntradaFechaHora(), input_formats=FORMATOS_FECHA_HORA
    )
    fin = forms.DateTimeField(
        label=_("Fin"), widget=EntradaFechaHora(), input_formats=FORMATOS_FECHA_HORA
    )
    lugar = forms.CharField(label=_("Lugar"), max_length=200, required=False)

    def ejecutar(self, usuario):
        services.convocar_comite(
            proyecto=self.proyecto,
            inicio=self.cleaned_data["inicio"],
            fin=self.cleaned_data["fin"],
            lugar=self.cleaned_data.get("lugar") or "",
            usuario=usuario,
        )
        return []


class ResolverForm(Accion):
    accion = "resolver"
    boton = _("Registrar la decisión")
    resolucion = texto_de_accion(
        _("Decisión del Comité o cómo se resolvió sin reunión"),
        _("Escriba cómo se resolvieron las discrepancias."),
    )
    viable = forms.TypedChoiceField(
        label=_("Resultado"),
        choices=[("si", _("El proyecto es viable")), ("no", _("El proyecto no es viable"))],
        coerce=lambda valor: valor == "si",
    )

    def ejecutar(self, usuario):
        services.resolver_discrepancias(
            proyecto=self.proyecto,
            resolucion=self.cleaned_data["resolucion"],
            viable=self.cleaned_data["viable"],
            usuario=usuario,
        )
        return []


class RadicarForm(Accion):
    accion = "radicar"
    boton = _("Registrar la radicación en el Concejo")
    fecha = _fecha(_("Fecha de radicación"))
    numero_concejo = forms.CharField(label=_("Número en el Concejo"), max_length=40)
    comision = forms.CharField(label=_("Comisión"), max_length=200, required=False)
    ponentes = forms.CharField(label=_("Ponentes"), max_length=500, required=False)

    def ejecutar(self, usuario):
        return services.radicar(proyecto=self.proyecto, usuario=usuario, **self.cleaned_data)


class PrimerDebateForm(Accion):
    accion = "primer_debate"
    boton = _("Registrar el primer debate")
    fecha = _fecha(_("Fecha del primer debate (comisión)"))
    resultado = forms.ChoiceField(label=_("Resultado"), choices=ProyectoAcuerdo.Resultado.choices)

    def ejecutar(self, usuario):
        services.primer_debate(proyecto=self.proyecto, usuario=usuario, **self.cleaned_data)
        return []


class SegundoDebateForm(Accion):
    accion = "segundo_debate"
    boton = _("Registrar el segundo debate")
    fecha = _fecha(_("Fecha del segundo debate (plenaria)"))
    resultado = forms.ChoiceField(label=_("Resultado"), choices=ProyectoAcuerdo.Resultado.choices)
    numero_acuerdo = forms.CharField(
        label=_("Número del acuerdo (si se aprobó)"), max_length=40, required=False
    )
    recibido = _fecha(_("Recibido por el Alcalde para sanción"), requerida=False)

    def ejecutar(self, usuario):
        return services.segundo_debate(proyecto=self.proyecto, usuario=usuario, **self.cleaned_data)


class SancionarForm(Accion):
    accion = "sancionar"
    boton = _("Registrar la sanción")
    fecha = _fecha(_("Fecha de sanción"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fecha"].initial = timezone.localdate()

    def ejecutar(self, usuario):
        services.sancionar(proyecto=self.proyecto, usuario=usuario, **self.cleaned_data)
        return []


class ObjetarForm(Accion):
    accion = "objetar"
    boton = _("Registrar la objeción")
    fecha = _fecha(_("Fecha de la objeción"))
    motivos = texto_de_accion(_("Motivos (inconveniencia o ilegalidad)"), _("Escriba los motivos."))
    justificacion = texto_de_accion(_("Justificación, si se objeta fuera de término"))

    def ejecutar(self, usuario):
        services.objetar(proyecto=self.proyecto, usuario=usuario, **self.cleaned_data)
        return []


class PublicarForm(Accion):
    accion = "publicar"
    boton = _("Registrar la publicación")
    fecha = _fecha(_("Fecha de publicación"))
    envio_gobernador = _fecha(_("Copia enviada al Gobernador el"), requerida=False)

    def ejecutar(self, usuario):
        services.publicar(proyecto=self.proyecto, usuario=usuario, **self.cleaned_data)
        return []


class CerrarForm(Accion):
    accion = "cerrar"
    boton = _("Terminar el trámite")
    destructiva = True
    confirmar = _("¿Terminar el trámite de este proyecto?")
    estado = forms.ChoiceField(
        label=_("Cómo termina"),
        choices=[
            (Estado.NEGADO, _("Negado")),
            (Estado.ARCHIVADO, _("Archivado al terminar el periodo")),
            (Estado.RETIRADO, _("Retirado")),
        ],
    )
    motivo = texto_de_accion(_("Motivo"), _("Escriba el motivo."))

    def ejecutar(self, usuario):
        services.cerrar_en_concejo(proyecto=self.proyecto, usuario=usuario, **self.cleaned_data)
        return []


FORMULARIOS_DE_ACCION = {
    f.accion: f
    for f in (
        SolicitarConceptosForm,
        EmitirConceptoForm,
        RegistrarConceptoForm,
        ConvocarComiteForm,
        ResolverForm,
        RadicarForm,
        PrimerDebateForm,
        SegundoDebateForm,
        SancionarForm,
        ObjetarForm,
        PublicarForm,
        CerrarForm,
    )
}


def acciones_para(proyecto: ProyectoAcuerdo, usuario, pendientes_mios=()) -> list[str]:
    """The steps this user may take on the project now, the primary first."""
    coordinador = services.es_coordinador(usuario) and proyecto.puede_editar(usuario)
    acciones = []
    if pendientes_mios and proyecto.estado == Estado.EN_CONCEPTOS:
        acciones.append("emitir")
    if not coordinador:
        return acciones
    por_estado = {
        Estado.FORMULACION: ["solicitar", "cerrar"],
        Estado.EN_CONCEPTOS: ["registrar_concepto", "cerrar"],
        Estado.CON_DISCREPANCIAS: (
            ["resolver"] if proyecto.reunion_comite_id else ["convocar", "resolver"]
        )
        + ["cerrar"],
        Estado.VIABLE: ["radicar", "cerrar"],
        Estado.RADICADO: ["primer_debate", "cerrar"],
        Estado.PRIMER_DEBATE: ["segundo_debate", "cerrar"],
        Estado.APROBADO: ["sancionar", "objetar"],
        Estado.SANCIONADO: ["publicar"],
    }
    return acciones + por_estado.get(proyecto.estado, [])
