"""The process map: each procedure app declares itself with a ProcedimientoConfig.

The sidebar, the home page of each procedure and the demo loader read this registry, so a
procedure plugs into the platform by subclassing ProcedimientoConfig in its apps.py.
"""

from dataclasses import dataclass

from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _

DESPACHO = _("Despacho de Gobierno")
RELACIONES = _("Relaciones y Cooperación")


class ProcedimientoConfig(AppConfig):
    """AppConfig of one procedure of MEDE01.09."""

    default_auto_field = "django.db.models.BigAutoField"
    codigo: str = ""  # e.g. "MEDE01.09.P001"
    area = DESPACHO
    icono = "bi-folder"
    descripcion = ""
    contenido: tuple = ()  # what the procedure holds, shown on its home page
    url_inicio = ""  # URL name of the procedure's landing page

    @property
    def codigo_corto(self) -> str:
        return self.codigo.rsplit(".", 1)[-1]


@dataclass(frozen=True)
class Area:
    nombre: str
    procedimientos: tuple


def procedimientos() -> list[ProcedimientoConfig]:
    return sorted(
        (c for c in apps.get_app_configs() if isinstance(c, ProcedimientoConfig)),
        key=lambda c: c.codigo,
    )


def mapa_de_procesos() -> list[Area]:
    todos = procedimientos()
    return [
        Area(nombre=area, procedimientos=tuple(p for p in todos if p.area == area))
        for area in (DESPACHO, RELACIONES)
    ]
