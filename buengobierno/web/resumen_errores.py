"""The error summary at the top of a form sent with errors (the GOV.UK pattern).

base.html asks `errores_del_contexto` for every error of the page's forms and shows them in
one box that names each error and links to its field; static/js/app.js gives it the focus
and the scroll. A view needs nothing for it: bound forms, formsets and filter sets in the
template context (also inside a list or a tuple, such as the action forms of a record) are
found. Non-field errors link to the form when the form has an id (`helper.form_id`).
"""

from dataclasses import dataclass

from django.forms import BaseForm
from django.forms.formsets import BaseFormSet
from django.utils.functional import LazyObject
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class ErrorDeFormulario:
    mensaje: str
    ancla: str = ""  # the id of the field (or form) the summary links to
    campo: str = ""  # what the error is about, as the page names it


def _errores_de(form) -> dict:
    # Forms given errors by hand (the live page when closing a meeting) are not bound.
    errores = getattr(form, "_errors", None)
    if errores is None and form.is_bound:
        errores = form.errors
    return errores or {}


def _nombre_del_registro(form) -> str:
    objeto = getattr(form, "objeto", None)
    if objeto is None or not hasattr(objeto, "_meta"):
        return ""
    return _("%(tipo)s «%(nombre)s»") % {
        "tipo": capfirst(objeto._meta.verbose_name),
        "nombre": Truncator(str(objeto)).chars(60),
    }


def _del_formulario(form, prefijo: str = "") -> list[ErrorDeFormulario]:
    salida = []
    prefijo = prefijo or _nombre_del_registro(form)
    id_formulario = getattr(getattr(form, "helper", None), "form_id", "") or ""
    for nombre, mensajes in _errores_de(form).items():
        if nombre == "__all__" or nombre not in form.fields:
            ancla, campo = id_formulario, prefijo
        else:
            ligado = form[nombre]
            ancla = "" if ligado.is_hidden else (ligado.id_for_label or ligado.auto_id or "")
            campo = str(ligado.label or capfirst(nombre))
            if prefijo:
                campo = f"{prefijo} — {campo}"
        for mensaje in mensajes:
            salida.append(ErrorDeFormulario(mensaje=str(mensaje), ancla=ancla, campo=campo))
    return salida


def _del_formset(formset) -> list[ErrorDeFormulario]:
    if not formset.is_bound:
        return []
    modelo = getattr(formset, "model", None)
    nombre = capfirst(modelo._meta.verbose_name) if modelo is not None else _("Fila")
    salida = [ErrorDeFormulario(mensaje=str(m)) for m in formset.non_form_errors()]
    for numero, form in enumerate(formset.forms, start=1):
        salida += _del_formulario(form, prefijo=f"{nombre} {numero}")
    return salida


def errores_del_contexto(contexto: dict) -> list[ErrorDeFormulario]:
    errores, vistos = [], set()

    def visitar(valor, profundidad=0):
        # A lazy object (the user's roles) is never evaluated just to look at it.
        if isinstance(valor, LazyObject) or id(valor) in vistos:
            return
        if isinstance(valor, BaseFormSet):
            vistos.add(id(valor))
            errores.extend(_del_formset(valor))
        elif isinstance(valor, BaseForm):
            vistos.add(id(valor))
            errores.extend(_del_formulario(valor))
        elif hasattr(valor, "filters") and hasattr(valor, "form") and hasattr(valor, "is_bound"):
            vistos.add(id(valor))  # a django-filter FilterSet: its form is built on demand
            if valor.is_bound:
                errores.extend(_del_formulario(valor.form))
        elif type(valor) in (list, tuple) and profundidad < 2:
            for elemento in valor:
                visitar(elemento, profundidad + 1)

    for valor in contexto.values():
        visitar(valor)
    return errores
