"""One way to list records in every procedure: visible rows, filters, search, pages, export.

    class ListaCompromisos(ListaView):
        modelo = Compromiso
        filterset_class = FiltroCompromisos          # a django-filter FilterSet (optional)
        campos_busqueda = ("descripcion", "responsable__first_name", "organismo__sigla")
        relacionados = ("responsable", "organismo")  # select_related: same queries for 1 or 1,000 rows
        columnas_exportacion = [(_("Compromiso"), "descripcion"), (_("Vence"), "fecha_limite")]
        titulo = _("Compromisos")
        template_name = "compromisos/lista.html"

The template includes "web/_filtros.html" (filter form with the search box and the export
buttons) and "web/_paginacion.html", and loops over `object_list` (the current page). The
default template "web/lista.html" shows `columnas_lista` (default: the export columns) as a
table through "web/_tabla.html" (context `encabezados` and `filas` [(objeto, [texts], url)]).
`?q=` searches, `?exportar=csv` or `?exportar=xlsx` downloads every filtered row (the CSV in
Excel's es-CO dialect; `&separador=coma` for a standard one). The CSV streams whatever its size;
an XLSX of more than EXPORTACION_FILAS_EN_LINEA rows is produced in the background and offered
in Mi escritorio and by e-mail (buengobierno.web.servicios).

On a phone (below the md breakpoint) every list is a column of cards, never a table cut at
the right edge: `tarjeta(objeto)` returns a `Tarjeta` (title, state, due date, responsible,
one action); by default the first list column is the title and the others its details.
A procedure says what its cards show by overriding it:

    def tarjeta(self, c):
        return Tarjeta(titulo=str(c), url=c.get_absolute_url(), estado=c.estado_mostrado,
                       clase_estado=clase_estado(c), fecha=c.fecha_limite,
                       responsable=str(c.responsable or ""), vencido=c.vencido)

`preparar_pagina(objetos)` runs once with the rows of the page before cards and rows are
built (fetch in one query what they need beside the rows). The filter form is compact: the
search box and a "Filtros" button on one row, the other filters folded below it, and each
active filter shown as a chip that removes it; empty choices read "Todos"/"Todas" and
yes/no filters "Sí"/"No" (see `ajustar_formulario_de_filtros`).
"""

import hashlib
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cached_property, reduce
from html import escape
from operator import or_

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet, ImproperlyConfigured
from django.core.paginator import Paginator
from django.db.models import Q
from django.forms.utils import flatatt
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import conditional_escape, format_html
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django_filters.views import FilterView

from buengobierno.documentos.formato import fecha_hora_larga, fecha_larga, todos
from buengobierno.web import servicios
from buengobierno.web.entrada import CARACTERES_BUSQUEDA, acotar, validar_busqueda
from buengobierno.web.exportar import (
    FORMATOS,
    PedidoDeExportacion,
    como_texto,
    dialecto_csv,
    respuesta_exportacion,
    valor_de,
)
from buengobierno.web.opciones import guardadas_de, opcion, vacias_de


@dataclass(frozen=True)
class Tarjeta:
    """One row of a list as a card on a phone."""

    titulo: str
    url: str = ""
    estado: str = ""
    clase_estado: str = "text-bg-secondary"  # the badge's colour classes
    fecha: date | None = None  # a date, or a datetime shown with its time
    etiqueta_fecha: str = ""  # "Vence", "Sesión"…; default "Fecha"
    responsable: str = ""
    etiqueta_responsable: str = ""  # default "Responsable"
    detalles: list = field(default_factory=list)  # [(label, text)]
    accion: tuple | None = None  # (text, url)
    vencido: bool = False

    @property
    def fecha_mostrada(self) -> str:
        if isinstance(self.fecha, datetime):
            return fecha_hora_larga(self.fecha)
        return fecha_larga(self.fecha)

    def html(self) -> str:
        """The card as web/_tarjetas.html draws it, written in Python: a template per card
        and per detail cost more than the page's query."""
        e = conditional_escape
        if self.url:
            titulo = f'<a class="titulo" href="{e(self.url)}">{e(self.titulo)}</a>'
        else:
            titulo = f'<span class="titulo">{e(self.titulo)}</span>'
        estado = (
            f'<span class="badge {e(self.clase_estado)}">{e(self.estado)}</span>'
            if self.estado
            else ""
        )
        partes = [
            f'<li class="tarjeta-registro{" vencida" if self.vencido else ""}">'
            f'<div class="d-flex justify-content-between align-items-start gap-2">'
            f"{titulo}{estado}</div>"
        ]
        if self.fecha or self.responsable or self.detalles:
            partes.append('<dl class="datos">')
            if self.fecha:
                clase = ' class="text-danger fw-semibold"' if self.vencido else ""
                etiqueta = self.etiqueta_fecha or _("Fecha")
                partes.append(
                    f"<div><dt>{e(etiqueta)}</dt><dd{clase}>{e(self.fecha_mostrada)}</dd></div>"
                )
            if self.responsable:
                etiqueta = self.etiqueta_responsable or _("Responsable")
                partes.append(f"<div><dt>{e(etiqueta)}</dt><dd>{e(self.responsable)}</dd></div>")
            partes.extend(
                f"<div><dt>{e(etiqueta)}</dt><dd>{e(texto)}</dd></div>"
                for etiqueta, texto in self.detalles
            )
            partes.append("</dl>")
        if self.accion:
            texto, url = self.accion
            partes.append(
                f'<a class="btn btn-sm btn-outline-primary mt-2" href="{e(url)}">{e(texto)}</a>'
            )
        partes.append("</li>")
        return "".join(partes)


def lista_de_tarjetas(tarjetas, mensaje_vacio="") -> str:
    """A list's cards for a phone (hidden from md up, where the table shows)."""
    cuerpo = "".join(t.html() for t in tarjetas) or (
        '<li class="tarjeta-registro text-center text-secondary">'
        f"{conditional_escape(mensaje_vacio or _('No hay registros que coincidan con los filtros.'))}"
        "</li>"
    )
    return mark_safe(f'<ul class="lista-tarjetas d-md-none list-unstyled">{cuerpo}</ul>')  # noqa: S308


@dataclass(frozen=True)
class FiltroActivo:
    """A filter in use, shown as a chip; `quitar` is the page's URL without it."""

    etiqueta: str
    valor: str
    quitar: str


class SelectoRapido(forms.Select):
    """A single <select> written in Python, with the same markup as Django's.

    Django renders each <option> through a template: on a filter form with a few hundred
    options (people, metas, organisms) that costs more than the rest of a list page, on
    every request. Attributes, the selected value and option groups are kept. With
    `campo` (a ModelChoiceField), the records come from web.opciones, kept between
    requests with their HTML, instead of the database.
    """

    campo = None

    def render(self, name, value, attrs=None, renderer=None):
        atributos = {"name": name, **self.build_attrs(self.attrs, attrs)}
        elegidos = set(self.format_value(value))
        partes = [format_html("<select{}>", flatatt(atributos))]
        if self.campo is not None:
            partes.extend(opcion(v, e, v in elegidos) for v, e in vacias_de(self.campo))
            guardadas = guardadas_de(self.campo)
            html = guardadas.html
            for elegido in elegidos - {""}:
                marca = f'<option value="{escape(elegido)}">'
                html = html.replace(marca, f"{marca[:-1]} selected>", 1)
            partes.append(html)
        for valor, etiqueta in () if self.campo is not None else self.choices:
            if isinstance(etiqueta, list | tuple):  # an option group
                partes.append(f'<optgroup label="{escape(str(valor))}">')
                partes.extend(opcion(v, e, str(v) in elegidos) for v, e in etiqueta)
                partes.append("</optgroup>")
            else:
                partes.append(opcion(valor, etiqueta, _texto(valor) in elegidos))
        partes.append("</select>")
        return mark_safe("".join(partes))  # noqa: S308 — every text in it is escaped


def _texto(valor) -> str:
    return "" if valor is None else str(valor)


ITERADORES_SIMPLES = (forms.models.ModelChoiceIterator, django_filters.fields.ModelChoiceIterator)


def _selecto_rapido(widget, campo=None) -> forms.Widget:
    if type(widget) is not forms.Select:  # a widget with its own template keeps it
        return widget
    rapido = SelectoRapido(attrs=widget.attrs)
    # Fields that group or decorate their options keep Django's iterator.
    if isinstance(campo, forms.ModelChoiceField) and campo.iterator in ITERADORES_SIMPLES:
        rapido.campo = campo
    else:
        rapido.choices = widget.choices
    rapido.is_required = widget.is_required
    return rapido


# Widgets the filter bar draws itself; any other (a checkbox, a multiple choice, a file…)
# goes through crispy's field template.
_CLASE_DE_ENTRADA = {
    SelectoRapido: "form-select",
    forms.TextInput: "form-control",
    forms.DateInput: "form-control",
    forms.NumberInput: "form-control",
}


def campo_de_filtro(campo, parte: str = "") -> str:
    """One filter of a list's filter bar, as crispy-bootstrap5 draws it (the wrapper, the
    label, the input with its classes, the errors and help) without its templates: they
    cost more than the rest of a list page. `parte="entrada"`: the input alone (the search
    box, which has its own wrapper)."""
    widget = campo.field.widget
    clase = next((c for tipo, c in _CLASE_DE_ENTRADA.items() if isinstance(widget, tipo)), None)
    if clase is None or campo.is_hidden:
        from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field

        return as_crispy_field(campo)
    nombre_clase = type(widget).__name__.lower()
    propia = widget.attrs.get("class", "")
    if nombre_clase not in propia:
        propia = f"{propia} {nombre_clase}".strip()
    errores = campo.errors
    atributos = {"class": f"{propia} {clase}{' is-invalid' if errores else ''}"}
    if parte == "entrada":  # the search box: its error goes below the whole input group
        if errores:
            atributos["aria-describedby"] = "error-busqueda"
        return campo.as_widget(attrs=atributos)
    entrada = campo.as_widget(attrs=atributos)
    requerido = campo.field.required
    marca = '<span class="asteriskField" aria-hidden="true">*</span>' if requerido else ""
    clase_etiqueta = "form-label requiredField" if requerido else "form-label"
    partes = [
        f'<div id="div_{campo.auto_id}" class="mb-3">'
        f'<label for="{campo.id_for_label}" class="{clase_etiqueta}">'
        f"{conditional_escape(campo.label)}{marca}</label>",
        entrada,
    ]
    if errores:
        partes.append(f'<div id="{errores.field_id}_error" class="invalid-feedback">')
        partes.extend(
            f'<p id="error_{numero}_{campo.auto_id}"><strong>{conditional_escape(error)}</strong></p>'
            for numero, error in enumerate(errores, start=1)
        )
        partes.append("</div>")
    if campo.help_text:
        partes.append(
            f'<div id="{campo.auto_id}_helptext" class="form-text">{campo.help_text}</div>'
        )
    partes.append("</div>")
    return mark_safe("".join(partes))  # noqa: S308 — labels and errors are escaped


def ajustar_formulario_de_filtros(form) -> None:
    """Spanish, agreeing labels for "any value": "Todos"/"Todas" instead of "---------",
    and a yes/no filter as Todas/Sí/No instead of "Desconocido"."""
    for campo in form.fields.values():
        etiqueta = campo.label or ""
        if isinstance(campo, forms.NullBooleanField):
            campo.widget = forms.Select(
                choices=[("", todos(etiqueta)), ("true", _("Sí")), ("false", _("No"))]
            )
        elif isinstance(campo, forms.ModelChoiceField) and not isinstance(
            campo, forms.ModelMultipleChoiceField
        ):
            if campo.empty_label in (None, "---------") or "data-buscador" in campo.widget.attrs:
                campo.empty_label = todos(etiqueta)
                campo.widget.choices = campo.choices
        elif isinstance(campo, forms.ChoiceField):
            opciones = list(campo.choices)
            if opciones and opciones[0][0] == "" and str(opciones[0][1]).startswith("---"):
                campo.choices = [("", todos(etiqueta)), *opciones[1:]]
        campo.widget = _selecto_rapido(campo.widget, campo)


def _texto_del_filtro(campo, valor) -> str:
    if valor in (None, "", []):
        return ""
    if isinstance(campo, forms.NullBooleanField):
        return str(_("Sí") if valor else _("No"))
    if isinstance(campo, forms.ModelChoiceField):
        return str(campo.label_from_instance(valor))
    if isinstance(campo, forms.ChoiceField):
        return str(dict(campo.choices).get(str(valor), valor))
    if isinstance(valor, date):
        return fecha_larga(valor)
    return f"«{valor}»"


def filtros_activos(filtro, request) -> list[FiltroActivo]:
    """The chips of the filters in use, each with a link that takes it away."""
    if filtro is None or not filtro.is_bound or not filtro.form.is_valid():
        return []
    chips = []
    for nombre, campo in filtro.form.fields.items():
        texto = _texto_del_filtro(campo, filtro.form.cleaned_data.get(nombre))
        if not texto:
            continue
        resto = [
            (clave, valor)
            for clave, valores in request.GET.lists()
            for valor in valores
            if clave not in {nombre, "page", "exportar"}
        ]
        quitar = request.path + (f"?{urlencode(resto)}" if resto else "")
        chips.append(FiltroActivo(etiqueta=str(campo.label or nombre), valor=texto, quitar=quitar))
    return chips


class _FiltroVacio(django_filters.FilterSet):
    pass


class Paginador(Paginator):
    """Django's paginator, except that the count of a long list is kept for a minute.

    Counting 200,000 keys on every page would cost more than reading the page itself, and
    "de 200.314 registros" need not move with each new row. A list under
    CONTAR_SIEMPRE_HASTA rows is counted on every request, exactly.
    """

    CONTAR_SIEMPRE_HASTA = 10_000
    SEGUNDOS_EN_CACHE = 60

    def __init__(self, *args, clave: str | None = None, **kwargs):
        # What the count is kept under: ListaView names it by the page and the person (no
        # SQL to compile); without it, the query's SQL does.
        self.clave = clave
        super().__init__(*args, **kwargs)

    @cached_property
    def count(self) -> int:
        clave = self._clave()
        if clave:
            with suppress(Exception):  # a cache outage only costs the count
                guardado = cache.get(clave)
                if guardado is not None:
                    return guardado
        total = super().count
        if clave and total > self.CONTAR_SIEMPRE_HASTA:
            with suppress(Exception):
                cache.set(clave, total, self.SEGUNDOS_EN_CACHE)
        return total

    def _clave(self) -> str | None:
        if self.clave:
            return self.clave
        consulta = getattr(self.object_list, "query", None)
        if consulta is None:
            return None
        try:
            sql, parametros = consulta.sql_with_params()
        except EmptyResultSet:
            return None
        huella = hashlib.sha256(f"{sql}|{parametros!r}".encode()).hexdigest()
        return f"listas:conteo:{huella}"


class FiltroDia(django_filters.DateFilter):
    """From (desde=True) or up to (desde=False) a day, over a DateTimeField: compares with
    the bounds of that local (Bogotá) day, which the column's index serves, instead of
    converting every row's timestamp to a date."""

    def __init__(self, *args, desde: bool = True, **kwargs):
        self.desde = desde
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if value in django_filters.constants.EMPTY_VALUES:
            return qs
        if self.desde:
            return qs.filter(**{f"{self.field_name}__gte": _comienzo_del_dia(value)})
        if value == date.max:  # up to the end of time: no bound (and no overflow)
            return qs
        return qs.filter(**{f"{self.field_name}__lt": _comienzo_del_dia(value + timedelta(1))})


def _comienzo_del_dia(dia: date) -> datetime:
    return timezone.make_aware(datetime.combine(dia, time.min))


class ListaView(LoginRequiredMixin, FilterView):
    """A list of the records of `modelo` the user may see, with filters, search and export."""

    modelo = None
    filterset_class = None
    campos_busqueda: tuple[str, ...] = ()
    texto_busqueda = _("Buscar…")  # placeholder of the search box
    columnas_exportacion: list = []
    columnas_lista: list | None = None
    relacionados: tuple[str, ...] = ()
    prefetch: tuple[str, ...] = ()
    prefetch_exportacion: tuple[str, ...] = ()  # what only the export reads (one query a chunk)
    orden: tuple[str, ...] = ()
    titulo = ""
    subtitulo = ""
    nombre_exportacion = ""
    paginate_by = 25
    paginator_class = Paginador
    template_name = "web/lista.html"

    def consulta_base(self):
        """Where every list starts: the rows the access helper lets this user see."""
        manager = self.modelo._default_manager
        if not hasattr(manager, "visibles_para"):
            raise ImproperlyConfigured(
                f"{self.modelo.__name__} no usa AccesoQuerySet: defina consulta_base() en "
                f"{type(self).__name__}."
            )
        return manager.visibles_para(self.request.user)

    def get_queryset(self):
        if self.modelo is None:
            raise ImproperlyConfigured(f"{type(self).__name__} debe definir `modelo`.")
        consulta = self.consulta_base()
        if self.relacionados:
            consulta = consulta.select_related(*self.relacionados)
        if self.prefetch:
            consulta = consulta.prefetch_related(*self.prefetch)
        if self.orden:
            consulta = consulta.order_by(*self.orden)
        elif not consulta.ordered:
            # Aggregations drop Meta.ordering, and pages of an unordered query may repeat rows.
            consulta = consulta.order_by(*(self.modelo._meta.ordering or ["pk"]), "pk")
        return consulta

    def get_filterset_class(self):
        base = self.filterset_class or _FiltroVacio
        if not self.campos_busqueda:
            return base
        campos = self.campos_busqueda

        def buscar(filtro, queryset, nombre, valor):
            condiciones = [
                reduce(or_, (Q(**{f"{campo}__icontains": palabra}) for campo in campos))
                for palabra in valor.split()
            ]
            return queryset.filter(*condiciones) if condiciones else queryset

        # The search box is one more filter, so it is rendered by crispy with the others and
        # the export applies it exactly as the page does.
        atributos = {
            "q": django_filters.CharFilter(
                label=_("Buscar"),
                method="buscar",
                # A word is a condition over every searched column: keep their number sane.
                validators=[validar_busqueda],
                widget=forms.TextInput(
                    attrs={
                        "type": "search",
                        "placeholder": self.texto_busqueda,
                        "maxlength": CARACTERES_BUSQUEDA,
                    }
                ),
            ),
            "buscar": buscar,
        }
        if base is _FiltroVacio:
            atributos["Meta"] = type("Meta", (), {"model": self.modelo, "fields": []})
        return type(f"Busqueda{base.__name__}", (base,), atributos)

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        # The count of a long list is kept by the page's address, filters and person: the
        # rows a person sees depend only on them (a change of roles shows within a minute).
        parametros = sorted(
            (clave, valor)
            for clave, valores in self.request.GET.lists()
            for valor in valores
            if clave not in {"page", "exportar"}
        )
        huella = hashlib.sha256(
            f"{self.request.user.pk}|{self.request.path}|{parametros!r}".encode()
        ).hexdigest()
        return self.paginator_class(
            queryset,
            per_page,
            orphans=orphans,
            allow_empty_first_page=allow_empty_first_page,
            clave=f"listas:conteo:{huella}",
            **kwargs,
        )

    def get_filterset(self, filterset_class):
        filtro = super().get_filterset(filterset_class)
        ajustar_formulario_de_filtros(filtro.form)
        acotar(filtro.form)
        return filtro

    def get(self, request, *args, **kwargs):
        formato = request.GET.get("exportar")
        if formato in FORMATOS and self.columnas_exportacion:
            return self.exportar(formato)
        return super().get(request, *args, **kwargs)

    def exportar(self, formato: str):
        """Every filtered row as a file: a CSV streams at once, an XLSX of more than
        EXPORTACION_FILAS_EN_LINEA rows is produced in the background (web.servicios)."""
        self.filterset = self.get_filterset(self.get_filterset_class())
        filas = self.filterset.qs if self.filterset.is_valid() else self.get_queryset().none()
        if self.prefetch_exportacion:
            filas = filas.prefetch_related(*self.prefetch_exportacion)
        titulo = str(self.titulo or capfirst(self.modelo._meta.verbose_name_plural))
        nombre_archivo = str(self.nombre_exportacion or titulo)
        if getattr(self.request, "exportacion_en_segundo_plano", False):
            return PedidoDeExportacion(
                filas=filas, columnas=self.columnas_exportacion, nombre_archivo=nombre_archivo
            )
        if formato == "xlsx" and filas.count() > servicios.filas_en_linea():
            return self._exportar_en_segundo_plano(formato, titulo)
        return respuesta_exportacion(
            filas,
            self.columnas_exportacion,
            formato=formato,
            nombre=nombre_archivo,
            dialecto=dialecto_csv(self.request.GET.get("separador")),
        )

    def _exportar_en_segundo_plano(self, formato: str, titulo: str):
        parametros = self.request.GET.copy()
        parametros.pop("exportar", None)
        parametros.pop("page", None)
        _exportacion, nueva = servicios.solicitar_exportacion(
            usuario=self.request.user,
            nombre=titulo,
            formato=formato,
            ruta=self.request.path,
            parametros=parametros.urlencode(),
        )
        if nueva:
            messages.info(
                self.request,
                _(
                    "La lista es larga: preparamos el archivo %(formato)s y le avisaremos por "
                    "correo y en Mi escritorio cuando esté listo para descargar."
                )
                % {"formato": formato.upper()},
            )
        else:
            messages.info(
                self.request,
                _("Ya estamos preparando ese archivo; le avisaremos cuando esté listo."),
            )
        destino = self.request.path
        return redirect(f"{destino}?{parametros.urlencode()}" if parametros else destino)

    def get_columnas_lista(self) -> list:
        """Columns of the default table (web/lista.html): the export columns unless set."""
        return self.columnas_lista if self.columnas_lista is not None else self.columnas_exportacion

    def preparar_pagina(self, objetos: list) -> None:
        """Hook: fetch in one query what the page's cards and rows need beside the rows."""

    def tarjeta(self, objeto) -> Tarjeta:
        """How `objeto` shows as a card on a phone (default: the list's columns)."""
        columnas = self.get_columnas_lista()
        if not columnas:
            return Tarjeta(titulo=str(objeto), url=_url_de(objeto))
        (_titulo, primero), *resto = columnas
        return Tarjeta(
            titulo=mostrar(valor_de(objeto, primero)),
            url=_url_de(objeto),
            detalles=[
                (str(titulo), texto)
                for titulo, accesor in resto
                if (texto := mostrar(valor_de(objeto, accesor)))
            ],
        )

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        filtro = contexto.get("filter")
        pagina, paginador = contexto.get("page_obj"), contexto.get("paginator")
        columnas = self.get_columnas_lista()
        objetos = list(contexto["object_list"])
        self.preparar_pagina(objetos)
        chips = filtros_activos(filtro, self.request)
        contexto.update(
            titulo=self.titulo or capfirst(self.modelo._meta.verbose_name_plural),
            subtitulo=self.subtitulo,
            formatos_exportacion=FORMATOS if self.columnas_exportacion else (),
            filtros_activos=bool(chips),
            hay_mas_filtros=bool(filtro is not None and set(filtro.form.fields) - {"q"}),
            chips_filtros=chips,
            filtros_con_errores=bool(filtro is not None and filtro.is_bound and filtro.form.errors),
            tarjetas=[self.tarjeta(objeto) for objeto in objetos],
            total=paginador.count if paginador else len(contexto["object_list"]),
            paginas=(
                list(paginador.get_elided_page_range(pagina.number, on_each_side=2, on_ends=1))
                if pagina
                else []
            ),
            encabezados=[titulo for titulo, _accesor in columnas],
            filas=[
                (
                    objeto,
                    [mostrar(valor_de(objeto, accesor)) for _titulo, accesor in columnas],
                    _url_de(objeto),
                )
                for objeto in objetos
            ]
            if columnas
            else [],
        )
        return contexto


def enlazador(nombre: str):
    """`reverse(nombre, args=[pk])` for every row of a page at the cost of one reverse:
    `enlace = enlazador("compromisos:persona"); enlace(c.responsable_id)`."""
    marca = "2147483647"
    antes, _marca, despues = reverse(nombre, args=[marca]).rpartition(marca)
    return lambda pk: f"{antes}{pk}{despues}"


def _url_de(objeto) -> str:
    return objeto.get_absolute_url() if hasattr(objeto, "get_absolute_url") else ""


def mostrar(valor) -> str:
    """A value as a list cell shows it: Spanish dates and times, Sí/No, empty for None."""
    return como_texto(valor, fecha=fecha_larga, fecha_hora=fecha_hora_larga, separador=", ")
