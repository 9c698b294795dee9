from datetime import datetime

from crispy_forms.layout import HTML, Column, Fieldset, Layout, Row
from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from buengobierno.documentos.formato import fecha_hora_larga
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
    personas_activas,
    sin_guiones,
    texto_de_accion,
)
from compromisos.forms import NO_RESPONDE
from compromisos.models import MetaEstrategica, personas_que_responden
from delegaciones.models import (
    CompromisoFicha,
    Delegacion,
    DelegacionPermanente,
    Instancia,
    Sesion,
)
from delegaciones.services import TEXTOS_FICHA, delegables

FORMATOS_FECHA_HORA = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]


class InstanciaForm(ConVersion, forms.ModelForm):
    delegado_habitual = CampoPersona(label=_("Delegado habitual"), required=False)

    class Meta:
        model = Instancia
        fields = [
            "nombre",
            "tipo",
            "entidad_convocante",
            "norma",
            "asiento_alcalde",
            "periodicidad",
            "secretaria_tecnica",
            "organismo",
            "delegado_habitual",
            "activa",
        ]
        widgets = {"asiento_alcalde": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organismo"].queryset = Organismo.objects.filter(activo=True)
        texto = _("Guardar cambios") if self.instance.pk else _("Registrar la instancia")
        sin_guiones(self)
        acotar(self)
        self.helper = ayudante(texto)
        self.helper.layout = Layout(
            Row(Column("nombre", css_class="col-md-8"), Column("tipo", css_class="col-md-4")),
            Row(
                Column("entidad_convocante", css_class="col-md-6"),
                Column("secretaria_tecnica", css_class="col-md-6"),
            ),
            "norma",
            "asiento_alcalde",
            Row(
                Column("periodicidad", css_class="col-md-4"),
                Column("organismo", css_class="col-md-8"),
            ),
            "delegado_habitual",
            "activa",
        )


class CampoDelegado(CampoPersona):
    """Only people who can act on a delegation (services.delegables); each shown with their
    post and level ("Secretario de Salud Pública (nivel directivo)")."""

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", delegables())
        kwargs.setdefault(
            "error_messages",
            {
                "invalid_choice": _(
                    "Esa persona no puede recibir delegaciones: no está activa o no tiene un "
                    "rol con el que pueda aceptarla y enviar la ficha técnica."
                )
            },
        )
        super().__init__(**kwargs)

    def label_from_instance(self, obj):
        etiqueta = super().label_from_instance(obj)
        return f"{etiqueta} · {obj.cargo_y_nivel}" if obj.cargo_y_nivel else etiqueta


class _CamposDelegacion(forms.Form):
    """Who represents the Alcalde and with which instructions (shared by two forms)."""

    delegado = CampoDelegado(
        label=_("Delegado"),
        help_text=_("Se sugiere el delegado habitual de la instancia."),
    )
    delegante = forms.ChoiceField(
        label=_("Quién delega"),
        choices=Delegacion.Delegante.choices,
        initial=Delegacion.Delegante.ALCALDE,
    )
    instrucciones = forms.CharField(
        label=_("Instrucciones"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Escriba las instrucciones para el delegado.")},
    )
    postura = forms.CharField(
        label=_("Postura de la Administración"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("La posición que el delegado debe sostener en la sesión."),
    )


class SesionForm(ConVersion, forms.ModelForm):
    """A session of an instancia; on creation the Despacho may delegate at once. Editing
    carries the version of what it shows (buengobierno.web.concurrencia)."""

    enlace_virtual = forms.URLField(
        label=_("Enlace de la sesión virtual"), required=False, assume_scheme="https"
    )
    invitacion = CampoAdjunto(label=_("Invitación (opcional)"), required=False)
    orden_del_dia = CampoAdjunto(label=_("Orden del día (opcional)"), required=False)
    delegar = forms.BooleanField(
        label=_("Delegar ahora la representación en esta sesión"), required=False
    )
    delegado = CampoDelegado(label=_("Delegado"), required=False)
    delegante = _CamposDelegacion.base_fields["delegante"]
    instrucciones = forms.CharField(
        label=_("Instrucciones"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    postura = _CamposDelegacion.base_fields["postura"]

    CAMPOS_DELEGACION = ("delegar", "delegado", "delegante", "instrucciones", "postura")

    class Meta:
        model = Sesion
        fields = ["instancia", "inicio", "lugar", "enlace_virtual", "asistencia", "temas"]
        widgets = {"inicio": EntradaFechaHora(), "temas": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instancia"].queryset = Instancia.objects.filter(activa=True)
        self.fields["inicio"].input_formats = FORMATOS_FECHA_HORA
        self.fields["delegado"].widget.attrs["data-delegado-habitual"] = "1"
        self.fields["instancia"].widget.attrs["data-instancia"] = "1"
        creando = not self.instance.pk
        if not creando:
            for campo in self.CAMPOS_DELEGACION:
                del self.fields[campo]
        sin_guiones(self)
        acotar(self)
        self.helper = ayudante(_("Registrar la sesión") if creando else _("Guardar cambios"))
        secciones = [
            Fieldset(
                _("La sesión"),
                "instancia",
                Row(Column("inicio", css_class="col-md-5"), Column("lugar", css_class="col-md-7")),
                "enlace_virtual",
                "asistencia",
                "temas",
                Row(
                    Column("invitacion", css_class="col-md-6"),
                    Column("orden_del_dia", css_class="col-md-6"),
                ),
            )
        ]
        if creando:
            secciones.append(
                Fieldset(
                    _("Delegación"),
                    "delegar",
                    Row(
                        Column("delegado", css_class="col-md-7"),
                        Column("delegante", css_class="col-md-5"),
                    ),
                    "instrucciones",
                    "postura",
                )
            )
        self.helper.layout = Layout(*secciones)

    def clean(self):
        datos = super().clean()
        if datos.get("delegar"):
            if not datos.get("delegado"):
                self.add_error("delegado", _("Escoja a la persona delegada."))
            if not (datos.get("instrucciones") or "").strip():
                self.add_error("instrucciones", _("Escriba las instrucciones para el delegado."))
        return datos

    def datos_de_sesion(self) -> dict:
        return {campo: self.cleaned_data[campo] for campo in self._meta.fields}

    def archivos(self) -> dict:
        return {c: self.cleaned_data.get(c) for c in ("invitacion", "orden_del_dia")}

    def datos_de_delegacion(self) -> dict | None:
        if not self.cleaned_data.get("delegar"):
            if self.cleaned_data.get("asistencia") == Sesion.Asistencia.SECRETARIO:
                # The Secretario represents the Alcalde: services delegates to him.
                return {c: self.cleaned_data.get(c) for c in ("instrucciones", "postura")}
            return None
        return {
            c: self.cleaned_data[c] for c in ("delegado", "delegante", "instrucciones", "postura")
        }


class DelegacionForm(_CamposDelegacion):
    """Delegate in a session already registered (e.g. after a rejection)."""

    notificar_ahora = forms.BooleanField(
        label=_("Numerar ahora la carta para la firma"), required=False, initial=True
    )

    def __init__(self, *args, sesion, **kwargs):
        super().__init__(*args, **kwargs)
        descartados = sesion.delegaciones.filter(estado=Delegacion.Estado.RECHAZADA).values(
            "delegado"
        )
        self.fields["delegado"].queryset = delegables().exclude(pk__in=descartados)
        acotar(self)
        self.helper = ayudante(
            _("Delegar"), accion=reverse("delegaciones:delegar", args=[sesion.pk])
        )
        self.helper.form_id = "form-delegar"


class PermanenteForm(forms.Form):
    """A standing delegation of an instancia (decree or resolution) for a period. The service
    (services.errores_de_permanente) checks the period, overlaps and the act's PDF."""

    tipo_acto = forms.ChoiceField(
        label=_("Tipo de acto"), choices=DelegacionPermanente.TipoActo.choices
    )
    numero_acto = forms.CharField(label=_("Número del acto"), max_length=40)
    fecha_acto = forms.DateField(label=_("Fecha del acto"), widget=EntradaFecha())
    acto = forms.FileField(
        label=_("Copia del acto firmado (PDF)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,application/pdf"}),
        error_messages={"required": _("Suba la copia del acto firmado (PDF).")},
    )
    delegado = CampoDelegado(label=_("Delegado"))
    delegante = _CamposDelegacion.base_fields["delegante"]
    desde = forms.DateField(label=_("Desde"), widget=EntradaFecha())
    hasta = forms.DateField(label=_("Hasta"), widget=EntradaFecha())
    instrucciones = _CamposDelegacion.base_fields["instrucciones"]

    def __init__(self, *args, instancia, **kwargs):
        super().__init__(*args, **kwargs)
        if instancia.delegado_habitual_id and not self.is_bound:
            self.initial.setdefault("delegado", instancia.delegado_habitual_id)
        acotar(self)
        self.helper = ayudante(_("Registrar la delegación permanente"))
        self.helper.form_id = "form-permanente"
        self.helper.layout = Layout(
            Row(
                Column("tipo_acto", css_class="col-md-4"),
                Column("numero_acto", css_class="col-md-4"),
                Column("fecha_acto", css_class="col-md-4"),
            ),
            "acto",
            Row(
                Column("delegado", css_class="col-md-8"), Column("delegante", css_class="col-md-4")
            ),
            Row(Column("desde", css_class="col-md-6"), Column("hasta", css_class="col-md-6")),
            "instrucciones",
        )

    def datos(self) -> dict:
        return {c: v for c, v in self.cleaned_data.items() if c != "acto"}


# --- the life of a delegation ---------------------------------------------------------------


class _FormAccion(ConVersion, FormularioDeAccion):
    """A transition of a delegation. It carries the version of the delegation's state (and,
    to review or return a ficha, of the ficha's last delivery): a step sent from a page that
    no longer shows the delegation as it is saves nothing and says what changed."""

    espacio = "delegaciones"
    revisa_ficha = False

    def __init__(self, *args, delegacion, **kwargs):
        self.registro_version = delegacion
        super().__init__(
            *args,
            registro=delegacion,
            valores_guardados=self.valores_version(delegacion),
            **kwargs,
        )

    def valores_version(self, delegacion) -> dict:
        valores = {"estado": delegacion.estado}
        if self.revisa_ficha:
            # A ficha returned and sent again is another text under the same state.
            ficha = delegacion.ficha_o_none
            enviada = ficha and (ficha.reenviada_en or ficha.entregada_en)
            # To the microsecond (a text): a datetime's fingerprint keeps only the minute.
            valores["ficha_enviada"] = enviada.isoformat() if enviada else ""
        return valores

    def describir_cambio(self, campo, valor) -> str:
        if campo == "ficha_enviada":
            enviada = datetime.fromisoformat(valor) if valor else None
            return str(_("la ficha se envió de nuevo el %(fecha)s")) % {
                "fecha": fecha_hora_larga(enviada)
            }
        return super().describir_cambio(campo, valor)


class EmitirForm(_FormAccion):
    accion = "emitir"
    boton = _("Numerar la carta para la firma")


class FirmarForm(_FormAccion):
    """The letter was signed: the signed copy (PDF), or its record in Daruma. The service
    (services.errores_de_firma) checks which one and says what is missing beside the field."""

    accion = "firmar"
    boton = _("Registrar la firma y notificar al delegado")
    carta_firmada = forms.FileField(
        label=_("Copia firmada de la carta (PDF)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,application/pdf"}),
        help_text=_("O, si se firmó en Daruma, registre abajo el radicado."),
    )
    radicado = forms.CharField(
        label=_("Número de radicado en Daruma"), required=False, max_length=40
    )
    fecha_radicado = forms.DateField(
        label=_("Fecha del radicado"), required=False, widget=EntradaFecha()
    )
    trd = forms.CharField(label=_("Código TRD"), required=False, max_length=80)


class AceptarForm(_FormAccion):
    accion = "aceptar"
    boton = _("Acepto la delegación")


class RechazarForm(_FormAccion):
    accion = "rechazar"
    boton = _("No puedo asistir")
    destructiva = True
    motivo = texto_de_accion(_("Por qué no puede asistir"), _("Indique por qué no puede asistir."))


class RealizadaForm(_FormAccion):
    accion = "realizada"
    boton = _("La sesión se realizó")


class CancelarForm(_FormAccion):
    accion = "cancelar"
    boton = _("Cancelar la delegación")
    confirmar = _("¿Cancelar esta delegación? Se avisará al delegado.")
    destructiva = True
    motivo = texto_de_accion(
        _("Motivo de la cancelación"), _("Indique el motivo de la cancelación.")
    )


class NoAsistioForm(_FormAccion):
    accion = "no_asistio"
    boton = _("Registrar que no asistió")
    confirmar = _("¿Registrar que el delegado no asistió? La ficha deja de deberse.")
    destructiva = True
    motivo = texto_de_accion(_("Por qué no asistió"), _("Indique el motivo."))


class SuspendidaForm(_FormAccion):
    accion = "suspendida"
    boton = _("Sesión suspendida por la entidad convocante")
    confirmar = _("¿Registrar que la entidad convocante suspendió la sesión?")
    destructiva = True
    motivo = texto_de_accion(_("Qué informó la entidad convocante"), _("Indique el motivo."))


class RevisarForm(_FormAccion):
    revisa_ficha = True
    accion = "revisar"
    boton = _("Dar por revisada la ficha")
    observaciones = texto_de_accion(_("Observaciones (opcional)"))


class DevolverForm(_FormAccion):
    revisa_ficha = True
    accion = "devolver"
    boton = _("Devolver para completar")
    observaciones = texto_de_accion(
        _("Qué falta en la ficha"), _("Explique qué falta en la ficha.")
    )


FORMULARIOS_DE_ACCION = {
    f.accion: f
    for f in (
        EmitirForm,
        FirmarForm,
        AceptarForm,
        RechazarForm,
        RealizadaForm,
        CancelarForm,
        NoAsistioForm,
        SuspendidaForm,
        RevisarForm,
        DevolverForm,
    )
}


# --- the ficha ------------------------------------------------------------------------------


class FichaForm(ConVersion, forms.Form):
    """The texts and attachments of the ficha; the page carries the version of its texts
    and of its rows not yet sent (`valores_guardados=services.valores_de_ficha(ficha)`)."""

    desarrollo = forms.CharField(
        label=_("Lo acontecido en la sesión"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    decisiones = forms.CharField(
        label=_("Decisiones tomadas"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    asuntos_alcalde = forms.CharField(
        label=_("Asuntos que requieren la atención del Alcalde"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    asistentes = forms.CharField(
        label=_("Quiénes asistieron"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Nombre, cargo y entidad de los asistentes, uno por línea."),
    )
    posicion_expresada = forms.CharField(
        label=_("Posición que expresó en la sesión"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    votaciones = forms.CharField(
        label=_("Votaciones (si las hubo)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Qué se votó, el voto de la Administración y el resultado."),
    )
    sin_compromisos = forms.BooleanField(
        label=_("No se adoptaron compromisos en la sesión"),
        required=False,
        help_text=_("Para enviar la ficha registre al menos un compromiso o marque esta casilla."),
    )
    acta = CampoAdjunto(label=_("Acta de la sesión (opcional)"), required=False)
    presentacion = CampoAdjunto(label=_("Presentación (opcional)"), required=False)
    asistencia = CampoAdjunto(label=_("Listado de asistencia (opcional)"), required=False)

    ARCHIVOS = ("acta", "presentacion", "asistencia")

    def __init__(self, *args, postura: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if postura:
            self.fields["posicion_expresada"].help_text = _(
                "Postura instruida por el Despacho: %(postura)s"
            ) % {"postura": postura}
        acotar(self)
        self.helper = ayudante("")
        self.helper.form_tag = False
        self.helper.inputs = []
        self.helper.layout = Layout(
            *TEXTOS_FICHA,
            HTML('<div id="compromisos-de-la-ficha"></div>'),
            "sin_compromisos",
        )

    def datos(self) -> dict:
        return {c: self.cleaned_data[c] for c in (*TEXTOS_FICHA, "sin_compromisos")}

    def archivos(self) -> dict:
        return {c: self.cleaned_data.get(c) for c in self.ARCHIVOS}


class CompromisoFichaForm(forms.ModelForm):
    # Only people who can update a commitment (P005 refuses anybody else: no dead ends).
    responsable = CampoPersona(
        label=_("Responsable"), queryset=personas_que_responden(), error_messages=NO_RESPONDE
    )

    class Meta:
        model = CompromisoFicha
        fields = ["descripcion", "responsable", "fecha_limite", "meta"]
        widgets = {
            "descripcion": forms.Textarea(attrs={"rows": 2}),
            "fecha_limite": EntradaFecha(),
        }
        labels = {"fecha_limite": _("Fecha límite de cumplimiento")}

    def __init__(self, *args, fecha_sesion=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsable"].queryset = personas_activas()
        self.fields["meta"].queryset = MetaEstrategica.objects.filter(activa=True)
        self.fields["meta"].required = False
        acotar(self)
        if fecha_sesion is not None:
            self.fields["fecha_limite"].widget.attrs["min"] = fecha_sesion.isoformat()


class _FormsetCompromisos(forms.BaseModelFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        # Each save replaces the unsent rows (services.guardar_ficha), so a page loaded before
        # another tab saved holds ids that no longer exist: a row whose id is gone is a new
        # row, not a form error on a hidden field (the version check tells what changed).
        nombre = self.model._meta.pk.name
        form.fields[nombre] = forms.IntegerField(
            required=False, initial=form.instance.pk, widget=forms.HiddenInput
        )

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.fields[self.model._meta.pk.name].required = False  # see add_fields
        return form

    def formularios_llenos(self) -> list:
        """The filled rows, in order (blank extra rows and rows marked to delete skipped).

        A stored row left as it was is kept: each save replaces the unsent rows with these."""
        return [
            f
            for f in self.forms
            if (f.has_changed() or f.instance.pk)
            and f.cleaned_data
            and not f.cleaned_data.get("DELETE")
        ]

    def filas(self) -> list[dict]:
        return [
            {
                c: f.cleaned_data.get(c)
                for c in ("descripcion", "responsable", "fecha_limite", "meta")
            }
            for f in self.formularios_llenos()
        ]


CompromisosFichaFormSet = forms.modelformset_factory(
    CompromisoFicha,
    form=CompromisoFichaForm,
    formset=_FormsetCompromisos,
    extra=1,
    can_delete=True,
)


def formset_compromisos(ficha, data=None, *, fecha_sesion):
    """The commitments of the ficha not yet in follow-up, plus a blank row."""
    pendientes = (
        ficha.compromisos_adoptados.filter(compromiso__isnull=True)
        if ficha is not None
        else CompromisoFicha.objects.none()
    )
    return CompromisosFichaFormSet(
        data,
        queryset=pendientes.select_related("responsable"),
        prefix="compromisos",
        form_kwargs={"fecha_sesion": fecha_sesion},
    )
