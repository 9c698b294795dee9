"""The on-time figures of delivered fichas, kept per organism and instancia
(CifrasDeInstancia), and the indicators of whoever sees every delegation.

A delivered ficha was on time or late for good; the fichas still owed are a short list
(a few hundred at most). So the indicators of the whole history add up the kept rows
(a few hundred: organisms × instancias) and count live only what is owed, from the index on
the delegation's state, plus the few delegations without an organism. The answer is the one
indicadores.cifras_por gives (a test pins it).

The rows follow every save and deletion of a delegation, its ficha or its session that can
move a delivered ficha between groups, recounting the group from the delegations (see
buengobierno.web.cifras for the locking); `reconstruir()` counts everything again after
writes that skip the signals (COPY in `sembrar_escala`, queryset.update()).
"""

from collections import defaultdict
from datetime import date

from django.db import connection
from django.db.models import Q, Sum
from django.utils import timezone

from buengobierno.organizacion.acceso import tiene_rol
from buengobierno.organizacion.roles import Rol
from buengobierno.web.cifras import recontar_grupo, reemplazar_todo
from delegaciones.indicadores import (
    Cifras,
    agregados_de_entregadas,
    cifras_por,
    grupos_de,
    suma,
)
from delegaciones.models import CifrasDeInstancia, Delegacion, Sesion, condicion_sin_ficha

# Where each grouping reads its key and names in CifrasDeInstancia.
EN_EL_RESUMEN = {
    "organismo": ("organismo", "organismo__sigla", "organismo__nombre"),
    "instancia": ("instancia", "instancia__nombre", "instancia__nombre"),
}
CAMPOS_QUE_CUENTAN = frozenset({"estado", "organismo", "sesion", "fecha_limite_ficha"})


def ve_todo(usuario) -> bool:
    return tiene_rol(usuario, *Delegacion.acceso.ven_todo, Rol.ADMINISTRADOR)


# What CifrasDeInstancia keeps: the figures of each group that no longer change.
GUARDADOS = ("a_tiempo", "completas_a_tiempo", "tarde", "no_asistio", "suspendidas")


def _entregadas():
    """Delivered fichas, and the sessions that passed without the representation."""
    estados = Delegacion.DEBEN_FICHA + Delegacion.CON_FICHA
    return Delegacion.objects.filter(
        Q(estado__in=estados, ficha__entregada_en__isnull=False)
        | Q(estado__in=Delegacion.SIN_REPRESENTACION)
    )


# --- reading ----------------------------------------------------------------------------------


def cifras_de_todo(agrupar: str, *, hoy: date | None = None) -> list[Cifras]:
    """Figures of every delegation grouped by "organismo" or "instancia", as
    indicadores.cifras_por counts them, most overdue first. Three small queries."""
    hoy = hoy or timezone.localdate()
    clave, corto, largo = EN_EL_RESUMEN[agrupar]
    guardadas = CifrasDeInstancia.objects.values(clave, corto, largo).annotate(
        **{campo: Sum(campo) for campo in GUARDADOS}
    )
    por_clave = defaultdict(list)
    for grupo in grupos_de(guardadas, clave, corto, largo):
        por_clave[grupo.clave].append(grupo)
    # Live: the fichas still owed, and whatever has no organism (not kept).
    sin_entregar = Delegacion.objects.filter(condicion_sin_ficha())
    sin_organismo = Delegacion.objects.filter(organismo=None).exclude(condicion_sin_ficha())
    for vivas in (sin_entregar, sin_organismo):
        for grupo in cifras_por(vivas, agrupar, hoy=hoy):
            por_clave[grupo.clave].append(grupo)
    cifras = []
    for clave_grupo, grupos in por_clave.items():
        total = suma(grupos, nombre=grupos[0].nombre)
        total.clave = clave_grupo
        cifras.append(total)
    return sorted(cifras, key=lambda c: (-c.vencidas, -c.tarde, c.nombre))


def cifras_y_total(visibles, usuario, agrupar: str = "organismo") -> tuple[list[Cifras], Cifras]:
    """The figures per group of what `usuario` sees and their total: kept figures when that
    is everything, else counted over `visibles` (one organism's worth)."""
    cifras = cifras_de_todo(agrupar) if ve_todo(usuario) else cifras_por(visibles, agrupar)
    return cifras, suma(cifras)


# --- keeping the rows -------------------------------------------------------------------------


def _contar(organismo_id, instancia_id) -> dict:
    fila = (
        _entregadas()
        .filter(organismo_id=organismo_id, sesion__instancia_id=instancia_id)
        .order_by()
        .aggregate(**agregados_de_entregadas())
    )
    return {campo: fila[campo] or 0 for campo in GUARDADOS}


def recontar(grupos) -> None:
    """Recount the (organismo_id, instancia_id) groups given. Inside the writer's transaction."""
    for organismo_id, instancia_id in sorted(g for g in set(grupos) if g and None not in g):
        recontar_grupo(
            CifrasDeInstancia,
            {"organismo_id": organismo_id, "instancia_id": instancia_id},
            lambda o=organismo_id, i=instancia_id: _contar(o, i),
        )


def _grupos_de_sesiones(pares) -> set:
    """(organismo_id, sesion_id) pairs → (organismo_id, instancia_id) groups."""
    pares = {p for p in pares if p and None not in p}
    instancias = dict(
        Sesion.objects.filter(pk__in={s for _o, s in pares}).values_list("pk", "instancia_id")
    )
    return {(o, instancias.get(s)) for o, s in pares}


def reconstruir() -> int:
    """Count every group again from the delegations. Returns how many rows it wrote."""
    filas = (
        _entregadas()
        .exclude(organismo=None)
        .order_by()
        .values("organismo", "sesion__instancia")
        .annotate(**agregados_de_entregadas())
    )
    return reemplazar_todo(
        CifrasDeInstancia,
        (
            CifrasDeInstancia(
                organismo_id=fila["organismo"],
                instancia_id=fila["sesion__instancia"],
                **{campo: fila[campo] for campo in GUARDADOS},
            )
            for fila in filas
        ),
    )


def al_guardar_delegacion(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields is not None and not CAMPOS_QUE_CUENTAN & set(update_fields)):
        return
    ahora = (instance.organismo_id, instance.sesion_id)
    recontar(_grupos_de_sesiones({getattr(instance, "_grupo_de_cifras", None), ahora}))
    instance._grupo_de_cifras = ahora


def al_borrar_delegacion(sender, instance, **kwargs):
    recontar(
        _grupos_de_sesiones(
            {
                getattr(instance, "_grupo_de_cifras", None),
                (instance.organismo_id, instance.sesion_id),
            }
        )
    )


def al_cambiar_ficha(sender, instance, raw=False, update_fields=None, **kwargs):
    """post_save / post_delete of FichaTecnica: its delegation's group (not for a draft's
    autosave, which leaves the delivery as it was)."""
    if raw or (update_fields is not None and "entregada_en" not in update_fields):
        return
    delegacion = (
        Delegacion.objects.filter(pk=instance.delegacion_id)
        .values_list("organismo_id", "sesion__instancia_id")
        .first()
    )
    if delegacion:
        recontar({delegacion})


def al_guardar_sesion(sender, instance, raw=False, **kwargs):
    """A session moved to another instancia takes its delegations' fichas along."""
    (antes,) = getattr(instance, "_grupo_de_cifras", None) or (None,)
    if raw or antes is None or antes == instance.instancia_id:
        return
    organismos = set(
        Delegacion.objects.filter(sesion=instance).values_list("organismo_id", flat=True)
    )
    recontar({(o, i) for o in organismos for i in (antes, instance.instancia_id)})
    instance._grupo_de_cifras = (instance.instancia_id,)


def llenar_si_falta(sender=None, **kwargs):
    """post_migrate: a database that has delivered fichas but no kept figures yet (one
    migrated to the release that brought CifrasDeInstancia) gets them counted once."""
    if CifrasDeInstancia._meta.db_table not in connection.introspection.table_names():
        return  # migrated back before the table
    if not CifrasDeInstancia.objects.exists() and _entregadas().exclude(organismo=None).exists():
        reconstruir()
