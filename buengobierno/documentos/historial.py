"""The "Historial" timeline of any record with django-simple-history: who did what and when.

Reads the record's history once (with its users) and diffs consecutive versions in memory;
foreign-key values are resolved with one query per related model, so a record with 3 or 300
versions costs the same few queries.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from buengobierno.documentos.formato import fecha_hora_larga, fecha_larga

VACIO = "—"


@dataclass(frozen=True)
class Cambio:
    campo: str
    anterior: str
    nuevo: str


@dataclass
class EntradaHistorial:
    fecha: datetime
    autor: str
    tipo: str  # "+", "~" or "-", as simple_history records it
    cambios: list[Cambio] = field(default_factory=list)
    motivo: str = ""

    @property
    def accion(self) -> str:
        return {"+": _("Creado"), "-": _("Eliminado")}.get(self.tipo, _("Modificado"))


def _autor(registro) -> str:
    usuario = registro.history_user
    if usuario is None:
        return _("Sistema")
    return usuario.get_full_name() or usuario.get_username()


def _texto(campo: models.Field, valor, relacionados: dict) -> str:
    if valor is None or valor == "":
        return VACIO
    if campo.is_relation and (campo.many_to_one or campo.one_to_one):
        objeto = relacionados.get(campo.related_model, {}).get(valor)
        return (
            str(objeto) if objeto is not None else _("registro eliminado (%(pk)s)") % {"pk": valor}
        )
    if campo.flatchoices:
        return str(dict(campo.flatchoices).get(valor, valor))
    if isinstance(valor, bool):
        return _("Sí") if valor else _("No")
    if isinstance(valor, datetime):
        return fecha_hora_larga(valor)
    if isinstance(valor, date):
        return fecha_larga(valor)
    if isinstance(campo, models.FileField):
        return str(valor).rsplit("/", 1)[-1]
    return str(valor)


def entradas_de_historial(objeto, *, limite: int | None = None) -> list[EntradaHistorial]:
    """The record's history, newest first; `limite` keeps only the latest entries."""
    historia = getattr(objeto, "history", None)
    if historia is None:
        return []
    consulta = historia.select_related("history_user").order_by("-history_date", "-history_id")
    # One extra version so the oldest entry shown can still be diffed against its predecessor.
    registros = list(consulta[: limite + 1] if limite else consulta)
    mostrados = registros[:limite] if limite else registros

    deltas = {}
    for posicion, registro in enumerate(mostrados):
        if registro.history_type == "~" and posicion + 1 < len(registros):
            anterior = registros[posicion + 1]
            # Many-to-many history would cost one query per version: left out of the diff.
            excluidos = {f.name for f in getattr(anterior, "_history_m2m_fields", ())}
            deltas[posicion] = registro.diff_against(anterior, excluded_fields=excluidos).changes

    meta = type(objeto)._meta
    pendientes: dict[type, set] = {}
    for cambios in deltas.values():
        for cambio in cambios:
            campo = meta.get_field(cambio.field)
            if campo.is_relation and (campo.many_to_one or campo.one_to_one):
                valores = {cambio.old, cambio.new} - {None, ""}
                pendientes.setdefault(campo.related_model, set()).update(valores)
    relacionados = {modelo: modelo._base_manager.in_bulk(pks) for modelo, pks in pendientes.items()}

    entradas = []
    for posicion, registro in enumerate(mostrados):
        cambios = []
        for cambio in deltas.get(posicion, ()):
            campo = meta.get_field(cambio.field)
            cambios.append(
                Cambio(
                    campo=capfirst(campo.verbose_name),
                    anterior=_texto(campo, cambio.old, relacionados),
                    nuevo=_texto(campo, cambio.new, relacionados),
                )
            )
        entradas.append(
            EntradaHistorial(
                fecha=registro.history_date,
                autor=_autor(registro),
                tipo=registro.history_type,
                cambios=cambios,
                motivo=registro.history_change_reason or "",
            )
        )
    return entradas
