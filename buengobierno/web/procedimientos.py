"""The process map: each procedure app declares itself with a ProcedimientoConfig.

The sidebar, the home page of each procedure and the demo loader read this registry, so a
procedure plugs into the platform by subclassing ProcedimientoConfig in its apps.py.
"""

from dataclasses import dataclass
from functools import cached_property

from django.apps import AppConfig, apps
from django.urls import resolve, reverse
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

    # Each procedure's apps.py imports this class, so Django would see two AppConfig classes
    # there and pick neither: the base says it is no default, each subclass says it is.
    default = False

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "default" not in cls.__dict__:
            cls.default = True

    @property
    def codigo_corto(self) -> str:
        return self.codigo.rsplit(".", 1)[-1]

    @cached_property
    def en_construccion(self) -> bool:
        """Whether the procedure only has its landing page yet (the sidebar marks it)."""
        from buengobierno.web.views import inicio_procedimiento

        return (
            bool(self.url_inicio) and resolve(reverse(self.url_inicio)).func is inicio_procedimiento
        )

    @property
    def nombre(self) -> str:
        """The procedure's name without its code ("Gestión de actos administrativos")."""
        return str(self.verbose_name).removeprefix(self.codigo_corto).strip()


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


def procedimiento_de_la_ruta(ruta: str) -> ProcedimientoConfig | None:
    """The procedure whose pages contain `ruta` (for the sidebar's active entry)."""
    for config in procedimientos():
        if config.url_inicio and ruta.startswith(reverse(config.url_inicio)):
            return config
    return None
