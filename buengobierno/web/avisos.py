"""Periodic jobs of the shell, in the platform's registry of scans."""

from django.utils.translation import gettext_lazy

from buengobierno.avisos.registro import escaneo
from buengobierno.web.servicios import borrar_exportaciones_vencidas


@escaneo(
    "exportaciones",
    descripcion=gettext_lazy("Borra los archivos de exportación que ya vencieron"),
    crontab={"minute": "25", "hour": "3"},
)
def borrar_exportaciones() -> int:
    return borrar_exportaciones_vencidas()
