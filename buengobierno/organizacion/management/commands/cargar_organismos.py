"""Load the organisms of the central administration of Santiago de Cali from a CSV file."""

import csv
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from buengobierno.organizacion.models import Organismo

ARCHIVO = Path(__file__).resolve().parents[2] / "datos" / "organismos_cali.csv"
COLUMNAS = {"codigo", "nombre", "sigla", "tipo", "padre_codigo"}


def leer_organismos(archivo: Path) -> list[dict]:
    """The rows of the CSV (lines starting with # are comments), checked before any write."""
    with archivo.open(encoding="utf-8-sig", newline="") as entrada:
        lineas = [linea for linea in entrada if linea.strip() and not linea.startswith("#")]
    filas = list(csv.DictReader(lineas))
    if not filas or not COLUMNAS.issubset(filas[0]):
        raise CommandError(f"{archivo}: se esperan las columnas {', '.join(sorted(COLUMNAS))}.")
    tipos = set(Organismo.Tipo.values)
    codigos = {fila["codigo"].strip() for fila in filas}
    for numero, fila in enumerate(filas, start=1):
        if not fila["codigo"].strip() or not fila["nombre"].strip():
            raise CommandError(f"{archivo}, registro {numero}: faltan el código o el nombre.")
        if fila["tipo"].strip() not in tipos:
            raise CommandError(f"{archivo}, registro {numero}: tipo desconocido {fila['tipo']!r}.")
        padre = fila["padre_codigo"].strip()
        if padre and padre not in codigos:
            raise CommandError(
                f"{archivo}, registro {numero}: el organismo superior {padre} no está."
            )
    return filas


@transaction.atomic
def cargar_organismos(*, archivo: Path = ARCHIVO) -> tuple[int, int]:
    """Create the missing organisms and refresh the others; return (created, updated).

    An organism is recognised by its name (or, failing that, by its code). Its code is only
    written when it is created: the codes in the file are provisional (except 4112) and an
    admin replaces them with the real ones, which a reload must not undo. Nothing is deleted.
    """
    filas = leer_organismos(archivo)
    por_codigo_del_archivo: dict[str, Organismo] = {}
    creados = actualizados = 0
    for fila in filas:
        codigo, nombre = fila["codigo"].strip(), fila["nombre"].strip()
        datos = {"sigla": fila["sigla"].strip(), "tipo": fila["tipo"].strip()}
        organismo = (
            Organismo.objects.filter(nombre=nombre).first()
            or Organismo.objects.filter(codigo=codigo).first()
        )
        if organismo is None:
            organismo = Organismo.objects.create(codigo=codigo, nombre=nombre, **datos)
            creados += 1
        elif any(getattr(organismo, campo) != valor for campo, valor in datos.items()):
            for campo, valor in datos.items():
                setattr(organismo, campo, valor)
            organismo.save(update_fields=list(datos))
            actualizados += 1
        por_codigo_del_archivo[codigo] = organismo
    for fila in filas:
        organismo = por_codigo_del_archivo[fila["codigo"].strip()]
        padre = por_codigo_del_archivo.get(fila["padre_codigo"].strip())
        if padre and organismo.padre_id != padre.pk:
            organismo.padre = padre
            organismo.save(update_fields=["padre"])
    return creados, actualizados


class Command(BaseCommand):
    help = (
        "Carga los organismos de la administración central de Santiago de Cali (Decreto "
        "Extraordinario 0516 de 2016). Idempotente: no duplica, no borra, no cambia códigos."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--archivo",
            type=Path,
            default=ARCHIVO,
            help="CSV: codigo,nombre,sigla,tipo,padre_codigo",
        )

    def handle(self, *args, archivo, **opciones):
        if not archivo.exists():
            raise CommandError(f"No existe el archivo {archivo}.")
        creados, actualizados = cargar_organismos(archivo=archivo)
        self.stdout.write(
            self.style.SUCCESS(
                f"Organismos: {creados} creados, {actualizados} actualizados "
                f"({Organismo.objects.count()} en total)."
            )
        )
