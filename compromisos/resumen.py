"""The figures of every commitment, kept per organism and month (CifrasDelMes).

Whoever sees every commitment (the Despacho, the Secretario, Control Interno) gets the
indicators of the whole history on Mi escritorio and on the indicators page. Counting the
200,000 commitments of eight years on each visit costs what the history weighs (a grouped
scan of the whole table, ≈ 400 ms); adding up the rows of CifrasDelMes (one per organism and
month: 31 × 12 a year) costs next to nothing whatever the history.

Reading (`cifras_de_todo`): the months wholly inside the period come from CifrasDelMes; the
open commitments of this month already overdue, the days of a period that cut a month, and
the few commitments without an organism are counted from the commitments themselves, through
the indexes on the due date. The answer is the one indicadores.cifras_por gives (a test pins
it).

How the rows stay true:
- every save or deletion of a commitment that can change its figures recounts the month it
  is in and the month it was in (post_save / post_delete, in the writer's transaction), from
  the commitments themselves, so a recount never drifts;
- the recount locks the month's row first (buengobierno.web.cifras): two transactions that
  change the same month take turns, and the second counts after the first has committed;
- writes that skip the model's save() (COPY in `sembrar_escala`, queryset.update()) call
  `recontar()` or `reconstruir()` afterwards, and so does a change of the business-day
  calendar (the ordinals and the business days of delay move with it).
"""

from collections import defaultdict
from datetime import date, timedelta

from django.db import connection
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from buengobierno.organizacion.acceso import tiene_rol
from buengobierno.organizacion.roles import Rol
from buengobierno.plazos import calendario
from buengobierno.web.cifras import recontar_grupo, reemplazar_todo
from compromisos.indicadores import NOMBRES, Cifras, agregados_del_dia, cifras_por, grupos_de
from compromisos.models import CifrasDelMes, CifrasDeMeta, Compromiso

CAMPOS = (
    "total",
    "abiertos",
    "ordinales_abiertos",
    "cumplidos",
    "a_tiempo",
    "tarde",
    "reprogramados",
    "dias_tarde",
    "cancelados",
)
# A save that changes none of these leaves the figures as they were.
CAMPOS_QUE_CUENTAN = frozenset(
    {"estado", "organismo", "fecha_limite", "fecha_limite_original", "fecha_cumplimiento", "meta"}
)
# The kept figures of each grouping: per organism and month, per meta and month (only the
# commitments that carry a meta).
GUARDADAS = {"organismo": CifrasDelMes, "meta": CifrasDeMeta}


def ve_todo(usuario) -> bool:
    """Whether the user sees every commitment: their figures come from CifrasDelMes."""
    return tiene_rol(usuario, *Compromiso.acceso.ven_todo, Rol.ADMINISTRADOR)


def mes_de(dia: date) -> date:
    return dia.replace(day=1)


def _mes_siguiente(mes: date) -> date:
    return (mes + timedelta(days=32)).replace(day=1)


def agregados_del_mes() -> dict:
    """What a row of CifrasDelMes holds, for aggregate() or values().annotate()."""
    return {
        **agregados_del_dia(),
        "ordinales_abiertos": Sum(F("dia_limite__ordinal"), filter=Q(cerrado=0)),
    }


# --- reading ----------------------------------------------------------------------------------


def _sumar(por_clave: dict, cifras: list[Cifras]) -> None:
    for grupo in cifras:
        por_clave[grupo.clave].append(grupo)


def cifras_de_todo(
    *,
    desde: date | None = None,
    hasta: date | None = None,
    hoy: date | None = None,
    agrupar: str = "organismo",
) -> list[Cifras]:
    """The figures per organism (or per meta, `agrupar="meta"`: the commitments with one) of
    every published commitment (due between `desde` and `hasta` when given), as
    indicadores.cifras_por counts them, worst overdue first."""
    hoy = hoy or timezone.localdate()
    nombres = NOMBRES[agrupar]
    este_mes = mes_de(hoy)
    # The months wholly inside the period; the days before and after them are counted live.
    primero = _mes_siguiente(mes_de(desde - timedelta(days=1))) if desde else None
    ultimo = mes_de(hasta + timedelta(days=1)) if hasta else None  # first month left out
    meses = GUARDADAS[agrupar].objects.all()
    if primero:
        meses = meses.filter(mes__gte=primero)
    if ultimo:
        meses = meses.filter(mes__lt=ultimo)
    pasado = Q(mes__lt=este_mes)
    sumas = meses.values(agrupar, *nombres).annotate(
        **{f"suma_{campo}": Sum(campo) for campo in CAMPOS},
        vencidos=Sum("abiertos", filter=pasado),
        ordinales_vencidos=Sum("ordinales_abiertos", filter=pasado),
    )
    ordinal_de_hoy = calendario.ordinal(hoy)
    # This month's open commitments already overdue, by organism and day (an index range).
    vencidos_del_mes = defaultdict(lambda: [0, 0])
    if (not primero or primero <= este_mes) and (not ultimo or este_mes < ultimo):
        for fila in (
            Compromiso.objects.publicados()
            .filter(cerrado=0, fecha_limite__gte=este_mes, fecha_limite__lt=hoy)
            .exclude(**{agrupar: None})
            .order_by()
            .values(agrupar, "fecha_limite")
            .annotate(n=Count("pk"))
        ):
            cuenta = vencidos_del_mes[fila[agrupar]]
            cuenta[0] += fila["n"]
            cuenta[1] += fila["n"] * (ordinal_de_hoy - calendario.ordinal(fila["fecha_limite"]))
    filas = []
    for fila in sumas:
        fila.update({campo: fila.pop(f"suma_{campo}") or 0 for campo in CAMPOS})
        del_mes, dias_del_mes = vencidos_del_mes.pop(fila[agrupar], (0, 0))
        antes = fila["vencidos"] or 0
        # Σ (ordinal(hoy) − ordinal(día)) over the overdue ones, as dias_habiles_entre.
        fila["dias_vencidos"] = (
            ordinal_de_hoy * antes - (fila["ordinales_vencidos"] or 0) + dias_del_mes
        )
        fila["vencidos"] = antes + del_mes
        filas.append(fila)
    por_clave = defaultdict(list)
    _sumar(por_clave, grupos_de(filas, agrupar))
    # The days of the period outside whole months, and commitments without an organism
    # (those without a meta have no row per meta: they are not in its figures).
    vivos = Q(organismo=None) if agrupar == "organismo" else Q(pk__in=[])
    if desde and primero and desde < primero:
        vivos |= Q(fecha_limite__gte=desde, fecha_limite__lt=primero)
    if hasta and ultimo and hasta >= ultimo:
        vivos |= Q(fecha_limite__gte=ultimo, fecha_limite__lte=hasta)
    periodo = Q()
    if desde:
        periodo &= Q(fecha_limite__gte=desde)
    if hasta:
        periodo &= Q(fecha_limite__lte=hasta)
    vivas = Compromiso.objects.filter(vivos, periodo)
    if agrupar == "meta":
        vivas = vivas.exclude(meta=None)
    _sumar(por_clave, cifras_por(vivas, agrupar, hoy=hoy))
    cifras = []
    for clave, grupos in por_clave.items():
        suma = Cifras.suma(grupos, nombre=grupos[0].nombre) if len(grupos) > 1 else grupos[0]
        suma.clave = clave
        cifras.append(suma)
    return sorted(cifras, key=lambda c: (-c.vencidos, -c.abiertos, c.nombre))


def cifras_por_organismo(
    compromisos, usuario, *, desde=None, hasta=None, agrupar: str = "organismo"
) -> list[Cifras]:
    """The figures per organism (or per meta) of what `usuario` sees: from the kept figures
    when that is everything, else counted over `compromisos` (their visible ones: one
    organism's worth)."""
    if ve_todo(usuario):
        return cifras_de_todo(desde=desde, hasta=hasta, agrupar=agrupar)
    if desde:
        compromisos = compromisos.filter(fecha_limite__gte=desde)
    if hasta:
        compromisos = compromisos.filter(fecha_limite__lte=hasta)
    if agrupar == "meta":
        compromisos = compromisos.exclude(meta=None)
    return cifras_por(compromisos, agrupar)


# --- keeping the rows -------------------------------------------------------------------------


def _contar(agrupar: str, clave_id, mes: date) -> dict:
    fila = (
        Compromiso.objects.publicados()
        .filter(
            **{f"{agrupar}_id": clave_id},
            fecha_limite__gte=mes,
            fecha_limite__lt=_mes_siguiente(mes),
        )
        .order_by()
        .aggregate(**agregados_del_mes())
    )
    return {campo: fila[campo] or 0 for campo in CAMPOS}


def _recontar(agrupar: str, dias) -> None:
    meses = {(c, mes_de(d)) for c, d in (x for x in set(dias) if x) if c and d}
    for clave_id, mes in sorted(meses):
        recontar_grupo(
            GUARDADAS[agrupar],
            {f"{agrupar}_id": clave_id, "mes": mes},
            lambda clave_id=clave_id, mes=mes: _contar(agrupar, clave_id, mes),
        )


def recontar(dias) -> None:
    """Recount the figures of the months of the (organismo_id, fecha_limite) pairs given,
    from the commitments. Call inside the transaction that changed them (the signals do)."""
    _recontar("organismo", dias)


def recontar_metas(dias) -> None:
    """The same for the (meta_id, fecha_limite) pairs given (CifrasDeMeta)."""
    _recontar("meta", dias)


def _reconstruir(agrupar: str) -> int:
    modelo = GUARDADAS[agrupar]
    filas = (
        Compromiso.objects.publicados()
        .exclude(**{agrupar: None})
        .order_by()
        .values(agrupar, mes=TruncMonth("fecha_limite"))
        .annotate(**agregados_del_mes())
    )
    return reemplazar_todo(
        modelo,
        (
            modelo(
                **{f"{agrupar}_id": fila[agrupar]},
                mes=fila["mes"],
                **{campo: fila[campo] or 0 for campo in CAMPOS},
            )
            for fila in filas
        ),
    )


def reconstruir() -> int:
    """Count every month again from the commitments (after a bulk load or a calendar
    change), per organism and per meta. Returns how many rows it wrote."""
    return _reconstruir("organismo") + _reconstruir("meta")


def _grupos(grupo) -> tuple:
    """(organismo_id, fecha_limite, meta_id) -> its organism's and its meta's pairs."""
    if not grupo:
        return None, None
    organismo_id, fecha_limite, meta_id = grupo
    return (organismo_id, fecha_limite), (meta_id, fecha_limite)


def _recontar_ambos(*grupos) -> None:
    pares = [_grupos(g) for g in grupos]
    recontar({p[0] for p in pares})
    recontar_metas({p[1] for p in pares})


def al_guardar(sender, instance, raw=False, update_fields=None, **kwargs):
    """post_save of Compromiso: recount the month it is in and the month it was in."""
    if raw or (update_fields is not None and not CAMPOS_QUE_CUENTAN & set(update_fields)):
        return
    ahora = (instance.organismo_id, instance.fecha_limite, instance.meta_id)
    _recontar_ambos(getattr(instance, "_grupo_de_cifras", None), ahora)
    instance._grupo_de_cifras = ahora


def al_borrar(sender, instance, **kwargs):
    """post_delete of Compromiso: its month loses it."""
    _recontar_ambos(
        getattr(instance, "_grupo_de_cifras", None),
        (instance.organismo_id, instance.fecha_limite, instance.meta_id),
    )


def al_cambiar_el_calendario(sender=None, **kwargs):
    """The ordinals of the days and the business days of delay move with the calendar
    (counted in SQL, from the calendar table just written)."""
    if CifrasDelMes._meta.db_table in connection.introspection.table_names():
        reconstruir()


def llenar_si_falta(sender=None, **kwargs):
    """post_migrate: a database that has commitments but no figures yet (one migrated to the
    release that brought CifrasDelMes) gets them counted once."""
    if CifrasDelMes._meta.db_table not in connection.introspection.table_names():
        return  # migrated back before the table
    if (
        not CifrasDelMes.objects.exists()
        and Compromiso.objects.publicados().exclude(organismo=None).exists()
    ):
        reconstruir()
