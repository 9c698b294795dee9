from crispy_forms.layout import HTML, Column, Fieldset, Layout, Row
from django import forms
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buengobierno.documentos.forms import CampoAdjunto
from buengobierno.organizacion.models import Organismo
from buengobierno.plazos.calendario import sumar_dias_habiles
from buengobierno.web.concurrencia import ConVersion
from buengobierno.web.entrada import (
    CARACTERES_POR_LINEA,
    LINEAS_MAXIMAS,
    CampoVarios,
    acotar,
    validar_lineas,
)
from buengobierno.web.formularios import (
    CampoPersona,
    CampoPersonas,
    EntradaFecha,
    EntradaFechaHora,
    FormularioDeAccion,
    ayudante,
    buscador,
    personas_activas,
    sin_guiones,
    texto_de_accion,
)
from compromisos.models import (
    Asistente,
    Compromiso,
    MetaEstrategica,
    Reunion,
    TipoReunion,
    personas_que_responden,
)

# A person outside personas_que_responden() picked (or posted) as responsible.
NO_RESPONDE = {
    "invalid_choice": _(
        "Esa persona no podría actualizar el compromiso: su rol es de solo consulta o no "
        "tiene rol en la plataforma. Elija a otra persona."
    ),
    "invalid_pk_value": _("Elija una persona de la lista."),
}


# The shortcuts of the due-date field: "+3 / +5 / +10 días hábiles".
ATAJOS_DIAS_HABILES = (3, 5, 10)


def html_atajos(atajos, destino: str) -> HTML:
    """The shortcut buttons under a date field, as a crispy layout object."""
    return HTML(
        render_to_string("compromisos/_atajos.html", {"atajos": atajos, "destino": destino})
    )


AVISO_DATOS = _(
    "Sus datos (nombre, entidad, cargo y correo) se usan solo para el acta y la planilla de "
    "asistencia de esta reunión, conforme a la Ley 1581 de 2012 y la política de tratamiento "
    "de datos personales de la Alcaldía de Santiago de Cali. Puede consultarlos, corregirlos "
    "o pedir su supresión ante la Secretaría de Gobierno."
)


def atajos_de_fecha(base):
    """[(n, date)] for each shortcut, counted in business days from `base`."""
    return [(n, sumar_dias_habiles(base, n)) for n in ATAJOS_DIAS_HABILES]


def opciones_de_personas() -> list[tuple[int, str]]:
    """(pk, label) of every active person, for selects repeated on one page."""
    return [(p.pk, CampoPersona.label_from_instance(None, p)) for p in personas_que_responden()]


class ReunionForm(ConVersion, forms.ModelForm):
    """Schedule or edit a meeting; on creation also its agenda and its invited people.

    Editing carries the version of what it shows (buengobierno.web.concurrencia): the
    objective may be written on the live page meanwhile."""

    puntos = forms.CharField(
        label=_("Orden del día"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Un punto por línea. Podrá completarlos y agregar otros en la reunión."),
        validators=[validar_lineas],
        # Room for the most lines of the longest items, so the count is what gets refused.
        max_length=LINEAS_MAXIMAS * (CARACTERES_POR_LINEA + 2),
    )
    invitados = CampoPersonas(
        label=_("Invitados internos"),
        required=False,
        help_text=_(
            "Escriba parte del nombre o la sigla del organismo y escoja; puede agregar varias personas."
        ),
    )
    enlace_virtual = forms.URLField(
        label=_("Enlace de la reunión virtual"), required=False, assume_scheme="https"
    )
    organismos_invitados = CampoVarios(
        label=_("Invitar a todo un organismo"),
        queryset=Organismo.objects.filter(activo=True),
        required=False,
        widget=buscador(
            forms.SelectMultiple(), vacio=_("Escriba el nombre o la sigla de un organismo…")
        ),
    )

    preside = CampoPersona(label=_("Preside"), required=False)
    secretario_reunion = CampoPersona(
        label=_("Secretario(a) de la reunión"),
        required=False,
        help_text=_("Quien elabora el acta; firma con quien preside."),
    )

    class Meta:
        model = Reunion
        fields = [
            "tipo",
            "titulo",
            "inicio",
            "fin",
            "lugar",
            "enlace_virtual",
            "organismo_convocante",
            "objetivo",
            "preside",
            "secretario_reunion",
        ]
        widgets = {
            "inicio": EntradaFechaHora(),
            "fin": EntradaFechaHora(),
            "objetivo": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, usuario=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tipo"].queryset = TipoReunion.objects.filter(activo=True)
        self.fields["organismo_convocante"].queryset = Organismo.objects.filter(activo=True)
        for campo in ("inicio", "fin"):
            self.fields[campo].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        if self.instance.pk:
            for campo in ("puntos", "invitados", "organismos_invitados"):
                del self.fields[campo]
        elif usuario is not None:
            self.fields["secretario_reunion"].initial = usuario.pk
            if usuario.organismo_id:
                self.fields["organismo_convocante"].initial = usuario.organismo_id
        texto = _("Guardar cambios") if self.instance.pk else _("Programar la reunión")
        sin_guiones(self)
        acotar(self)
        self.helper = ayudante(texto)
        quienes = [
            Row(
                Column("preside", css_class="col-md-6"),
                Column("secretario_reunion", css_class="col-md-6"),
            )
        ]
        if not self.instance.pk:
            quienes += ["invitados", "organismos_invitados"]
        self.helper.layout = Layout(
            Fieldset(
                _("La reunión"),
                Row(Column("tipo", css_class="col-md-5"), Column("titulo", css_class="col-md-7")),
                Row(Column("inicio", css_class="col-md-6"), Column("fin", css_class="col-md-6")),
                Row(
                    Column("lugar", css_class="col-md-6"),
                    Column("enlace_virtual", css_class="col-md-6"),
                ),
                "organismo_convocante",
                "objetivo",
            ),
            Fieldset(_("Quiénes"), *quienes),
            *(["puntos"] if not self.instance.pk else []),
        )

    def clean(self):
        datos = super().clean()
        inicio, fin = datos.get("inicio"), datos.get("fin")
        if inicio and fin and fin < inicio:
            self.add_error("fin", _("La reunión no puede terminar antes de empezar."))
        return datos

    def lista_de_puntos(self) -> list[str]:
        return validar_lineas(self.cleaned_data.get("puntos", ""))

    def lista_de_invitados(self) -> list:
        invitados = list(self.cleaned_data.get("invitados") or ())
        organismos = self.cleaned_data.get("organismos_invitados")
        if organismos:
            invitados += list(personas_activas().filter(organismo__in=organismos))
        return invitados


def _en_seccion(nombre_url: str, reunion, seccion: str) -> dict:
    """Form attributes: post with htmx and swap the live page's section with the answer."""
    url = reverse(nombre_url, args=[reunion.pk])
    return {
        "accion": url,
        "atributos": {
            "hx-post": url,
            "hx-target": f"#seccion-{seccion}",
            "hx-swap": "outerHTML",
        },
    }


class PuntoForm(forms.Form):
    titulo = forms.CharField(label=_("Tema"), max_length=255)
    presentador = forms.CharField(label=_("Presenta"), max_length=200, required=False)

    def __init__(self, *args, reunion, **kwargs):
        super().__init__(*args, auto_id="id_punto_%s", **kwargs)
        self.reunion = reunion
        acotar(self)
        self.helper = ayudante(
            _("Agregar punto"), **_en_seccion("compromisos:agregar_punto", reunion, "puntos")
        )

    def clean(self):
        datos = super().clean()
        if self.reunion.puntos.count() >= LINEAS_MAXIMAS:
            raise forms.ValidationError(
                _("El orden del día ya tiene %(maximo)s puntos, el máximo de una reunión."),
                params={"maximo": LINEAS_MAXIMAS},
            )
        return datos


class DecisionForm(forms.Form):
    texto = forms.CharField(label=_("Decisión"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, reunion, **kwargs):
        super().__init__(*args, auto_id="id_decision_%s", **kwargs)
        acotar(self)
        self.helper = ayudante(
            _("Agregar decisión"),
            **_en_seccion("compromisos:agregar_decision", reunion, "decisiones"),
        )


class CompromisoEnReunionForm(forms.Form):
    """A commitment typed during the meeting; responsible and date may come later."""

    descripcion = forms.CharField(label=_("Compromiso"), widget=forms.Textarea(attrs={"rows": 2}))
    responsable = CampoPersona(
        label=_("Responsable"),
        required=False,
        queryset=personas_que_responden(),
        error_messages=NO_RESPONDE,
    )
    fecha_limite = forms.DateField(
        label=_("Fecha límite de cumplimiento"), required=False, widget=EntradaFecha()
    )
    prioridad = forms.ChoiceField(
        label=_("Prioridad"), choices=Compromiso.Prioridad.choices, initial="media"
    )

    def __init__(self, *args, reunion, **kwargs):
        super().__init__(*args, auto_id="id_nuevo_%s", **kwargs)
        self.reunion = reunion
        acotar(self)
        self.atajos = atajos_de_fecha(reunion.fecha)
        self.fields["fecha_limite"].widget.attrs["min"] = reunion.fecha.isoformat()
        self.helper = ayudante(
            _("Agregar compromiso"),
            **_en_seccion("compromisos:agregar_compromiso", reunion, "compromisos"),
        )
        self.helper.form_id = "form-nuevo-compromiso"
        # The live page gives commitments its narrower column: responsible on its own line.
        self.helper.layout = Layout(
            "descripcion",
            "responsable",
            Row(
                Column(
                    "fecha_limite",
                    html_atajos(self.atajos, "id_nuevo_fecha_limite"),
                    css_class="col-sm-7",
                ),
                Column("prioridad", css_class="col-sm-5"),
            ),
        )


class AsistentesForm(forms.Form):
    usuarios = CampoPersonas(
        label=_("Personas"),
        required=False,
        help_text=_("Escriba parte del nombre y escoja; puede agregar varias a la vez."),
    )
    organismo = forms.ModelChoiceField(
        label=_("O todo un organismo"),
        queryset=Organismo.objects.filter(activo=True),
        required=False,
        empty_label=_("Ninguno"),
    )

    def __init__(self, *args, reunion, **kwargs):
        super().__init__(*args, auto_id="id_asistentes_%s", **kwargs)
        acotar(self)
        if reunion.estado == Reunion.Estado.EN_CURSO:
            self.fields["usuarios"].help_text = _(
                "Quienes agregue durante la reunión quedan como presentes."
            )
        self.helper = ayudante(
            _("Agregar asistentes"),
            **_en_seccion("compromisos:agregar_asistentes", reunion, "asistentes"),
        )

    def clean(self):
        datos = super().clean()
        if not datos.get("usuarios") and not datos.get("organismo"):
            self.add_error("usuarios", _("Escoja al menos una persona o un organismo."))
        return datos

    def personas(self) -> list:
        personas = list(self.cleaned_data.get("usuarios") or ())
        if self.cleaned_data.get("organismo"):
            personas += list(personas_activas().filter(organismo=self.cleaned_data["organismo"]))
        return personas


class AsistenteExternoForm(forms.ModelForm):
    aviso_datos_aceptado = forms.BooleanField(
        label=_("Le informé el tratamiento de sus datos personales y lo aceptó"),
        help_text=AVISO_DATOS,
        error_messages={
            "required": _(
                "Antes de registrar a una persona externa debe informarle el tratamiento "
                "de sus datos personales (Ley 1581 de 2012)."
            )
        },
    )

    class Meta:
        model = Asistente
        fields = ["nombre", "entidad", "cargo", "correo", "aviso_datos_aceptado"]

    def __init__(self, *args, reunion, **kwargs):
        super().__init__(*args, auto_id="id_externo_%s", **kwargs)
        self.fields["nombre"].required = True
        acotar(self)
        self.helper = ayudante(
            _("Agregar persona externa"),
            **_en_seccion("compromisos:agregar_externo", reunion, "asistentes"),
        )


# --- the fields of the live page, saved one by one ------------------------------------------


def atributos_en_vivo(reunion, clave: str, *, texto: bool) -> dict:
    """The htmx attributes of one live field (see static/js/compromisos/en_vivo.js)."""
    return {
        "id": "campo-" + clave.replace(".", "-"),
        "data-clave": clave,
        "data-version": str(reunion.version_de(clave)),
        "hx-post": reverse("compromisos:guardar_campo", args=[reunion.pk]),
        "hx-trigger": "keyup changed delay:800ms, change" if texto else "change",
        "hx-swap": "none",
        "aria-describedby": "nota-" + clave.replace(".", "-"),
        "autocomplete": "off",
    }


class _FormEnVivo(forms.Form):
    """Fields of one row of the live page; every widget saves itself through htmx."""

    tipo = ""
    textos = ()

    def __init__(self, *, reunion, objeto, solo_lectura=False):
        prefijo = self.tipo if self.tipo == "reunion" else f"{self.tipo}-{objeto.pk}"
        super().__init__(prefix=prefijo, initial=self.iniciales(objeto))
        self.objeto = objeto
        for nombre, campo in self.fields.items():
            clave = (
                f"reunion.{nombre}"
                if self.tipo == "reunion"
                else f"{self.tipo}.{objeto.pk}.{nombre}"
            )
            campo.required = False
            if solo_lectura:
                campo.disabled = True
            else:
                campo.widget.attrs.update(
                    atributos_en_vivo(reunion, clave, texto=nombre in self.textos)
                )

    def iniciales(self, objeto) -> dict:
        return {nombre: getattr(objeto, nombre) for nombre in self.base_fields}


class ObjetivoEnVivoForm(_FormEnVivo):
    tipo = "reunion"
    textos = ("objetivo",)
    objetivo = forms.CharField(label=_("Objetivo"), widget=forms.Textarea(attrs={"rows": 2}))


class PuntoEnVivoForm(_FormEnVivo):
    tipo = "punto"
    textos = ("titulo", "presentador", "desarrollo")
    titulo = forms.CharField(label=_("Tema"), max_length=255)
    presentador = forms.CharField(label=_("Presenta"), max_length=200)
    desarrollo = forms.CharField(label=_("Desarrollo"), widget=forms.Textarea(attrs={"rows": 4}))


class DecisionEnVivoForm(_FormEnVivo):
    tipo = "decision"
    textos = ("texto",)
    texto = forms.CharField(label=_("Decisión"), widget=forms.Textarea(attrs={"rows": 2}))


class CompromisoEnVivoForm(_FormEnVivo):
    tipo = "compromiso"
    textos = ("descripcion",)
    descripcion = forms.CharField(label=_("Compromiso"), widget=forms.Textarea(attrs={"rows": 2}))
    # Plain choices, read once per page: a queryset would cost one query per row.
    responsable = forms.ChoiceField(label=_("Responsable"))
    fecha_limite = forms.DateField(
        label=_("Fecha límite de cumplimiento"),
        widget=EntradaFecha(),
        error_messages={"required": _("Indique la fecha límite de cumplimiento.")},
    )
    prioridad = forms.ChoiceField(label=_("Prioridad"), choices=Compromiso.Prioridad.choices)
    meta = forms.ChoiceField(label=_("Meta del plan de desarrollo"))

    def __init__(
        self, *, reunion, objeto, opciones_personas, atajos, solo_lectura=False, opciones_metas=()
    ):
        super().__init__(reunion=reunion, objeto=objeto, solo_lectura=solo_lectura)
        self.fields["meta"].choices = [("", _("Ninguna")), *opciones_metas]
        self.fields["responsable"].choices = [("", _("Sin responsable aún")), *opciones_personas]
        buscador(self.fields["responsable"].widget)
        self.fields["fecha_limite"].widget.attrs["min"] = reunion.fecha.isoformat()
        self.atajos = atajos

    def iniciales(self, objeto) -> dict:
        datos = super().iniciales(objeto)
        datos["responsable"] = objeto.responsable_id
        datos["meta"] = objeto.meta_id
        return datos


class AsistenciaEnVivoForm(_FormEnVivo):
    """Present / absent / excused as three toggle buttons (a radio group), one tap each."""

    tipo = "asistente"
    asistencia = forms.ChoiceField(
        label=_("Asistencia"),
        choices=[
            (Asistente.Asistencia.ASISTIO, _("Presente")),
            (Asistente.Asistencia.CONVOCADO, _("Ausente")),
            (Asistente.Asistencia.SE_EXCUSO, _("Se excusó")),
        ],
        widget=forms.RadioSelect(attrs={"class": "btn-check"}),
    )


# --- the life of a commitment ---------------------------------------------------------------


class _FormAccion(ConVersion, FormularioDeAccion):
    """A transition's form; it posts to its own URL of the commitment.

    It carries the version of the fields its transition changes (`campos_version`): a progress
    report or a new date written on a page that no longer shows the commitment as it is
    (someone else, or another tab, reported or moved it meanwhile) saves nothing and shows
    what changed (views.compromisos.accion)."""

    espacio = "compromisos"
    campos_version = ("estado",)

    def __init__(self, *args, compromiso, **kwargs):
        self.registro_version = compromiso
        super().__init__(
            *args,
            registro=compromiso,
            valores_guardados=self.valores_version(compromiso),
            **kwargs,
        )


class AvanceForm(_FormAccion):
    accion = "avance"
    campos_version = ("estado", "avance")
    boton = _("Registrar avance")
    nota = forms.CharField(label=_("Avance"), widget=forms.Textarea(attrs={"rows": 3}))
    porcentaje = forms.IntegerField(
        label=_("Porcentaje de avance"),
        min_value=0,
        max_value=100,
        error_messages={
            "min_value": _("El porcentaje debe estar entre 0 y 100."),
            "max_value": _("El porcentaje debe estar entre 0 y 100."),
        },
    )
    archivo = CampoAdjunto(label=_("Evidencia (opcional)"), required=False)


class CumplidoForm(_FormAccion):
    accion = "cumplido"
    campos_version = ("estado", "avance")
    boton = _("Reportar cumplido")
    nota = forms.CharField(
        label=_("Cómo se cumplió"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Describa cómo se cumplió el compromiso (evidencia).")},
    )
    archivo = CampoAdjunto(label=_("Archivo de evidencia (opcional)"), required=False)


class VerificarForm(_FormAccion):
    accion = "verificar"
    boton = _("Verificar cumplimiento")
    nota = texto_de_accion(_("Observación (opcional)"))


class DevolverForm(_FormAccion):
    accion = "devolver"
    boton = _("Devolver")
    observacion = texto_de_accion(
        _("Por qué se devuelve"), _("Explique por qué se devuelve el compromiso.")
    )


class CancelarForm(_FormAccion):
    accion = "cancelar"
    boton = _("Cancelar el compromiso")
    confirmar = _("¿Cancelar este compromiso? Sale del seguimiento con el motivo que escribió.")
    destructiva = True
    motivo = texto_de_accion(
        _("Motivo de la cancelación"), _("Indique el motivo de la cancelación.")
    )


class ReprogramarForm(_FormAccion):
    accion = "reprogramar"
    campos_version = ("estado", "fecha_limite")
    boton = _("Reprogramar")
    nueva_fecha = forms.DateField(
        label=_("Nueva fecha límite de cumplimiento"),
        widget=EntradaFecha(),
        error_messages={"required": _("Indique la nueva fecha límite de cumplimiento.")},
    )
    justificacion = texto_de_accion(
        _("Justificación"), _("La reprogramación necesita una justificación.")
    )

    def __init__(self, *args, compromiso, **kwargs):
        super().__init__(*args, compromiso=compromiso, **kwargs)
        self.fields["nueva_fecha"].widget.attrs["min"] = timezone.localdate().isoformat()


class SolicitarReprogramacionForm(ReprogramarForm):
    """The responsible person asks; the Despacho or the meeting's convener decides."""

    accion = "solicitar_reprogramacion"
    boton = _("Solicitar nueva fecha")
    justificacion = texto_de_accion(
        _("Por qué necesita una nueva fecha"), _("Explique por qué necesita una nueva fecha.")
    )

    def __init__(self, *args, compromiso, **kwargs):
        super().__init__(*args, compromiso=compromiso, **kwargs)
        self.fields["nueva_fecha"].widget.attrs["min"] = timezone.localdate().isoformat()


class AprobarReprogramacionForm(_FormAccion):
    accion = "aprobar_reprogramacion"
    campos_version = ("estado", "fecha_limite")
    boton = _("Aprobar la nueva fecha")
    observacion = texto_de_accion(_("Observación (opcional)"))


class RechazarReprogramacionForm(_FormAccion):
    accion = "rechazar_reprogramacion"
    campos_version = ("estado", "fecha_limite")
    boton = _("Rechazar la nueva fecha")
    confirmar = _("¿Rechazar la nueva fecha? El compromiso conserva su fecha límite.")
    destructiva = True
    observacion = texto_de_accion(
        _("Por qué se rechaza"), _("Explique por qué se rechaza la nueva fecha.")
    )


class MetaForm(_FormAccion):
    """The Despacho sets or corrects the plan de desarrollo meta a commitment serves."""

    accion = "meta"
    campos_version = ("meta",)
    boton = _("Cambiar la meta del plan de desarrollo")
    meta = forms.ModelChoiceField(
        label=_("Meta del plan de desarrollo"),
        queryset=MetaEstrategica.objects.filter(activa=True),
        required=False,
        empty_label=_("Ninguna"),
    )

    def __init__(self, *args, compromiso, **kwargs):
        super().__init__(*args, compromiso=compromiso, **kwargs)
        self.fields["meta"].initial = compromiso.meta_id


FORMULARIOS_DE_ACCION = {
    f.accion: f
    for f in (
        AvanceForm,
        CumplidoForm,
        VerificarForm,
        DevolverForm,
        CancelarForm,
        ReprogramarForm,
        SolicitarReprogramacionForm,
        AprobarReprogramacionForm,
        RechazarReprogramacionForm,
        MetaForm,
    )
}


class CompromisoForm(forms.Form):
    """A commitment registered by hand (no meeting): its origin may be written as text."""

    descripcion = forms.CharField(label=_("Compromiso"), widget=forms.Textarea(attrs={"rows": 3}))
    responsable = CampoPersona(
        label=_("Responsable"), queryset=personas_que_responden(), error_messages=NO_RESPONDE
    )
    corresponsables = CampoPersonas(
        label=_("Corresponsables"),
        queryset=personas_que_responden(),
        error_messages=NO_RESPONDE,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 5}),
    )
    fecha_limite = forms.DateField(
        label=_("Fecha límite de cumplimiento"),
        widget=EntradaFecha(),
        error_messages={"required": _("Indique la fecha límite de cumplimiento.")},
    )
    prioridad = forms.ChoiceField(
        label=_("Prioridad"), choices=Compromiso.Prioridad.choices, initial="media"
    )
    meta = forms.ModelChoiceField(
        label=_("Meta del plan de desarrollo"),
        queryset=MetaEstrategica.objects.filter(activa=True),
        required=False,
    )
    externo_entidad = forms.CharField(
        label=_("Entidad externa (si la debe una entidad de fuera de la Alcaldía)"),
        max_length=200,
        required=False,
        help_text=_(
            "Policía, Gobernación, EMCALI… El responsable de arriba hace su seguimiento: "
            "recibe los recordatorios y reporta el avance."
        ),
    )
    externo_nombre = forms.CharField(
        label=_("Quién responde en la entidad"), max_length=150, required=False
    )
    externo_correo = forms.EmailField(
        label=_("Correo electrónico de la entidad (opcional)"),
        required=False,
        error_messages={"invalid": _("Escriba un correo electrónico válido.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        hoy = timezone.localdate()
        self.atajos = atajos_de_fecha(hoy)
        self.fields["fecha_limite"].widget.attrs["min"] = hoy.isoformat()
        sin_guiones(self)
        acotar(self)
        self.helper = ayudante(_("Registrar compromiso"))
        self.helper.layout = Layout(
            "descripcion",
            Row(
                Column("responsable", css_class="col-md-6"),
                Column("corresponsables", css_class="col-md-6"),
            ),
            Row(
                Column(
                    "fecha_limite",
                    html_atajos(self.atajos, "id_fecha_limite"),
                    css_class="col-md-4",
                ),
                Column("prioridad", css_class="col-md-3"),
                Column("meta", css_class="col-md-5"),
            ),
            Row(
                Column("externo_entidad", css_class="col-md-5"),
                Column("externo_nombre", css_class="col-md-4"),
                Column("externo_correo", css_class="col-md-3"),
            ),
        )
