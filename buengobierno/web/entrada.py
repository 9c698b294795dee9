"""One guard for what people (and scripts) send: bad input gets a message or a 404, never a 500.

What a form or a URL accepts, for every procedure:

- **Dates and date-times** between FECHA_MINIMA and FECHA_MAXIMA (the years of the business-day
  calendar, 2000–2100): `acotar(form)` gives every DateField/DateTimeField of a form that
  bound, with the message beside the field. A date the calendar cannot count would otherwise
  end in an overflow (9999-12-31 plus one day) or in a deadline nobody can compute.
- **Free text** (a CharField without max_length, i.e. a text area) at most TEXTO_MAXIMO
  characters; `acotar` sets it.
- **Lists typed one item a line** (the agenda of a meeting): `validar_lineas` — at most
  LINEAS_MAXIMAS lines of up to CARACTERES_POR_LINEA characters.
- **Several records picked at once** (invitees, organisms, co-responsibles): `CampoVarios`
  (a ModelMultipleChoiceField) takes at most ELEGIDOS_MAXIMOS ids, each a whole number the
  database can hold; `CampoPersonas` of `formularios` is one.
- **Ids in the query string** (`?instancia=12`): `entero(valor)` is the number or None
  (never an exception), so the view treats "abc" or a 20-digit id as "none chosen".
- **A month in the query string** (`?mes=2026-12`): `mes_pedido(valor)` is its first day, or
  None for anything else, out of the range included.
- **The search box of every list** (`ListaView`, `?q=`): at most PALABRAS_BUSQUEDA words and
  CARACTERES_BUSQUEDA characters; more is refused beside the box (each word is one condition
  over several columns: a thousand of them is a query no database plans).

A form calls `acotar(self)` at the end of its `__init__`; `FormularioDeAccion` and the filter
forms of `ListaView` do it for theirs. That a procedure's pages hold up is checked by one
test, `tests/plataforma/test_entrada_hostil.py`, over what each procedure registers in its
`<app>/sondas.py` (see `Lista`, `Formulario` and `sondas_registradas` below, and the README's
"How a procedure app plugs into the platform").
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from importlib import import_module

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.module_loading import module_has_submodule
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from buengobierno.plazos.tabla import DESDE as FECHA_MINIMA
from buengobierno.plazos.tabla import HASTA as FECHA_MAXIMA

TEXTO_MAXIMO = 20_000  # characters of one free-text box (about ten pages)
LINEAS_MAXIMAS = 100  # items of a list typed one a line
CARACTERES_POR_LINEA = 255  # an agenda item's title (PuntoOrden.titulo)
ELEGIDOS_MAXIMOS = 200  # records picked at once in one field
PALABRAS_BUSQUEDA = 10
CARACTERES_BUSQUEDA = 200
ID_MAXIMO = 2**63 - 1  # the largest id a BIGINT column holds


# --- values ---------------------------------------------------------------------------------


def entero(valor) -> int | None:
    """A positive id as sent in a URL or a form ("12"), or None for anything else: empty, not
    a number, or too large for the database ("abc", "1e3", twenty digits)."""
    texto = str(valor or "").strip()
    if not texto.isascii() or not texto.isdigit():
        return None
    numero = int(texto)
    return numero if 0 < numero <= ID_MAXIMO else None


def en_rango(fecha: date) -> bool:
    if isinstance(fecha, datetime):
        # Its own calendar day: converting 9999-12-31 23:00 to another zone would overflow.
        fecha = fecha.date()
    return FECHA_MINIMA <= fecha <= FECHA_MAXIMA


def validar_fecha(valor) -> None:
    """A date or date-time within the years the system counts (2000–2100)."""
    if valor and not en_rango(valor):
        raise ValidationError(
            _("Escriba una fecha entre los años %(desde)s y %(hasta)s."),
            code="fuera_de_rango",
            params={"desde": FECHA_MINIMA.year, "hasta": FECHA_MAXIMA.year},
        )


def mensajes_de_fecha(valor) -> list[str]:
    """validar_fecha's messages for `valor` (empty when it is within the range), for a
    service that gathers its errors per field."""
    try:
        validar_fecha(valor)
    except ValidationError as error:
        return error.messages
    return []


def mes_pedido(texto) -> date | None:
    """The first day of the month "AAAA-MM" (?mes=2026-12), None if it is not one of the
    months the system counts."""
    anio, guion, mes = str(texto or "").strip().partition("-")
    if not guion or not (anio.isascii() and anio.isdigit() and len(anio) == 4):
        return None
    if not (mes.isascii() and mes.isdigit() and len(mes) <= 2 and 1 <= int(mes) <= 12):
        return None
    primero = date(int(anio), int(mes), 1)
    return primero if en_rango(primero) else None


def validar_lineas(
    texto: str, *, maximo: int = LINEAS_MAXIMAS, largo: int = CARACTERES_POR_LINEA
) -> list[str]:
    """The non-blank lines of `texto`, stripped; ValidationError when there are more than
    `maximo` or one is longer than `largo` characters (saying which)."""
    lineas = [linea.strip() for linea in str(texto or "").splitlines() if linea.strip()]
    if len(lineas) > maximo:
        raise ValidationError(
            ngettext_lazy(
                "Escriba como máximo %(maximo)s línea; tiene %(cuantas)s.",
                "Escriba como máximo %(maximo)s líneas; tiene %(cuantas)s.",
                "maximo",
            ),
            code="demasiadas_lineas",
            params={"maximo": maximo, "cuantas": len(lineas)},
        )
    for numero, linea in enumerate(lineas, start=1):
        if len(linea) > largo:
            raise ValidationError(
                _("La línea %(numero)s tiene %(largo)s caracteres; el máximo es %(maximo)s."),
                code="linea_larga",
                params={"numero": numero, "largo": len(linea), "maximo": largo},
            )
    return lineas


def validar_busqueda(texto) -> None:
    """The search box of a list: a few words (each is one condition over several columns)."""
    texto = str(texto or "")
    if len(texto.split()) > PALABRAS_BUSQUEDA:
        raise ValidationError(
            _("Busque con menos palabras: como máximo %(maximo)s."),
            code="busqueda_larga",
            params={"maximo": PALABRAS_BUSQUEDA},
        )
    if len(texto) > CARACTERES_BUSQUEDA:
        raise ValidationError(
            _("Busque con menos texto: como máximo %(maximo)s caracteres."),
            code="busqueda_larga",
            params={"maximo": CARACTERES_BUSQUEDA},
        )


# --- fields and forms ------------------------------------------------------------------------


class CampoVarios(forms.ModelMultipleChoiceField):
    """Several records picked by id, at most ELEGIDOS_MAXIMOS, each id a number the database
    holds (Django would otherwise send a twenty-digit id into an IN (...) and fail)."""

    def __init__(self, *args, maximo: int = ELEGIDOS_MAXIMOS, **kwargs):
        self.maximo = maximo
        super().__init__(*args, **kwargs)

    def _check_values(self, value):
        valores = list(dict.fromkeys(str(v) for v in value))
        if len(valores) > self.maximo:
            raise ValidationError(
                _("Escoja como máximo %(maximo)s."),
                code="demasiados",
                params={"maximo": self.maximo},
            )
        if self.to_field_name in (None, "pk", "id"):
            for valor in valores:
                if entero(valor) is None:
                    raise ValidationError(
                        self.error_messages["invalid_choice"],
                        code="invalid_choice",
                        params={"value": valor[:20]},
                    )
        return super()._check_values(valores)


def acotar(formulario):
    """Bound every field of `formulario` as the platform does (see the module docstring):
    dates to 2000–2100 and free text to TEXTO_MAXIMO characters. Returns the form."""
    for campo in formulario.fields.values():
        if isinstance(campo, forms.DateField | forms.DateTimeField | forms.SplitDateTimeField):
            if validar_fecha not in campo.validators:
                campo.validators.append(validar_fecha)
        elif type(campo) is forms.CharField and campo.max_length is None:
            campo.max_length = TEXTO_MAXIMO
            campo.validators.append(MaxLengthValidator(TEXTO_MAXIMO))
            campo.widget.attrs.setdefault("maxlength", str(TEXTO_MAXIMO))
    formulario.acotado = True
    return formulario


# --- the registry of what each procedure exposes ----------------------------------------------
# Each procedure app may have a module `sondas.py` with
#
#     def escenario(*, usuarios) -> dict:
#         '''Create, through the app's services, the records its pages need (a meeting, a
#         commitment…) and return them by name. `usuarios`: one user per role, keyed as
#         the demo's (despacho, secretario, directivo, enlace, consulta, admin…).'''
#
#     SONDAS = [Lista(...), Formulario(...), ...]
#
# The hostile-input test builds every registered scenario once per run and sends every
# hostile value to every GET parameter of every Lista and every field of every Formulario.


@dataclass(frozen=True)
class Lista:
    """A page read with GET parameters: its filter form's fields are found from the page's
    context (a ListaView's filterset), `parametros` adds others it reads."""

    nombre: str
    url: str  # URL name
    args: tuple[str, ...] = ()  # names of records of the scenario (their pk)
    parametros: tuple[str, ...] = ()
    usuario: str = "despacho"  # a key of `usuarios`; "" reads it signed out (a feed)


@dataclass(frozen=True)
class Formulario:
    """A form posted to `url`. Its fields are those of each (form class, prefix) of `clases`
    (found from the class, so a new field is probed at once; a MultiWidget's parts too),
    plus `campos` and the keys of `datos(escenario)`, a valid submission over which each is
    sent hostile values one at a time. `htmx`: post as htmx does (the live page)."""

    nombre: str
    url: str
    args: tuple[str, ...] = ()
    clases: tuple[tuple[type, str], ...] = ()
    campos: tuple[str, ...] = ()
    datos: Callable[[dict], dict] = field(default=lambda escenario: {})
    usuario: str = "despacho"
    htmx: bool = False

    def nombres_de_campos(self, escenario: dict) -> list[str]:
        from buengobierno.web import concurrencia

        nombres = []
        for clase, prefijo in self.clases:
            campos = dict(clase.base_fields)
            if issubclass(clase, concurrencia.ConVersion):  # its hidden field, added per form
                campos[concurrencia.CAMPO] = forms.CharField()
            for nombre, campo in campos.items():
                if campo.widget.needs_multipart_form:
                    continue  # a file: a value posted in its name is never read
                nombre = f"{prefijo}-{nombre}" if prefijo else nombre
                nombres.append(nombre)
                nombres += [
                    f"{nombre}{sufijo}" for sufijo in getattr(campo.widget, "widgets_names", ())
                ]
        nombres += [*self.campos, *self.datos(escenario)]
        return list(dict.fromkeys(nombres))


def sondas_registradas() -> list[tuple[str, object]]:
    """[(code, module)]: the platform's own pages (buengobierno/web/sondas.py), then each
    procedure with a `sondas` module, in procedure-code order."""
    from buengobierno.web.procedimientos import procedimientos

    return [
        ("plataforma", import_module("buengobierno.web.sondas")),
        *(
            (config.codigo_corto, import_module(f"{config.name}.sondas"))
            for config in procedimientos()
            if module_has_submodule(config.module, "sondas")
        ),
    ]
