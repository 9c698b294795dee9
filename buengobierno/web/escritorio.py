"""Mi escritorio: what is waiting for each user, and the process indicators for managers.

The desk shows two lists: "Lo que espera de mí", the work each procedure asks of the user across
procedures (notify a delegation, delegate a session, review a ficha, verify a commitment…),
each with its deadline, overdue first; and "Mis compromisos", the commitments the user
answers for (`grupo=Pendiente.COMPROMISO`). A procedure plugs in from its AppConfig.ready():

    from buengobierno.web.escritorio import Indicador, Pendiente, registrar_indicadores, registrar_pendientes

    def fichas_por_enviar(usuario):
        for d in Delegacion.objects.con_ficha_pendiente().filter(delegado=usuario):
            yield Pendiente(
                titulo=f"Enviar la ficha técnica de {d.sesion}",
                url=d.get_absolute_url(),
                procedimiento="P001",
                fecha_limite=d.fecha_limite_ficha,
                vencido=d.ficha_vencida,
            )

    registrar_pendientes(fichas_por_enviar)

Administrators also see **alerts** about the platform itself at the top of the desk (e.g.
e-mail that is not going out, reminders that reached *fallido*). A part of the platform
registers a provider with `registrar_alertas(funcion)`, `funcion(usuario) -> iterable of
Alerta`; it is asked only for administrators.

A provider must be cheap (a few indexed queries, whatever the number of rows) because the
home page calls every provider on each visit. Titles start with the verb of what to do
("Notificar la delegación: …", "Delegar la sesión: …") and name the record with its date in
words; `detalle` adds who or what. Indicators receive the user too, so a provider
may scope its figures; they are only asked for when the user is a manager (GESTORES).
"""

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from buengobierno.organizacion.acceso import tiene_rol
from buengobierno.organizacion.roles import Rol

logger = logging.getLogger(__name__)

# Roles that see the indicator cards and charts on their desk.
GESTORES = (Rol.SECRETARIO, Rol.DESPACHO, Rol.RELACIONES, Rol.ADMINISTRADOR)


@dataclass(frozen=True)
class Pendiente:
    """One thing a user has to do: a task of "Mis tareas" or one of "Mis compromisos"."""

    TAREA = "tarea"
    COMPROMISO = "compromiso"

    titulo: str
    url: str
    procedimiento: str  # short code, e.g. "P005"
    fecha_limite: date | None = None
    vencido: bool = False
    detalle: str = ""
    grupo: str = TAREA


@dataclass(frozen=True)
class Indicador:
    """One process indicator card; `grafico` is a Chart.js configuration (type, data, options)."""

    titulo: str
    valor: object
    detalle: str = ""
    grafico: dict | None = field(default=None, hash=False)


@dataclass(frozen=True)
class Alerta:
    """A problem of the platform an administrator must look at (shown only to them)."""

    titulo: str
    detalle: str = ""
    url: str = ""
    enlace: str = ""  # the link's text


_proveedores_de_pendientes: list[Callable] = []
_proveedores_de_indicadores: list[Callable] = []
_proveedores_de_alertas: list[Callable] = []


def registrar_pendientes(funcion: Callable) -> Callable:
    """Register `funcion(usuario) -> iterable of Pendiente`. Usable as a decorator."""
    if funcion not in _proveedores_de_pendientes:
        _proveedores_de_pendientes.append(funcion)
    return funcion


def registrar_indicadores(funcion: Callable) -> Callable:
    """Register `funcion(usuario) -> iterable of Indicador`. Usable as a decorator."""
    if funcion not in _proveedores_de_indicadores:
        _proveedores_de_indicadores.append(funcion)
    return funcion


def registrar_alertas(funcion: Callable) -> Callable:
    """Register `funcion(usuario) -> iterable of Alerta` (asked only for administrators)."""
    if funcion not in _proveedores_de_alertas:
        _proveedores_de_alertas.append(funcion)
    return funcion


def retirar(funcion: Callable) -> None:
    """Unregister a provider (tests register their own and take them away afterwards)."""
    for registro in (
        _proveedores_de_pendientes,
        _proveedores_de_indicadores,
        _proveedores_de_alertas,
    ):
        if funcion in registro:
            registro.remove(funcion)


def es_gestor(usuario) -> bool:
    return tiene_rol(usuario, *GESTORES)


def _recoger(proveedores: Iterable[Callable], usuario) -> tuple[list, bool]:
    """Everything the providers return for `usuario`, and whether any provider failed.

    One broken procedure must not take everybody's home page down: its failure is logged
    with its traceback and the page says that something could not be loaded.
    """
    elementos, fallo = [], False
    for proveedor in proveedores:
        try:
            elementos.extend(proveedor(usuario))
        except Exception:
            logger.exception("El proveedor %r del escritorio falló", proveedor)
            fallo = True
    return elementos, fallo


def _orden_de_pendiente(pendiente: Pendiente):
    return (
        not pendiente.vencido,
        pendiente.fecha_limite is None,
        pendiente.fecha_limite or date.max,
        pendiente.titulo,
    )


def pendientes_de(usuario) -> tuple[list[Pendiente], bool]:
    """The user's pending items, overdue first then by due date, and whether one source failed."""
    pendientes, fallo = _recoger(_proveedores_de_pendientes, usuario)
    return sorted(pendientes, key=_orden_de_pendiente), fallo


def indicadores_de(usuario) -> tuple[list[Indicador], bool]:
    """The indicators for a manager (an empty list for anybody else)."""
    if not es_gestor(usuario):
        return [], False
    return _recoger(_proveedores_de_indicadores, usuario)


def es_administrador(usuario) -> bool:
    return usuario.is_superuser or tiene_rol(usuario, Rol.ADMINISTRADOR)


def alertas_de(usuario) -> tuple[list[Alerta], bool]:
    """The platform alerts for an administrator (an empty list for anybody else)."""
    if not es_administrador(usuario):
        return [], False
    return _recoger(_proveedores_de_alertas, usuario)
