"""CSV and XLSX exports of any list: one helper, the same columns as the page shows.

columnas = [
    (_("Código"), "codigo"),                      # attribute
    (_("Organismo"), "organismo.nombre"),         # dotted path; None along the way gives ""
    (_("Tipo"), "get_tipo_display"),              # methods are called
    (_("Personas"), lambda o: o.usuarios.count()) # any callable taking the row
]
return respuesta_exportacion(filas, columnas, formato="xlsx", nombre="organismos")

Both formats read the rows lazily (a queryset in chunks, its prefetches per chunk), so memory
stays flat whatever the number of rows: the CSV streams as it is produced (its first rows
leave at once), the XLSX is written in openpyxl's write-only mode to a temporary file.

What a spreadsheet in Colombia expects: the CSV in Excel's es-CO dialect (UTF-8 with BOM,
";" between fields, dates dd/mm/aaaa, decimal comma); `separador="coma"` gives a standard CSV
(",", ISO dates) for other programs. The XLSX has typed dates in dd/mm/aaaa, a bold frozen
header with an auto-filter, and column widths fitted to the first rows' contents.
"""

import csv
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from itertools import chain, islice

from django.db.models import QuerySet
from django.http import FileResponse, HttpResponse, StreamingHttpResponse
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
TIPO_CSV = "text/csv; charset=utf-8"
# Rows read from the database at a time (and prefetched together).
FILAS_POR_LOTE = 2000
# Rows whose contents size the XLSX columns (write-only mode fixes widths before any row).
FILAS_PARA_ANCHOS = 200
ANCHO_MINIMO, ANCHO_MAXIMO = 8, 60

Columna = tuple[str, str | Callable]

# A cell that a spreadsheet would run as a formula (CSV injection, OWASP). Phone numbers and
# signed numbers ("+57 602 …", "-3") are data, not formulas, and stay as they are.
_FORMULA = re.compile(r"^(?:[=@\t\r]|[+-](?![\d\s().-]*$))")


@dataclass(frozen=True)
class DialectoCSV:
    separador: str
    fecha: str  # strftime formats
    fecha_hora: str
    decimal: str


# What an Excel with Colombian regional settings opens in columns, and a standard CSV.
EXCEL_ES_CO = DialectoCSV(separador=";", fecha="%d/%m/%Y", fecha_hora="%d/%m/%Y %H:%M", decimal=",")
CSV_ESTANDAR = DialectoCSV(
    separador=",", fecha="%Y-%m-%d", fecha_hora="%Y-%m-%d %H:%M", decimal="."
)


def dialecto_csv(separador: str | None) -> DialectoCSV:
    """The dialect asked for by `?separador=`: "coma" for the standard one, else Excel es-CO."""
    return CSV_ESTANDAR if separador == "coma" else EXCEL_ES_CO


# Spreadsheet number formats of dates as people in Colombia write them.
FORMATO_FECHA_XLSX = "dd/mm/yyyy"
FORMATO_FECHA_HORA_XLSX = "dd/mm/yyyy hh:mm"


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


def _hora_local(valor: datetime) -> datetime:
    # Spreadsheets have no time zones: write the local (Bogotá) wall-clock time.
    return timezone.make_naive(valor) if timezone.is_aware(valor) else valor


def _iterar(filas: Iterable) -> Iterator:
    """The rows one by one; a queryset is read in chunks (prefetches included), never whole."""
    if isinstance(filas, QuerySet):
        return filas.iterator(chunk_size=FILAS_POR_LOTE)
    return iter(filas)


_ETIQUETA = re.compile(r"^get_(\w+)_display$")


def _accesor_rapido(modelo, accesor: str | Callable) -> Callable:
    """valor_de(…, accesor) as a function for rows of `modelo`. A `get_<campo>_display`
    reads a table of the field's labels made once, not the translated choices again for
    every row (what Django does, and what dominates a long export)."""
    coincide = _ETIQUETA.match(accesor) if isinstance(accesor, str) else None
    campo = None
    if coincide and modelo is not None:
        with suppress(Exception):
            campo = modelo._meta.get_field(coincide.group(1))
    if campo is None or not campo.flatchoices:
        return lambda fila: valor_de(fila, accesor)
    etiquetas = {valor: str(etiqueta) for valor, etiqueta in campo.flatchoices}
    return lambda fila: etiquetas.get(getattr(fila, campo.attname), getattr(fila, campo.attname))


def _filas_de_valores(filas: Iterable, columnas: list[Columna]) -> Iterator[list]:
    accesores = None
    for fila in _iterar(filas):
        if accesores is None:
            accesores = [_accesor_rapido(type(fila), a) for _titulo, a in columnas]
        yield [accesor(fila) for accesor in accesores]


def nombre_de_archivo(nombre: str, formato: str) -> str:
    return f"{slugify(nombre) or 'exportacion'}-{timezone.localdate():%Y-%m-%d}.{formato}"


# --- CSV ------------------------------------------------------------------------------------


def _campo_csv(valor, dialecto: DialectoCSV) -> str:
    """A CSV field: text that a spreadsheet would run as a formula gets a leading quote."""
    if isinstance(valor, Decimal | float):
        texto = str(valor).replace(".", dialecto.decimal)
    else:
        texto = como_texto(
            valor,
            fecha=lambda d: d.strftime(dialecto.fecha),
            fecha_hora=lambda d: d.strftime(dialecto.fecha_hora),
        )
    return "'" + texto if _FORMULA.match(texto) else texto


class _Linea:
    """A file for csv.writer whose write() hands the line back instead of storing it."""

    def write(self, texto):
        return texto


def lineas_csv(
    filas: Iterable, columnas: list[Columna], dialecto: DialectoCSV = EXCEL_ES_CO
) -> Iterator[str]:
    """The CSV as pieces of text, produced as the rows are read: the byte order mark and the
    header first (Excel reads the file as UTF-8 thanks to the mark), then lots of rows."""
    escritor = csv.writer(_Linea(), delimiter=dialecto.separador)
    yield "\ufeff" + escritor.writerow([str(titulo) for titulo, _accesor in columnas])
    lote = []
    for valores in _filas_de_valores(filas, columnas):
        lote.append(escritor.writerow([_campo_csv(v, dialecto) for v in valores]))
        if len(lote) == 100:
            yield "".join(lote)
            lote = []
    if lote:
        yield "".join(lote)


# --- XLSX -----------------------------------------------------------------------------------


def _valor_xlsx(valor):
    """An XLSX cell value: numbers and dates stay typed, the rest becomes text."""
    if isinstance(valor, datetime):
        return _hora_local(valor)
    if valor is None or (
        isinstance(valor, int | float | Decimal | date) and not isinstance(valor, bool)
    ):
        return valor
    texto = como_texto(
        valor, fecha=date.isoformat, fecha_hora=lambda v: v.strftime("%Y-%m-%d %H:%M")
    )
    # Control characters are not allowed in the XML of a workbook.
    return ILLEGAL_CHARACTERS_RE.sub("", texto)


def _ancho(valor) -> int:
    """How many characters a cell shows, to size its column."""
    if isinstance(valor, datetime):
        return len("dd/mm/aaaa hh:mm")
    if isinstance(valor, date):
        return len("dd/mm/aaaa")
    if valor is None:
        return 0
    texto = str(valor)
    # A long text wraps in the cell; its longest line decides.
    return max((len(linea) for linea in texto.splitlines()), default=0)


def _anchos(encabezados: list[str], primeras: list[list]) -> list[int]:
    anchos = []
    for indice, encabezado in enumerate(encabezados):
        mayor = max([len(encabezado) + 2, *(_ancho(fila[indice]) for fila in primeras)])
        anchos.append(min(max(mayor + 2, ANCHO_MINIMO), ANCHO_MAXIMO))
    return anchos


def escribir_xlsx(salida, filas: Iterable, columnas: list[Columna], titulo_hoja: str) -> int:
    """Write the workbook of `filas` to `salida` (a path or a binary file); returns how many
    rows it holds. Memory stays flat: write-only mode, rows read in chunks."""
    libro = Workbook(write_only=True)
    hoja = libro.create_sheet(title=re.sub(r"[\\/?*\[\]:]", " ", titulo_hoja)[:31] or "Datos")
    hoja.freeze_panes = "A2"
    encabezados = [str(titulo) for titulo, _accesor in columnas]
    valores = (list(map(_valor_xlsx, fila)) for fila in _filas_de_valores(filas, columnas))
    # Widths must be set before the first row: estimate them from the first rows.
    primeras = list(islice(valores, FILAS_PARA_ANCHOS))
    for indice, ancho in enumerate(_anchos(encabezados, primeras), start=1):
        hoja.column_dimensions[get_column_letter(indice)].width = ancho
    negrita = Font(bold=True)
    celdas = []
    for texto in encabezados:
        celda = WriteOnlyCell(hoja, value=texto)
        celda.font = negrita
        celdas.append(celda)
    hoja.append(celdas)
    total = 0
    for fila in chain(primeras, valores):
        celdas = []
        for valor in fila:
            celda = WriteOnlyCell(hoja, value=valor)
            if isinstance(valor, datetime):
                celda.number_format = FORMATO_FECHA_HORA_XLSX
            elif isinstance(valor, date):
                celda.number_format = FORMATO_FECHA_XLSX
            elif isinstance(valor, str) and celda.data_type == "f":
                celda.data_type = "s"  # text that starts with "=" is data, never a formula
            celdas.append(celda)
        hoja.append(celdas)
        total += 1
    # The filter covers the header and every row; openpyxl writes it after the rows.
    hoja.auto_filter.ref = f"A1:{get_column_letter(max(len(columnas), 1))}{total + 1}"
    libro.save(salida)
    return total


# --- responses ------------------------------------------------------------------------------


def respuesta_exportacion(
    filas: Iterable,
    columnas: list[Columna],
    *,
    formato: str,
    nombre: str,
    dialecto: DialectoCSV = EXCEL_ES_CO,
):
    """A download of `filas` as CSV (streamed as it is produced) or XLSX (bold frozen header
    with auto-filter, real dates, fitted widths).

    `columnas` is a list of (header, accessor): an attribute path such as "organismo.nombre"
    (methods along it are called) or a callable taking the row. `nombre` names the file.
    """
    if formato not in FORMATOS:
        raise ValueError(f"Formato de exportación desconocido: {formato!r}")
    archivo = nombre_de_archivo(str(nombre), formato)
    if formato == "csv":
        respuesta = StreamingHttpResponse(
            lineas_csv(filas, columnas, dialecto), content_type=TIPO_CSV
        )
        respuesta["Content-Disposition"] = f'attachment; filename="{archivo}"'
        return respuesta
    # An anonymous file, deleted when the response has sent and closed it.
    temporal = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115
    escribir_xlsx(temporal, filas, columnas, str(nombre))
    temporal.seek(0)
    return FileResponse(temporal, as_attachment=True, filename=archivo, content_type=TIPO_XLSX)


class PedidoDeExportacion(HttpResponse):
    """What a list answers when it is run to produce an export in the background: the rows
    and columns to write, not a file (see servicios.producir_exportacion)."""

    def __init__(self, *, filas, columnas: list[Columna], nombre_archivo: str):
        super().__init__(status=200)
        self.filas, self.columnas, self.nombre_archivo = filas, columnas, nombre_archivo
