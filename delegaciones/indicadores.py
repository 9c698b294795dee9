"""On-time delivery of fichas técnicas, per organism of the delegate and per instancia.

Definitions (shown on the indicators page too):
- debidas: delegations whose ficha was delivered, or whose deadline has passed;
- a tiempo: delivered on or before the deadline (three business days after the session);
- % a tiempo = a tiempo / debidas; vencidas: owed and past the deadline, not yet delivered.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from buengobierno.web.graficos import barras_apiladas
from delegaciones.models import Delegacion

AGRUPACIONES = {
    "organismo": ("organismo", "organismo__sigla", "organismo__nombre"),
    "instancia": ("sesion__instancia", "sesion__instancia__nombre", "sesion__instancia__nombre"),
}


@dataclass
class Cifras:
    clave: object = None
    nombre: str = ""
    a_tiempo: int = 0
    tarde: int = 0
    vencidas: int = 0
    por_vencer: int = 0

    @property
    def base(self) -> int:
        return self.a_tiempo + self.tarde + self.vencidas

    @property
    def porcentaje_a_tiempo(self) -> float | None:
        return round(100 * self.a_tiempo / self.base, 1) if self.base else None


def _filas(delegaciones, *campos):
    estados = Delegacion.DEBEN_FICHA + Delegacion.CON_FICHA
    return (
        delegaciones.filter(estado__in=estados, sesion__inicio__lt=timezone.now())
        .order_by()
        .values_list(*campos, "estado", "fecha_limite_ficha", "ficha__entregada_en")
    )


def _sumar(cifras: Cifras, estado, limite: date, entregada_en, hoy: date) -> None:
    if entregada_en is not None:
        if timezone.localtime(entregada_en).date() <= limite:
            cifras.a_tiempo += 1
        else:
            cifras.tarde += 1
    elif estado in Delegacion.DEBEN_FICHA:
        if limite < hoy:
            cifras.vencidas += 1
        else:
            cifras.por_vencer += 1


def cifras_por(delegaciones, agrupar: str, *, hoy: date | None = None) -> list[Cifras]:
    """Figures grouped by "organismo" or "instancia", most overdue first. One query."""
    hoy = hoy or timezone.localdate()
    grupos: dict = {}
    for clave, corto, largo, estado, limite, entregada_en in _filas(
        delegaciones, *AGRUPACIONES[agrupar]
    ):
        if clave not in grupos:
            grupos[clave] = Cifras(clave=clave, nombre=corto or largo or _("Sin organismo"))
        _sumar(grupos[clave], estado, limite, entregada_en, hoy)
    return sorted(grupos.values(), key=lambda c: (-c.vencidas, -c.tarde, c.nombre))


def totales(delegaciones, *, hoy: date | None = None) -> Cifras:
    hoy = hoy or timezone.localdate()
    cifras = Cifras(nombre=_("Total"))
    for estado, limite, entregada_en in _filas(delegaciones):
        _sumar(cifras, estado, limite, entregada_en, hoy)
    return cifras


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
