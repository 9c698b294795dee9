"""Optimistic concurrency for every form that edits a record other people (or other tabs) edit.

A form is rendered with a hidden field, `version_edicion`, holding the *fingerprint* of each
edited field as the page showed it (a short hash of the value, signed so a tampered value is
refused rather than trusted). When the form comes back, the service that saves the record
locks its row and merges three versions of each field — what the page showed (the base),
what the database holds now, and what this person submitted:

- nobody else changed it: this person's value is saved;
- someone else changed it and this person did not touch it: theirs stays (a quiet merge);
- both changed it to the same value: nothing to do;
- both changed it differently: a conflict. Nothing of the submit is saved; the form comes
  back with a Spanish message beside each such field and the text now stored shown under
  what this person typed, and its base moved to what is stored now, so saving again keeps
  what is in the field (this person has seen both).

"Someone else" includes the same person in another tab or on their phone: the check is on
the values, not on who changed them. Fingerprints need no column or migration, and they see
every writer (the live page of a meeting, the admin, a service) because they read the row.

The recipe for a procedure's edit form:

    class MiForm(ConVersion, forms.ModelForm): ...        # the hidden field, the display

    # the view
    form = MiForm(request.POST or None, instance=registro)
    if request.method == "POST" and form.is_valid():
        try:
            services.actualizar_x(registro=registro, datos=..., base=form.base_de_version(),
                                  usuario=request.user)
        except EdicionEnConflicto as conflicto:
            form.mostrar_conflicto(conflicto)
        ...

    # the service, inside its transaction
    registro = X.objects.select_for_update().get(pk=registro.pk)
    cambiados = aplicar(registro, datos=datos, base=base, excluir=["creado_por"])

(`aplicar` merges with `fusionar`, then sets, validates and saves what changed; a service
with other values, like the ficha's rows, calls `fusionar` itself.)

A form that is not a ModelForm (or has values that are not model fields) passes the stored
values to `ConVersion` with `valores_guardados=` and gives the service its own `actuales`.
A submit without the hidden field (a script, an old page) is saved as before; one with a
damaged field is refused with a message (never a 500).
"""

import hashlib
from contextlib import contextmanager
from datetime import UTC, date, datetime
from decimal import Decimal

from django import forms
from django.core import signing
from django.db import models, transaction
from django.http import QueryDict
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from buengobierno.documentos.formato import fecha_hora_larga, fecha_larga

CAMPO = "version_edicion"
_SAL = "buengobierno.web.concurrencia"

MENSAJE_CAMPO = gettext_lazy(
    "Otra persona (o usted en otra pestaña) cambió este campo mientras usted lo editaba. "
    "Lo que usted escribió sigue en el campo y debajo está lo guardado ahora: compare y "
    "guarde de nuevo para conservar lo que quede en el campo."
)
MENSAJE_GENERAL = gettext_lazy(
    "No se guardó nada: este registro cambió mientras usted lo editaba. Revise los campos marcados."
)
MENSAJE_REGISTRO = gettext_lazy(
    "No se guardó nada: mientras usted escribía, otra persona (o usted en otra pestaña) "
    "cambió este registro. Ahora: %(cambios)s. Lo que usted escribió sigue aquí: revise y "
    "envíe de nuevo si aún corresponde."
)
MENSAJE_DANADO = gettext_lazy(
    "El formulario llegó incompleto o alterado. Recargue la página y vuelva a escribir sus cambios."
)


# --- fingerprints ------------------------------------------------------------------------


def _normalizar(valor) -> str:
    """A canonical text for a value, equal for what a form submits and what the row holds."""
    if valor is None or valor == "":
        return ""
    if isinstance(valor, models.Model):
        return str(valor.pk)
    if isinstance(valor, bool):
        return "1" if valor else "0"
    if isinstance(valor, datetime):
        # Forms edit to the minute; a stored second must not look like a change.
        if timezone.is_aware(valor):
            valor = valor.astimezone(UTC)
        return valor.replace(second=0, microsecond=0).strftime("%Y-%m-%dT%H:%M")
    if isinstance(valor, date):
        return valor.isoformat()
    if isinstance(valor, (int, Decimal, float)):
        return str(valor)
    if isinstance(valor, dict):
        return "{" + ",".join(f"{k}={_normalizar(valor[k])}" for k in sorted(valor)) + "}"
    if isinstance(valor, (list, tuple)):
        return "[" + ",".join(_normalizar(v) for v in valor) + "]"
    if isinstance(valor, (set, frozenset, models.QuerySet)):
        return "[" + ",".join(sorted(_normalizar(v) for v in valor)) + "]"
    # Text: browsers post CRLF, forms strip; neither is a change.
    return str(valor).replace("\r\n", "\n").replace("\r", "\n").strip()


def huella(valor) -> str:
    """The fingerprint of a value: 16 hex digits of a SHA-256 of its canonical text."""
    return hashlib.sha256(_normalizar(valor).encode()).hexdigest()[:16]


def huellas(valores: dict) -> dict[str, str]:
    return {campo: huella(valor) for campo, valor in valores.items()}


def sello(valores: dict) -> str:
    """The hidden field's value for the stored `valores` ({field: value})."""
    return signing.dumps(huellas(valores), salt=_SAL, compress=True)


def leer_sello(texto: str | None) -> dict[str, str] | None:
    """The base fingerprints of a submitted form; None when the form carried none.

    Raises forms.ValidationError when the value is damaged or forged."""
    if not texto:
        return None
    try:
        base = signing.loads(texto, salt=_SAL)
    except signing.BadSignature:
        raise forms.ValidationError(MENSAJE_DANADO, code="version") from None
    if not isinstance(base, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in base.items()
    ):
        raise forms.ValidationError(MENSAJE_DANADO, code="version")
    return base


def valores_de(objeto: models.Model, campos) -> dict:
    """{field: stored value} of a model instance for the given model fields (a FK gives its
    pk, so no query is made)."""
    valores = {}
    for nombre in campos:
        campo = objeto._meta.get_field(nombre)
        if campo.many_to_many:
            valores[nombre] = [o.pk for o in campo.value_from_object(objeto)] if objeto.pk else []
        else:
            valores[nombre] = campo.value_from_object(objeto)
    return valores


# --- the merge ------------------------------------------------------------------------------


class EdicionEnConflicto(Exception):
    """A stale submit: `conflictos` {field: value stored now} were changed both by this
    person and by someone else; `actuales` are all the stored values the check read."""

    def __init__(self, *, conflictos: dict, actuales: dict, ajenos=frozenset()):
        self.conflictos = conflictos
        self.actuales = actuales
        # Fields changed only by someone else: the form shows their stored value again.
        self.ajenos = frozenset(ajenos)
        super().__init__(str(MENSAJE_GENERAL))


def fusionar(*, base: dict[str, str] | None, actuales: dict, nuevos: dict) -> dict:
    """The values of `nuevos` to write over a row holding `actuales`, given the fingerprints
    `base` of what the editor's page showed.

    Returns only what this submit changed (a field it did not touch is left as stored,
    whoever changed it meanwhile). Raises EdicionEnConflicto when a field changed here and
    elsewhere to different values. Without a base (no hidden field) every value is returned.
    """
    if base is None:
        return dict(nuevos)
    guardar, conflictos, ajenos = {}, {}, set()
    for campo, nuevo in nuevos.items():
        if campo not in base or campo not in actuales:
            guardar[campo] = nuevo
            continue
        mia, suya, antes = huella(nuevo), huella(actuales[campo]), base[campo]
        if mia == antes and suya != antes:
            ajenos.add(campo)
        if mia in (antes, suya):
            continue  # untouched here, or the same change: the row already has it
        if suya != antes:
            conflictos[campo] = actuales[campo]
        else:
            guardar[campo] = nuevo
    if conflictos:
        raise EdicionEnConflicto(conflictos=conflictos, actuales=actuales, ajenos=ajenos)
    return guardar


def exigir_sin_cambios(*, base: dict[str, str] | None, actuales: dict) -> None:
    """For a submit that acts on a record instead of editing its fields (a transition: a
    progress report, a new due date): raise EdicionEnConflicto when any of the fields it
    changes (`actuales`, read under the caller's lock) changed since the page was loaded."""
    if base is None:
        return
    conflictos = {
        campo: valor
        for campo, valor in actuales.items()
        if campo in base and huella(valor) != base[campo]
    }
    if conflictos:
        raise EdicionEnConflicto(conflictos=conflictos, actuales=actuales)


@contextmanager
def transicion_vigente(form, registro: models.Model):
    """The transaction of a transition sent from `form` (a ConVersion action form): the row
    of `registro` locked and EdicionEnConflicto raised when what the form's version covers
    (`form.valores_version`) changed since its page was loaded. The service called inside
    locks the same row again, which its own transaction allows.

        with transicion_vigente(form, compromiso):
            services.reprogramar_compromiso(compromiso=compromiso, ...)
    """
    with transaction.atomic():
        actual = type(registro)._default_manager.select_for_update().get(pk=registro.pk)
        exigir_sin_cambios(base=form.base_de_version(), actuales=form.valores_version(actual))
        yield


def avisar_sin_formulario(request, form) -> None:
    """A transition refused as stale whose step the page no longer offers: what changed and
    what the person typed go to the page's messages, so nothing typed is lost."""
    from django.contrib import messages

    messages.warning(request, " ".join(form.non_field_errors()))
    escrito = " ".join(
        v for k, v in form.cleaned_data.items() if k != CAMPO and isinstance(v, str) and v.strip()
    )
    if escrito:
        messages.info(request, _("Lo que usted escribió: «%(texto)s»") % {"texto": escrito})


def aplicar(registro: models.Model, *, datos: dict, base, excluir=()) -> list[str]:
    """On a row the caller locked (select_for_update): merge `datos` over it (`fusionar`),
    then set, validate (full_clean without `excluir`) and save what changed. Returns the
    names of the fields changed; raises EdicionEnConflicto and writes nothing on a conflict.
    """
    actuales = valores_de(registro, datos)
    datos = fusionar(base=base, actuales=actuales, nuevos=datos)
    cambiados = [c for c, v in datos.items() if huella(v) != huella(actuales[c])]
    if cambiados:
        for campo in cambiados:
            setattr(registro, campo, datos[campo])
        registro.full_clean(exclude=list(excluir))
        registro.save()
    return cambiados


# --- the form side -------------------------------------------------------------------------


def mostrar_valor(campo: forms.Field | None, valor) -> str:
    """A stored value as a person reads it (a name, a date in words, a choice's label)."""
    if valor is None or valor == "":
        return _("(vacío)")
    if isinstance(valor, bool):
        return _("Sí") if valor else _("No")
    if isinstance(campo, forms.ModelChoiceField) and not isinstance(valor, models.Model):
        valores = valor if isinstance(valor, (list, tuple, set)) else [valor]
        objetos = campo.queryset.model._default_manager.filter(pk__in=list(valores))
        return ", ".join(campo.label_from_instance(o) for o in objetos) or _("(vacío)")
    if isinstance(valor, models.Model):
        return campo.label_from_instance(valor) if campo is not None else str(valor)
    if isinstance(valor, datetime):
        return fecha_hora_larga(valor)
    if isinstance(valor, date):
        return fecha_larga(valor)
    if isinstance(campo, forms.ChoiceField) and not isinstance(campo, forms.ModelChoiceField):
        return str(dict(campo.choices).get(valor, valor))
    return str(valor)


def bloque_guardado(texto: str) -> str:
    """The stored text shown under a field in conflict (HTML, escaped; its line breaks kept
    by the class texto-ajeno of app.css)."""
    return format_html(
        '<span class="texto-guardado d-block mt-1" data-texto-guardado>'
        '<span class="fw-semibold">{}</span> '
        '<span class="texto-ajeno d-block border-start border-warning border-3 ps-2">{}</span>'
        "</span>",
        _("Guardado ahora (por otra persona o en otra pestaña):"),
        texto,
    )


def estado_de_respuesta(form) -> int:
    """The HTTP status of a form page: 200 unbound, 409 after a conflict, 422 otherwise."""
    if not form.is_bound:
        return 200
    return 409 if getattr(form, "en_conflicto", False) else 422


class ConVersion:
    """Mixin for a Django form that edits a record others may edit (see the module doc).

    Put it first among the bases. `campos_version` names the form fields checked (default:
    every field of `Meta.fields` for a ModelForm). A form that is not a ModelForm passes
    `valores_guardados={field: stored value}`.
    """

    campos_version: tuple[str, ...] | None = None
    en_conflicto = False

    def __init__(self, *args, valores_guardados: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if valores_guardados is None:
            meta = getattr(self, "_meta", None)
            nombres = self.campos_version or tuple(
                n for n in (getattr(meta, "fields", None) or ()) if n in self.fields
            )
            instancia = getattr(self, "instance", None)
            # A new record has nothing to conflict with.
            existe = instancia is not None and instancia.pk is not None
            valores_guardados = valores_de(instancia, nombres) if existe else {}
        self.valores_guardados = valores_guardados
        self.fields[CAMPO] = forms.CharField(
            required=False, widget=forms.HiddenInput, initial=sello(valores_guardados)
        )

    @property
    def helper(self):
        return self.__dict__.get("_ayudante")

    @helper.setter
    def helper(self, ayudante):
        # A crispy layout renders only the fields it names; the forms set their helper
        # after this mixin's __init__, so the hidden version is asked for here.
        ayudante.render_hidden_fields = True
        self.__dict__["_ayudante"] = ayudante

    def valores_version(self, registro) -> dict:
        """The stored values this form's version covers, read from `registro`."""
        return valores_de(registro, self.campos_version or ())

    def base_de_version(self) -> dict[str, str] | None:
        """The fingerprints the page showed (None: the submit carried none)."""
        return self.cleaned_data.get(CAMPO)

    def clean_version_edicion(self):
        try:
            return leer_sello(self.cleaned_data.get(CAMPO))
        except forms.ValidationError as error:
            # At the top of the form (the field is hidden); the form is invalid: no save.
            self.add_error(None, error)
            return None

    def mostrar_conflicto(self, conflicto: EdicionEnConflicto, *, nombres: dict | None = None):
        """Show a stale submit: a message and the stored value beside each field in
        conflict; fields changed only elsewhere take the stored value; the base moves to
        what is stored now, so the next save keeps what the person leaves in each field.

        `nombres` maps a service's field name to the form's when they differ.
        """
        nombres = nombres or {}
        self.en_conflicto = True
        base = dict(self.cleaned_data.get(CAMPO) or {})
        if isinstance(self.data, QueryDict):
            datos = self.data.copy()
        else:  # a form bound to a plain dict (a script, a test)
            datos = QueryDict(mutable=True)
            for clave, valor in self.data.items():
                datos.setlist(clave, valor if isinstance(valor, list) else [valor])
        self.data = datos
        for campo, actual in conflicto.actuales.items():
            nombre = nombres.get(campo, campo)
            if campo in conflicto.conflictos:
                if nombre in self.fields:
                    formulario = self.fields[nombre]
                    formulario.help_text = format_html(
                        "{}{}",
                        formulario.help_text or "",
                        bloque_guardado(mostrar_valor(formulario, actual)),
                    )
                    # The bound field keeps its own copy, taken when the form was cleaned.
                    self[nombre].help_text = formulario.help_text
                    self.add_error(nombre, forms.ValidationError(MENSAJE_CAMPO, code="conflicto"))
            elif nombre in self.fields and campo in conflicto.ajenos:
                # Changed only elsewhere: show what is stored, so saving again keeps it.
                datos.setlist(self.add_prefix(nombre), self._como_dato(nombre, actual))
            base[campo] = huella(actual)
        # What changed outside the form's own fields (a transition's record) is named at top.
        fuera = [c for c in conflicto.conflictos if nombres.get(c, c) not in self.fields]
        if fuera:
            cambios = "; ".join(self.describir_cambio(c, conflicto.conflictos[c]) for c in fuera)
            mensaje = MENSAJE_REGISTRO % {"cambios": cambios}
        else:
            mensaje = MENSAJE_GENERAL
        self.add_error(None, forms.ValidationError(mensaje, code="conflicto"))
        datos[self.add_prefix(CAMPO)] = signing.dumps(base, salt=_SAL, compress=True)

    def describir_cambio(self, campo: str, valor) -> str:
        """'fecha límite: 20 de diciembre de 2026' for a stored value outside the form; a
        form over a model record (`registro_version`) names it with the model's labels."""
        registro = getattr(self, "registro_version", None)
        if registro is None:
            return f"{campo}: {mostrar_valor(None, valor)}"
        modelo = registro._meta.get_field(campo)
        if modelo.choices:
            valor = dict(modelo.flatchoices).get(valor, valor)
        return f"{modelo.verbose_name}: {mostrar_valor(None, valor)}"

    def _como_dato(self, nombre: str, valor) -> list[str]:
        """A stored value as the form's widget would post it."""
        campo = self.fields[nombre]
        if valor is None:
            return [""]
        if isinstance(valor, (list, tuple, set)):
            return [str(_normalizar(v)) for v in valor]
        if isinstance(valor, bool):
            return ["on"] if valor else []
        if isinstance(valor, datetime):
            local = timezone.localtime(valor)
            if isinstance(campo.widget, forms.MultiWidget):  # EntradaFechaHora: date, time
                self.data.setlist(self.add_prefix(nombre) + "_hora", [f"{local:%H:%M}"])
                return [local.date().isoformat()]
            return [f"{local:%Y-%m-%dT%H:%M}"]
        if isinstance(valor, date):
            return [valor.isoformat()]
        preparado = campo.prepare_value(valor)
        return [_normalizar(preparado) if isinstance(preparado, models.Model) else str(preparado)]
