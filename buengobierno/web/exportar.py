"""CSV and XLSX exports of any list: one helper, the same columns as the page shows.

columnas = [
    (_("Código"), "codigo"),                      # attribute
    (_("Organismo"), "organismo.nombre"),         # dotted path; None along the way gives ""
    (_("Tipo"), "get_tipo_display"),              # methods are called
    (_("Personas"), lambda o: o.usuarios.count()) # any callable taking the row
]
return respuesta_exportacion(filas, columnas, formato="xlsx", nombre="organismos")
"""

import csv
import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO

from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

FORMATOS = ("csv", "xlsx")
TIPO_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

Columna = tuple[str, str | Callable]

# A cell that a spreadsheet would run as a formula (CSV injection, OWASP). Phone numbers and
# signed numbers ("+57 602 …", "-3") are data, not formulas, and stay as they are.
_FORMULA = re.compile(r"^(?:[=@\t\r]|[+-](?![\d\s().-]*$))")


def valor_de(fila, accesor: str | Callable):
    """The value of one column for one row: a callable, or an attribute path with dots."""
    if callable(accesor):
        return accesor(fila)
    valor = fila
    for parte in accesor.split("."):
        if valor is None:
            return None
        valor = getattr(valor, parte)
        if callable(valor) and not hasattr(valor, "all"):
            valor = valor()
    return valor


def como_texto(valor, *, fecha: Callable, fecha_hora: Callable, separador: str = "; ") -> str:
    """One value as text: "" for None, Sí/No, dates through the given formatters, the
    members of a related manager joined by `separador`, anything else with str()."""
    if valor is None:
        return ""
    if isinstance(valor, bool):
        return _("Sí") if valor else _("No")
    if isinstance(valor, datetime):
        return fecha_hora(_hora_local(valor))
    if isinstance(valor, date):
        return fecha(valor)
    if hasattr(valor, "all"):  # a related manager: list its members
        return separador.join(str(v) for v in valor.all())
    return str(valor)


def _texto_plano(valor) -> str:
    return como_texto(
        valor, fecha=date.isoformat, fecha_hora=lambda v: v.strftime("%Y-%m-%d %H:%M")
    )


def _a_texto(valor) -> str:
    """A CSV field: text that a spreadsheet would run as a formula gets a leading quote."""
    texto = _texto_plano(valor)
    return "'" + texto if _FORMULA.match(texto) else texto


def _hora_local(valor: datetime) -> datetime:
    # Spreadsheets have no time zones: write the local (Bogotá) wall-clock time.
    return timezone.make_naive(valor) if timezone.is_aware(valor) else valor


def _a_celda(valor):
    """An XLSX cell value: numbers and dates stay typed, the rest becomes text."""
    if isinstance(valor, datetime):
        return _hora_local(valor)
    if valor is None or (
        isinstance(valor, int | float | Decimal | date) and not isinstance(valor, bool)
    ):
        return valor
    # Control characters are not allowed in the XML of a workbook.
    return ILLEGAL_CHARACTERS_RE.sub("", _texto_plano(valor))


def _filas_de_valores(filas: Iterable, columnas: list[Columna]):
    for fila in filas:
        yield [valor_de(fila, accesor) for _titulo, accesor in columnas]


def _nombre_de_archivo(nombre: str, formato: str) -> str:
    return f"{slugify(nombre) or 'exportacion'}-{timezone.localdate():%Y-%m-%d}.{formato}"


def _csv(filas, columnas) -> bytes:
    salida = []

    class _Buffer:
        def write(self, texto):
            salida.append(texto)

    escritor = csv.writer(_Buffer())
    escritor.writerow([str(titulo) for titulo, _accesor in columnas])
    for valores in _filas_de_valores(filas, columnas):
        escritor.writerow([_a_texto(v) for v in valores])
    # The byte order mark makes Excel read the file as UTF-8 (tildes and eñes intact).
    return "\ufeff".encode() + "".join(salida).encode()


def _xlsx(filas, columnas, titulo_hoja: str) -> bytes:
    libro = Workbook(write_only=True)
    hoja = libro.create_sheet(title=re.sub(r"[\\/?*\[\]:]", " ", titulo_hoja)[:31] or "Datos")
    hoja.freeze_panes = "A2"
    encabezados = [str(titulo) for titulo, _accesor in columnas]
    anchos = [min(max(len(t) + 2, 10), 60) for t in encabezados]
    for indice, ancho in enumerate(anchos, start=1):
        hoja.column_dimensions[get_column_letter(indice)].width = ancho
    negrita = Font(bold=True)
    celdas = []
    for texto in encabezados:
        celda = WriteOnlyCell(hoja, value=texto)
        celda.font = negrita
        celdas.append(celda)
    hoja.append(celdas)
    for valores in _filas_de_valores(filas, columnas):
        fila = []
        for valor in valores:
            celda = WriteOnlyCell(hoja, value=_a_celda(valor))
            if isinstance(celda.value, datetime):
                celda.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(celda.value, date):
                celda.number_format = "yyyy-mm-dd"
            elif isinstance(celda.value, str) and celda.data_type == "f":
                celda.data_type = "s"  # text that starts with "=" is data, never a formula
            fila.append(celda)
        hoja.append(fila)
    salida = BytesIO()
    libro.save(salida)
    return salida.getvalue()


def respuesta_exportacion(
    filas: Iterable, columnas: list[Columna], *, formato: str, nombre: str
) -> HttpResponse:
    """A download of `filas` as CSV (UTF-8 with BOM) or XLSX (bold header, real dates).

    `columnas` is a list of (header, accessor): an attribute path such as "organismo.nombre"
    (methods along it are called) or a callable taking the row. `nombre` names the file.
    """
    if formato not in FORMATOS:
        raise ValueError(f"Formato de exportación desconocido: {formato!r}")
    if formato == "csv":
        contenido, tipo = _csv(filas, columnas), "text/csv; charset=utf-8"
    else:
        contenido, tipo = _xlsx(filas, columnas, str(nombre)), TIPO_XLSX
    respuesta = HttpResponse(contenido, content_type=tipo)
    respuesta["Content-Disposition"] = (
        f'attachment; filename="{_nombre_de_archivo(str(nombre), formato)}"'
    )
    return respuesta
