"""The options of a filter's choice of records (people, organisms, metas…), read from the
database once and kept in each process as plain (value, label) pairs, with their HTML.

A list page's filter form offers a few hundred people, the organisms, the metas: building them
as model instances, labels and <option> tags on every request cost more than the page's own
rows. Each list is kept under its query (so a list that depends on the user, such as the
instancias one may see, is kept per query), the field's kind (its labels) and the language,
for SEGUNDOS_EN_MEMORIA at most, and renewed everywhere when a record of a model seen in an
option list (and always of the directory: people, organisms) is saved or deleted: the change
bumps a version in the shared cache once its transaction commits, which each process reads
again at most every SEGUNDOS_ENTRE_LECTURAS. Writes that skip signals (bulk updates, the scale
seed) show when the lists expire. Without a cache, each process renews its lists on its own
changes and on expiry.

    opciones_de(campo)  # [("", "Todos"), ("12", "Ana Pérez — SG"), …] for a ModelChoiceField
"""

import threading
import time
from contextlib import suppress
from functools import cached_property
from html import escape

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import get_language

SEGUNDOS_EN_MEMORIA = 300
SEGUNDOS_ENTRE_LECTURAS = 2
MAXIMO_DE_LISTAS = 500
CLAVE_VERSION = "opciones:version"
# Models whose change renews every option list; lists add theirs as they are built.
_modelos: set[str] = {"organizacion.Usuario", "organizacion.Organismo"}
_memoria: dict[tuple, tuple[float, "Opciones"]] = {}
_estado = {"version": None, "leida_en": float("-inf")}
_cerrojo = threading.Lock()


class Opciones(tuple):
    """(value, label) pairs, and the <option> tags they make (built once)."""

    @cached_property
    def html(self) -> str:
        return "".join(opcion(valor, etiqueta) for valor, etiqueta in self)


def opcion(valor, etiqueta, marcada: bool = False) -> str:
    # The standard library's escape, as Django's does, without its lazy-string wrapper
    # (which costs more than the escaping over hundreds of options).
    texto = "" if valor is None else str(valor)
    etiqueta = etiqueta.__html__() if hasattr(etiqueta, "__html__") else escape(str(etiqueta))
    return f'<option value="{escape(texto)}"{" selected" if marcada else ""}>{etiqueta}</option>'


def _version():
    ahora = time.monotonic()
    if ahora - _estado["leida_en"] > SEGUNDOS_ENTRE_LECTURAS:
        version = None
        with suppress(Exception):  # a cache outage: this process's own changes still count
            version = cache.get(CLAVE_VERSION)
        _estado.update(version=version, leida_en=ahora)
    return _estado["version"]


def _modelos_de(consulta) -> set[str]:
    modelos = {consulta.model._meta.label}
    relacionados = consulta.query.select_related
    if isinstance(relacionados, dict):
        for nombre in relacionados:
            with suppress(Exception):
                campo = consulta.model._meta.get_field(nombre)
                modelos.add(campo.related_model._meta.label)
    return modelos


def vacias_de(campo) -> list[tuple[str, str]]:
    """The choices a ModelChoiceField offers before its records: "Todos", django-filter's
    "none of them"."""
    vacias = [] if campo.empty_label is None else [("", campo.empty_label)]
    if getattr(campo, "null_label", None) is not None:
        vacias.append((campo.null_value, campo.null_label))
    return vacias


def guardadas_de(campo) -> Opciones:
    """The records a ModelChoiceField offers, as kept (value, label) pairs."""
    consulta = campo.queryset
    try:
        sql, parametros = consulta.query.sql_with_params()
    except EmptyResultSet:
        return Opciones()
    tipo = type(campo)
    return guardadas(
        f"{tipo.__module__}.{tipo.__qualname__}|{sql}|{parametros!r}",
        lambda: [
            (str(campo.prepare_value(objeto)), str(campo.label_from_instance(objeto)))
            for objeto in consulta.all()
        ],
        _modelos_de(consulta),
    )


def opciones_de(campo) -> list[tuple[str, str]]:
    """The (value, label) pairs a ModelChoiceField offers, its empty choice first."""
    return vacias_de(campo) + list(guardadas_de(campo))


def guardadas(nombre: str, calcular, modelos) -> Opciones:
    """What `calcular()` returns ((value, label) pairs), kept until one of `modelos`
    ("app.Modelo") changes; `nombre` says what it is, with everything it depends on but
    the language."""
    _modelos.update(modelos)
    clave = (_version(), get_language(), nombre)
    ahora = time.monotonic()
    guardado = _memoria.get(clave)
    if guardado is not None and guardado[0] > ahora:
        return guardado[1]
    valor = Opciones(calcular())
    with _cerrojo:
        if len(_memoria) >= MAXIMO_DE_LISTAS:
            _memoria.clear()
        _memoria[clave] = (ahora + SEGUNDOS_EN_MEMORIA, valor)
    return valor


def olvidar() -> None:
    """This process reads every list again (tests, after a rollback)."""
    with _cerrojo:
        _memoria.clear()
    _estado.update(version=None, leida_en=float("-inf"))


def renovar() -> None:
    """Every process reads every option list again from the database on its next use."""
    olvidar()
    with suppress(Exception):
        try:
            cache.incr(CLAVE_VERSION)
        except ValueError:  # no version yet
            cache.set(CLAVE_VERSION, 1, None)


def _al_cambiar(sender, **kwargs):
    if kwargs.get("action", "post_").startswith("pre_"):
        return  # m2m_changed: only once it changed
    # m2m_changed is sent by the through model: a person's roles are the person's change.
    modelo = type(kwargs["instance"]) if "action" in kwargs else sender
    if modelo._meta.label not in _modelos:
        return
    if kwargs.get("update_fields") and set(kwargs["update_fields"]) <= {"last_login"}:
        return  # signing in changes no option
    transaction.on_commit(renovar)


post_save.connect(_al_cambiar, dispatch_uid="opciones_al_guardar")
post_delete.connect(_al_cambiar, dispatch_uid="opciones_al_borrar")
m2m_changed.connect(_al_cambiar, dispatch_uid="opciones_al_relacionar")
