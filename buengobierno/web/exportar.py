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
import io
import re
import tempfile
import zipfile
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
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
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
    if isinstance(valor, Miembros):
        return separador.join(str(v) for v in valor)
    return str(valor)


class Miembros(tuple):
    """The related rows of one row (a prefetched many-to-many), as a column shows them."""


def _hora_local(valor: datetime) -> datetime:
    # Spreadsheets have no time zones: write the local (Bogotá) wall-clock time.
    return timezone.make_naive(valor) if timezone.is_aware(valor) else valor


def _iterar(filas: Iterable) -> Iterator:
    """The rows one by one; a queryset is read in chunks (prefetches included), never whole."""
    if isinstance(filas, QuerySet):
        return filas.iterator(chunk_size=FILAS_POR_LOTE)
    return iter(filas)


_ETIQUETA = re.compile(r"^get_(\w+)_display$")


def _miembros_precargados(modelo, accesor: str | Callable) -> Callable | None:
    """For a column that names a many-to-many of `modelo`: read its prefetched rows
    straight from the row's cache. Going through the manager builds a manager and a
    queryset per row, which on 200,000 rows costs more than writing them."""
    if not isinstance(accesor, str) or "." in accesor or modelo is None:
        return None
    try:
        campo = modelo._meta.get_field(accesor)
    except Exception:
        return None
    if not (campo.many_to_many and campo.concrete):
        return None

    def leer(fila):
        precargados = getattr(fila, "_prefetched_objects_cache", {}).get(accesor)
        if precargados is None:
            return valor_de(fila, accesor)
        return Miembros(precargados)

    return leer


def _accesor_rapido(modelo, accesor: str | Callable) -> Callable:
    """valor_de(…, accesor) as a function for rows of `modelo`. A `get_<campo>_display`
    reads a table of the field's labels made once, not the translated choices again for
    every row (what Django does, and what dominates a long export)."""
    if precargados := _miembros_precargados(modelo, accesor):
        return precargados
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


# The parts of a workbook around its one sheet. Styles: 0 plain, 1 bold (the header),
# 2 a date, 3 a date and time (numFmt 164/165, as people in Colombia write them).
_TIPOS_DE_CONTENIDO = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>"
)
_RELACIONES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_RELACIONES_DEL_LIBRO = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    "</Relationships>"
)
_ESTILOS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    f'<numFmts count="2"><numFmt numFmtId="164" formatCode="{FORMATO_FECHA_XLSX}"/>'
    f'<numFmt numFmtId="165" formatCode="{FORMATO_FECHA_HORA_XLSX}"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
_EPOCA = datetime(1899, 12, 30)


def _texto_xml(texto: str) -> str:
    return texto.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _celda_xlsx(ref: str, valor) -> str:
    """One cell of the sheet's XML. Text is an inline string (never a formula, whatever it
    starts with); numbers, dates and times stay typed, as serial numbers with their format."""
    if valor is None or valor == "":  # an empty cell, as openpyxl leaves it
        return ""
    if isinstance(valor, bool):
        return f'<c r="{ref}" t="b"><v>{int(valor)}</v></c>'
    if isinstance(valor, datetime):
        serial = (valor.replace(tzinfo=None) - _EPOCA).total_seconds() / 86400
        return f'<c r="{ref}" s="3"><v>{serial!r}</v></c>'
    if isinstance(valor, date):
        return f'<c r="{ref}" s="2"><v>{(valor - _EPOCA.date()).days}</v></c>'
    if isinstance(valor, int | float | Decimal):
        return f'<c r="{ref}"><v>{valor}</v></c>'
    return (
        f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{_texto_xml(valor)}</t></is></c>'
    )


def escribir_xlsx(salida, filas: Iterable, columnas: list[Columna], titulo_hoja: str) -> int:
    """Write the workbook of `filas` to `salida` (a path or a binary file); returns how many
    rows it holds. Memory stays flat: rows read in chunks, the sheet's XML written to the
    zip as it is produced.

    The XML is written here rather than through openpyxl's cells: its write-only mode builds
    an object and an XML element per cell, which at 200,000 rows × 12 columns took minutes
    (it is fast only with lxml, which the platform does not need otherwise). The workbook is
    the same: bold frozen header, auto-filter, typed dates, fitted widths.
    """
    nombre_hoja = re.sub(r"[\\/?*\[\]:]", " ", titulo_hoja)[:31] or "Datos"
    encabezados = [str(titulo) for titulo, _accesor in columnas]
    letras = [get_column_letter(i) for i in range(1, max(len(columnas), 1) + 1)]
    valores = (list(map(_valor_xlsx, fila)) for fila in _filas_de_valores(filas, columnas))
    # Widths go before the rows: estimate them from the first rows.
    primeras = list(islice(valores, FILAS_PARA_ANCHOS))
    anchos = "".join(
        f'<col min="{i}" max="{i}" width="{ancho}" customWidth="1"/>'
        for i, ancho in enumerate(_anchos(encabezados, primeras), start=1)
    )
    total = 0
    with zipfile.ZipFile(salida, "w", zipfile.ZIP_DEFLATED) as libro:
        libro.writestr("[Content_Types].xml", _TIPOS_DE_CONTENIDO)
        libro.writestr("_rels/.rels", _RELACIONES)
        libro.writestr("xl/_rels/workbook.xml.rels", _RELACIONES_DEL_LIBRO)
        libro.writestr("xl/styles.xml", _ESTILOS)
        with libro.open("xl/worksheets/sheet1.xml", "w") as binario:
            hoja = io.TextIOWrapper(binario, encoding="utf-8", newline="")
            hoja.write(
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
                'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
                f"<cols>{anchos}</cols><sheetData>"
            )
            cabecera = "".join(
                _celda_xlsx(f"{letra}1", texto).replace("<c ", '<c s="1" ', 1)
                for letra, texto in zip(letras, encabezados, strict=False)
            )
            hoja.write(f'<row r="1">{cabecera}</row>')
            lote = []
            for numero, fila in enumerate(chain(primeras, valores), start=2):
                celdas = "".join(
                    _celda_xlsx(f"{letra}{numero}", valor)
                    for letra, valor in zip(letras, fila, strict=False)
                )
                lote.append(f'<row r="{numero}">{celdas}</row>')
                total += 1
                if len(lote) == 500:
                    hoja.write("".join(lote))
                    lote = []
            hoja.write("".join(lote))
            ultima = f"{letras[-1]}{total + 1}"
            hoja.write(f'</sheetData><autoFilter ref="A1:{ultima}"/></worksheet>')
            hoja.flush()
            hoja.detach()
        libro.writestr(
            "xl/workbook.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'<sheets><sheet name="{_texto_xml(nombre_hoja).replace(chr(34), "&quot;")}" '
            'sheetId="1" r:id="rId1"/></sheets>'
            '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" '
            f"hidden=\"1\">'{_texto_xml(nombre_hoja.replace(chr(39), chr(39) * 2))}'!$A$1:${letras[-1]}${total + 1}"
            "</definedName></definedNames></workbook>",
        )
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
