"""Compliance figures per organism and per person: on time %, overdue, average delay.

Definitions (shown on the indicators page too):
- cumplidos: fulfilled (cumplido or verificado); a tiempo: fulfilled on or before the
  ORIGINAL due date (issue 11, item 11); en plazo reprogramado: after the original date but
  within the one the Despacho moved it to (shown apart); tarde: after both.
- % a tiempo = a tiempo / (cumplidos + vencidos): what was due and how much of it on time.
- retraso promedio: business days (dias_habiles_entre) between the due date and the
  fulfilment, or today for what is still overdue, averaged over the late ones.

Every figure comes from one grouped SQL query (Count with filter=, business days through the
calendar table), so a page costs the same at 200 and at 200,000 commitments.
"""

from dataclasses import dataclass, fields
from datetime import date

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from buengobierno.plazos.consultas import dias_habiles_entre
from buengobierno.web.graficos import barras_apiladas
from compromisos.models import Compromiso


@dataclass
class Cifras:
    clave: object = None  # the organism's or person's pk (None: without one)
    nombre: str = ""
    total: int = 0
    abiertos: int = 0
    vencidos: int = 0
    cumplidos: int = 0
    a_tiempo: int = 0
    reprogramados: int = 0
    cancelados: int = 0
    # Late ones (fulfilled late, or overdue) and the business days they add up to.
    con_retraso: int = 0
    dias_de_retraso: int = 0

    @property
    def porcentaje_a_tiempo(self) -> float | None:
        base = self.cumplidos + self.vencidos
        return round(100 * self.a_tiempo / base, 1) if base else None

    @property
    def retraso_promedio(self) -> float | None:
        return round(self.dias_de_retraso / self.con_retraso, 1) if self.con_retraso else None

    @classmethod
    def de_fila(cls, fila: dict, **datos) -> "Cifras":
        """From one row of the aggregate query (see _agregados)."""
        return cls(
            **datos,
            **{
                c: fila[c]
                for c in ("total", "abiertos", "vencidos", "cumplidos", "a_tiempo", "reprogramados")
            },
            cancelados=fila["cancelados"],
            con_retraso=fila["tarde"] + fila["vencidos"],
            dias_de_retraso=(fila["dias_tarde"] or 0) + (fila["dias_vencidos"] or 0),
        )

    @classmethod
    def suma(cls, grupos: list["Cifras"], nombre: str = "") -> "Cifras":
        """The figures of several groups together (the totals row, without another query)."""
        numeros = [f.name for f in fields(cls) if f.name not in ("clave", "nombre")]
        return cls(
            nombre=nombre or _("Total"), **{n: sum(getattr(g, n) for g in grupos) for n in numeros}
        )


def agregados_del_dia() -> dict:
    """Counts and business-day delays of commitments that do not depend on today (what
    compromisos.resumen keeps per organism and month), for aggregate() or values().annotate()."""
    cumplido = Q(estado__in=Compromiso.CUMPLIDOS)
    # Against the original due date (Compromiso.cumplido_a_tiempo); the one in force, moved
    # by the Despacho, only separates "en plazo reprogramado" from late.
    original = Coalesce("fecha_limite_original", "fecha_limite")
    a_tiempo = cumplido & Q(fecha_cumplimiento__lte=original)
    en_plazo = Q(fecha_cumplimiento__lte=F("fecha_limite"))
    tarde = cumplido & ~a_tiempo & ~en_plazo
    return {
        "total": Count("pk"),
        "abiertos": Count("pk", filter=Q(cerrado=0)),
        "cumplidos": Count("pk", filter=cumplido),
        "a_tiempo": Count("pk", filter=a_tiempo),
        "reprogramados": Count("pk", filter=cumplido & ~a_tiempo & en_plazo),
        "cancelados": Count("pk", filter=Q(estado=Compromiso.Estado.CANCELADO)),
        "tarde": Count("pk", filter=tarde),
        # Business days through the calendar table (a join on its primary key).
        "dias_tarde": Sum(dias_habiles_entre("dia_limite", "dia_cumplimiento"), filter=tarde),
    }


def _agregados(hoy: date) -> dict:
    """Every figure of Cifras, today's overdue ones included."""
    vencido = Q(cerrado=0, fecha_limite__lt=hoy)
    return {
        **agregados_del_dia(),
        "vencidos": Count("pk", filter=vencido),
        "dias_vencidos": Sum(dias_habiles_entre("dia_limite", hoy), filter=vencido),
    }


NOMBRES = {
    "organismo": ("organismo__sigla", "organismo__nombre"),
    "meta": ("meta__codigo", "meta__nombre"),
    "responsable": ("responsable__first_name", "responsable__last_name"),
}


def grupos_de(filas, agrupar: str) -> list[Cifras]:
    """Cifras of the rows of a grouped query (see _agregados), worst overdue first."""
    parte1, parte2 = NOMBRES[agrupar]
    grupos = []
    for fila in filas:
        clave = fila[agrupar]
        if clave is None:
            texto = _("Sin organismo")
        elif agrupar == "organismo":
            texto = fila[parte1] or fila[parte2]
        else:
            texto = f"{fila[parte1]} {fila[parte2]}".strip()
        grupos.append(Cifras.de_fila(fila, clave=clave, nombre=texto))
    return sorted(grupos, key=lambda c: (-c.vencidos, -c.abiertos, c.nombre))


def cifras_por(compromisos, agrupar: str, *, hoy: date | None = None) -> list[Cifras]:
    """Figures of the published commitments in `compromisos`, grouped by `agrupar`
    ("organismo", "responsable" or "meta"), worst overdue first. One grouped query."""
    hoy = hoy or timezone.localdate()
    filas = (
        compromisos.publicados()
        .order_by()
        .values(agrupar, *NOMBRES[agrupar])
        .annotate(**_agregados(hoy))
    )
    return grupos_de(filas, agrupar)


def totales(compromisos, *, hoy: date | None = None) -> Cifras:
    """The same figures for all of `compromisos` together, in one aggregate query."""
    hoy = hoy or timezone.localdate()
    fila = compromisos.publicados().order_by().aggregate(**_agregados(hoy))
    return Cifras.de_fila(fila, nombre=_("Total"))


def grafico_por_organismo(cifras: list[Cifras], limite: int = 12) -> dict:
    """A stacked bar chart: open on time, overdue and fulfilled per organism."""
    mostradas = cifras[:limite]
    return barras_apiladas(
        [c.nombre for c in mostradas],
        [
            (_("Abiertos al día"), [c.abiertos - c.vencidos for c in mostradas], "#5b8bd6"),
            (_("Vencidos"), [c.vencidos for c in mostradas], "#b42318"),
            (_("Cumplidos"), [c.cumplidos for c in mostradas], "#1a7f4b"),
        ],
    )


@dataclass
class RegistroEnVivo:
    """Policy 1: of the closed meetings convened by an organism, how many were recorded
    live (Reunion.registrada_en_vivo: edited between their start and end + 2 hours)."""

    clave: object = None
    nombre: str = ""
    cerradas: int = 0
    en_vivo: int = 0

    @property
    def porcentaje(self) -> float | None:
        return round(100 * self.en_vivo / self.cerradas, 1) if self.cerradas else None


def registro_en_vivo(reuniones, *, desde=None, hasta=None) -> list[RegistroEnVivo]:
    """The share of closed meetings recorded live per convening organism (of `reuniones`,
    held between `desde` and `hasta`), lowest share first. One grouped query, an index-only
    scan of `reunion_cerrada_en_vivo`."""
    from compromisos.models import Reunion

    cerradas = reuniones.filter(estado=Reunion.Estado.CERRADA)
    if desde:
        cerradas = cerradas.filter(inicio__date__gte=desde)
    if hasta:
        cerradas = cerradas.filter(inicio__date__lte=hasta)
    filas = (
        cerradas.order_by()
        .values(
            "organismo_convocante",
            "organismo_convocante__sigla",
            "organismo_convocante__nombre",
        )
        .annotate(total=Count("pk"), en_vivo=Count("pk", filter=Q(registrada_en_vivo=True)))
    )
    grupos = [
        RegistroEnVivo(
            clave=fila["organismo_convocante"],
            nombre=fila["organismo_convocante__sigla"]
            or fila["organismo_convocante__nombre"]
            or _("Sin organismo"),
            cerradas=fila["total"],
            en_vivo=fila["en_vivo"],
        )
        for fila in filas
    ]
    return sorted(grupos, key=lambda g: (g.porcentaje or 0, g.nombre))
