"""Compliance figures per organism and per person: on time %, overdue, average delay.

Definitions (shown on the indicators page too):
- cumplidos: fulfilled (cumplido or verificado); a tiempo: fulfilled on or before the due
  date in force (a justified reprogramming moves it).
- % a tiempo = a tiempo / (cumplidos + vencidos): what was due and how much of it on time.
- retraso promedio: business days (dias_habiles_entre) between the due date and the
  fulfilment, or today for what is still overdue, averaged over the late ones.
"""

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from django.utils import timezone
from django.utils.translation import gettext as _

from buengobierno.plazos.calendario import dias_habiles_entre
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
    cancelados: int = 0
    retrasos: list[int] = field(default_factory=list)

    @property
    def porcentaje_a_tiempo(self) -> float | None:
        base = self.cumplidos + self.vencidos
        return round(100 * self.a_tiempo / base, 1) if base else None

    @property
    def retraso_promedio(self) -> float | None:
        return round(sum(self.retrasos) / len(self.retrasos), 1) if self.retrasos else None


@lru_cache(maxsize=4096)
def _dias_de_retraso(limite: date, fin: date) -> int:
    return dias_habiles_entre(limite, fin)


def _sumar(cifras: Cifras, estado: str, limite: date, cumplido_en: date | None, hoy: date):
    cifras.total += 1
    if estado == Compromiso.Estado.CANCELADO:
        cifras.cancelados += 1
    elif estado in Compromiso.CUMPLIDOS:
        cifras.cumplidos += 1
        if cumplido_en <= limite:
            cifras.a_tiempo += 1
        else:
            cifras.retrasos.append(_dias_de_retraso(limite, cumplido_en))
    elif estado in Compromiso.ABIERTOS:
        cifras.abiertos += 1
        if limite < hoy:
            cifras.vencidos += 1
            cifras.retrasos.append(_dias_de_retraso(limite, hoy))


def cifras_por(compromisos, agrupar: str, *, hoy: date | None = None) -> list[Cifras]:
    """Figures of the published commitments in `compromisos`, grouped by `agrupar`
    ("organismo" or "responsable"), worst overdue first. One query, whatever the rows."""
    hoy = hoy or timezone.localdate()
    nombre = {
        "organismo": ("organismo__sigla", "organismo__nombre"),
        "responsable": ("responsable__first_name", "responsable__last_name"),
    }[agrupar]
    grupos: dict = {}
    filas = compromisos.publicados().values_list(
        agrupar, *nombre, "estado", "fecha_limite", "fecha_cumplimiento"
    )
    for clave, parte1, parte2, estado, limite, cumplido_en in filas:
        if clave not in grupos:
            if clave is None:
                texto = _("Sin organismo")
            elif agrupar == "organismo":
                texto = parte1 or parte2
            else:
                texto = f"{parte1} {parte2}".strip()
            grupos[clave] = Cifras(clave=clave, nombre=texto)
        _sumar(grupos[clave], estado, limite, cumplido_en, hoy)
    return sorted(grupos.values(), key=lambda c: (-c.vencidos, -c.abiertos, c.nombre))


def totales(compromisos, *, hoy: date | None = None) -> Cifras:
    """The same figures for all of `compromisos` together."""
    hoy = hoy or timezone.localdate()
    cifras = Cifras(nombre=_("Total"))
    for estado, limite, cumplido_en in compromisos.publicados().values_list(
        "estado", "fecha_limite", "fecha_cumplimiento"
    ):
        _sumar(cifras, estado, limite, cumplido_en, hoy)
    return cifras


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
