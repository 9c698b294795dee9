"""Dates, times and numbers as the Alcaldía writes them, in every page, PDF, e-mail and notice.

    fecha_larga(d)            9 de diciembre de 2026
    hora(t)                   2:00 p. m.
    fecha_hora_larga(dt)      9 de diciembre de 2026, 2:00 p. m.
    rango_horas(ini, fin)     9 de diciembre de 2026, 2:00 p. m. – 3:30 p. m.
    numero(1234.5, 1)         1.234,5
    porcentaje(85)            85 %
    fecha_entrada(d)          09/12/2026 (what a date input shows and accepts)
    leer_fecha("9/12/2026")   date(2026, 12, 9) (also 2026-12-09, 9-12-2026, 09122026)
    frase(texto)              the text ending in exactly one period ("… p. m." stays as it is)

Django's Spanish catalogue capitalises month names and writes "p.m."; Colombian official
documents use lower case and "p. m." (RAE), and a person never reads an ISO date. Templates
use the same functions through `{% load formato %}` (see buengobierno/web/templatetags).
"""

import re
from datetime import date, datetime, time
from functools import lru_cache

from django.utils import timezone
from django.utils.dateformat import format as formatear
from django.utils.translation import get_language
from django.utils.translation import gettext as _

RAYA = "–"  # between the two ends of a range, with a space on each side


def _local(valor):
    if isinstance(valor, datetime) and timezone.is_aware(valor):
        return timezone.localtime(valor)
    return valor


def fecha_larga(valor: date | datetime | None) -> str:
    """'9 de diciembre de 2026' (an aware datetime is shown in local time)."""
    if not valor:
        return ""
    valor = _local(valor)
    dia = valor.date() if isinstance(valor, datetime) else valor
    return _fecha_larga_del_dia(dia, get_language())


@lru_cache(maxsize=8192)
def _fecha_larga_del_dia(dia: date, _idioma: str) -> str:
    # Written once per day and language: lists write two or three dates a row.
    mes = formatear(dia, "F").lower()
    return _("%(dia)s de %(mes)s de %(anio)s") % {"dia": dia.day, "mes": mes, "anio": dia.year}


def dia_y_fecha(valor: date | datetime | None) -> str:
    """'miércoles, 9 de diciembre de 2026'."""
    if not valor:
        return ""
    valor = _local(valor)
    return f"{formatear(valor, 'l').lower()}, {fecha_larga(valor)}"


def mes_y_anio(valor: date | None) -> str:
    """'Diciembre de 2026' (a calendar's title)."""
    if not valor:
        return ""
    return _("%(mes)s de %(anio)s") % {
        "mes": formatear(valor, "F").capitalize(),
        "anio": valor.year,
    }


def plazo_relativo(fecha: date | None, hoy: date | None = None) -> str:
    """'hoy', 'mañana', 'en 3 días', 'ayer', 'hace 5 días' (calendar days from today)."""
    if not fecha:
        return ""
    dias = (fecha - (hoy or timezone.localdate())).days
    if dias == 0:
        return _("hoy")
    if dias == 1:
        return _("mañana")
    if dias == -1:
        return _("ayer")
    if dias > 1:
        return _("en %(n)s días") % {"n": dias}
    return _("hace %(n)s días") % {"n": -dias}


def hora(valor: time | datetime | None) -> str:
    """'2:00 p. m.', '12:30 a. m.' (12-hour clock, as Colombia reads it)."""
    if valor is None:
        return ""
    valor = _local(valor)
    horas = valor.hour % 12 or 12
    meridiano = _("a. m.") if valor.hour < 12 else _("p. m.")
    return f"{horas}:{valor.minute:02d} {meridiano}"


def fecha_hora_larga(valor: datetime | None) -> str:
    """'9 de diciembre de 2026, 2:00 p. m.' in local time."""
    if not valor:
        return ""
    return f"{fecha_larga(valor)}, {hora(valor)}"


def rango_horas(inicio: datetime | None, fin: datetime | None) -> str:
    """'9 de diciembre de 2026, 2:00 p. m. – 3:30 p. m.'; the end's date only when it differs."""
    if not inicio:
        return ""
    if not fin:
        return fecha_hora_larga(inicio)
    if _local(inicio).date() == _local(fin).date():
        return f"{fecha_hora_larga(inicio)} {RAYA} {hora(fin)}"
    return f"{fecha_hora_larga(inicio)} {RAYA} {fecha_hora_larga(fin)}"


def numero(valor, decimales: int = 0) -> str:
    """'1.234,5': point for thousands and comma for decimals (es-CO)."""
    if valor is None or valor == "":
        return ""
    texto = f"{float(valor):,.{decimales}f}"
    return texto.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def porcentaje(valor, decimales: int = 0) -> str:
    """'85 %' (with the space the SI and the RAE ask for); '—' when there is no figure."""
    if valor is None or valor == "":
        return "—"
    return f"{numero(valor, decimales)} %"


def fecha_entrada(valor: date | datetime | None) -> str:
    """'09/12/2026': how a date input shows a date, day first, whatever the browser's language."""
    if not valor:
        return ""
    valor = _local(valor)
    return f"{valor.day:02d}/{valor.month:02d}/{valor.year:04d}"


_DIA_MES_ANIO = re.compile(r"^\s*(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_OCHO_CIFRAS = re.compile(r"^\s*(\d{2})(\d{2})(\d{4})\s*$")


def leer_fecha(texto: str | None) -> date | None:
    """The date a person typed, day first ('9/12/2026', '09-12-2026', '09122026'), or an ISO
    date ('2026-12-09', what the page's scripts and older links send). None if it is not one."""
    if not texto:
        return None
    for patron, orden in ((_DIA_MES_ANIO, (2, 1, 0)), (_OCHO_CIFRAS, (2, 1, 0)), (_ISO, (0, 1, 2))):
        encontrado = patron.match(str(texto))
        if encontrado:
            partes = [int(p) for p in encontrado.groups()]
            try:
                return date(partes[orden[0]], partes[orden[1]], partes[orden[2]])
            except ValueError:
                return None
    return None


def frase(texto) -> str:
    """`texto` as a sentence ending in one period: 'a las 8:41 a. m.' does not get a second."""
    texto = str(texto or "").rstrip()
    if not texto or texto.endswith((".", "…", "?", "!")):
        return texto
    return texto + "."


# Nouns that end in -a and are masculine, for "Todos"/"Todas" (the filter forms).
_MASCULINOS_EN_A = {"día", "mapa", "tema", "problema", "sistema", "programa", "esquema"}
_FEMENINOS = ("a", "ad", "ión", "umbre", "ez", "is", "ud")
_FEMENINOS_SUELTOS = {"red", "fecha", "mujer", "sede"}


def es_femenino(sustantivo: str) -> bool:
    """A rough rule for the first noun of a label ('Instancia' yes, 'Organismo' no)."""
    palabra = (str(sustantivo).split() or [""])[0].lower()
    if palabra in _MASCULINOS_EN_A:
        return False
    return palabra in _FEMENINOS_SUELTOS or palabra.endswith(_FEMENINOS)


# The common nouns that head the names of bodies ("Junta Directiva de…", "Secretaría de…"):
# those take an article in a sentence; a proper name ("Metrocali S.A.", "EMCALI") does not.
_CUERPOS = {
    "agencia",
    "alcaldía",
    "asamblea",
    "asociación",
    "cámara",
    "comisión",
    "comité",
    "concejo",
    "consejo",
    "contraloría",
    "corporación",
    "departamento",
    "dirección",
    "empresa",
    "fondo",
    "fundación",
    "gerencia",
    "gobernación",
    "instituto",
    "junta",
    "mesa",
    "ministerio",
    "oficina",
    "personería",
    "red",
    "secretaría",
    "sistema",
    "sociedad",
    "subdirección",
    "superintendencia",
    "unidad",
    "universidad",
}


def con_articulo(nombre) -> str:
    """'la Junta Directiva de EMCALI', 'el Consejo Territorial…' (names of bodies, in a
    sentence). A proper name, or one that already starts with an article, is left alone."""
    nombre = str(nombre or "").strip()
    primera = (nombre.split() or [""])[0].lower()
    if primera not in _CUERPOS:
        return nombre
    return f"{'la' if es_femenino(primera) else 'el'} {nombre}"


def _con_preposicion(preposicion: str, nombre) -> str:
    """'de la Junta…', 'del Consejo…', 'a la Mesa…', 'al Comité…' ("de el" and "a el" contract)."""
    texto = con_articulo(nombre)
    if texto != str(nombre).strip() and texto.startswith("el "):
        return f"{preposicion}l {texto[3:]}"
    return f"{preposicion} {texto}"


def de(nombre) -> str:
    """'de la Junta Directiva…', 'del Consejo…', 'de Metrocali S.A.'."""
    return _con_preposicion("de", nombre)


def a(nombre) -> str:
    """'a la Junta Directiva…', 'al Consejo…', 'a Metrocali S.A.'."""
    return _con_preposicion("a", nombre)


def todos(etiqueta) -> str:
    """'Todos' or 'Todas' agreeing with the label of a filter ('Instancia' → 'Todas')."""
    return _("Todas") if es_femenino(etiqueta) else _("Todos")


def ninguno(etiqueta) -> str:
    """'Ninguno' or 'Ninguna' agreeing with a label ('Meta estratégica' → 'Ninguna')."""
    return _("Ninguna") if es_femenino(etiqueta) else _("Ninguno")
