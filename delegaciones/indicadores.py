"""On-time delivery of fichas técnicas, per organism of the delegate and per instancia.

Definitions (shown on the indicators page too):
- debidas: delegations whose ficha was delivered, or is owed for a session already held;
- a tiempo: delivered on or before the deadline (three business days after the session);
- % a tiempo = a tiempo / debidas; vencidas: owed and past the deadline, not yet delivered.
- a tiempo (completa): on time at the first delivery and, if the Despacho returned it, the
  completed ficha sent back within its new deadline (FichaTecnica.plazo_reenvio); both
  percentages are shown (issue 11, item 7).
- no asistió / sesión suspendida: the session passed without the representation (recorded
  by the Despacho); no ficha is owed, so they count apart and not among the debidas.

Counted by grouped SQL (Count with filter=), never by walking the rows.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from buengobierno.web.graficos import barras_apiladas
from delegaciones.models import Delegacion

AGRUPACIONES = {
    "organismo": ("organismo", "organismo__sigla", "organismo__nombre"),
    "instancia": ("sesion__instancia", "sesion__instancia__nombre", "sesion__instancia__nombre"),
}
CONTADORES = (
    "a_tiempo",
    "completas_a_tiempo",
    "tarde",
    "vencidas",
    "por_vencer",
    "no_asistio",
    "suspendidas",
)


@dataclass
class Cifras:
    clave: object = None
    nombre: str = ""
    a_tiempo: int = 0
    tarde: int = 0
    vencidas: int = 0
    por_vencer: int = 0
    completas_a_tiempo: int = 0
    no_asistio: int = 0
    suspendidas: int = 0

    @property
    def base(self) -> int:
        return self.a_tiempo + self.tarde + self.vencidas

    @property
    def porcentaje_a_tiempo(self) -> float | None:
        return round(100 * self.a_tiempo / self.base, 1) if self.base else None

    @property
    def porcentaje_completas_a_tiempo(self) -> float | None:
        """On time once completed: a returned ficha counts only if sent back in time."""
        return round(100 * self.completas_a_tiempo / self.base, 1) if self.base else None


def _debidas(delegaciones):
    """Delegations whose ficha counts: delivered, or owed for a session already held."""
    estados = Delegacion.DEBEN_FICHA + Delegacion.CON_FICHA
    debidas = Q(
        Q(ficha__entregada_en__isnull=False) | Q(sesion__inicio__lt=timezone.now()),
        estado__in=estados,
    )
    # The no-shows and suspended sessions ride along, counted apart (never among debidas).
    return delegaciones.filter(debidas | Q(estado__in=Delegacion.SIN_REPRESENTACION)).order_by()


def agregados_de_entregadas() -> dict:
    """On time and late among the delivered fichas, and the sessions without representation:
    figures that no longer change (what CifrasDeInstancia keeps), for aggregate() or
    values().annotate()."""
    entregada = Q(ficha__entregada_en__isnull=False)
    # Delivered on time: its local (Bogotá) date on or before the deadline.
    a_tiempo = entregada & Q(ficha__entregada_en__date__lte=F("fecha_limite_ficha"))
    # ... and, if returned, sent back (after the return) by its new deadline.
    completada = Q(ficha__devuelta_en__isnull=True) | Q(
        ficha__reenviada_en__gt=F("ficha__devuelta_en"),
        ficha__reenviada_en__date__lte=F("ficha__plazo_reenvio"),
    )
    return {
        "a_tiempo": Count("pk", filter=a_tiempo),
        "completas_a_tiempo": Count("pk", filter=a_tiempo & completada),
        "tarde": Count("pk", filter=entregada & ~a_tiempo),
        "no_asistio": Count("pk", filter=Q(estado=Delegacion.Estado.NO_ASISTIO)),
        "suspendidas": Count("pk", filter=Q(estado=Delegacion.Estado.SUSPENDIDA)),
    }


def _agregados(hoy: date) -> dict:
    sin_entregar = Q(ficha__entregada_en__isnull=True, estado__in=Delegacion.DEBEN_FICHA)
    return {
        **agregados_de_entregadas(),
        "vencidas": Count("pk", filter=sin_entregar & Q(fecha_limite_ficha__lt=hoy)),
        "por_vencer": Count("pk", filter=sin_entregar & Q(fecha_limite_ficha__gte=hoy)),
    }


def grupos_de(filas, clave: str, corto: str, largo: str) -> list[Cifras]:
    """Cifras of the rows of a grouped query, most overdue first."""
    grupos = [
        Cifras(
            clave=fila[clave],
            nombre=fila[corto] or fila[largo] or _("Sin organismo"),
            **{c: fila.get(c) or 0 for c in CONTADORES},
        )
        for fila in filas
    ]
    return sorted(grupos, key=lambda c: (-c.vencidas, -c.tarde, c.nombre))


def cifras_por(delegaciones, agrupar: str, *, hoy: date | None = None) -> list[Cifras]:
    """Figures grouped by "organismo" or "instancia", most overdue first. One grouped query."""
    hoy = hoy or timezone.localdate()
    clave, corto, largo = AGRUPACIONES[agrupar]
    filas = _debidas(delegaciones).values(clave, corto, largo).annotate(**_agregados(hoy))
    return grupos_de(filas, clave, corto, largo)


def totales(delegaciones, *, hoy: date | None = None) -> Cifras:
    """The same figures for all of `delegaciones`, in one aggregate query."""
    fila = _debidas(delegaciones).aggregate(**_agregados(hoy or timezone.localdate()))
    return Cifras(nombre=_("Total"), **fila)


def suma(grupos: list[Cifras], nombre: str = "") -> Cifras:
    """The figures of several groups together (the totals row, without another query)."""
    return Cifras(
        nombre=nombre or _("Total"), **{c: sum(getattr(g, c) for g in grupos) for c in CONTADORES}
    )


def grafico(cifras: list[Cifras], limite: int = 12) -> dict:
    """A stacked bar chart: on time, late and overdue fichas per group."""
    mostradas = cifras[:limite]
    return barras_apiladas(
        [c.nombre for c in mostradas],
        [
            (_("A tiempo"), [c.a_tiempo for c in mostradas], "#1a7f4b"),
            (_("Con retraso"), [c.tarde for c in mostradas], "#b7791f"),
            (_("Vencidas sin entregar"), [c.vencidas for c in mostradas], "#b42318"),
        ],
    )
