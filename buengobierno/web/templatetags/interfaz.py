"""Template helpers of the shell: `{% load interfaz %}`."""

from datetime import timedelta

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def duracion(valor) -> str:
    """A timedelta in words: "15 minutos", "1 hora", "1 hora y 30 minutos"."""
    if not isinstance(valor, timedelta):
        return ""
    minutos_totales = round(valor.total_seconds() / 60)
    horas, minutos = divmod(minutos_totales, 60)
    partes = []
    if horas:
        partes.append(ngettext("%(n)d hora", "%(n)d horas", horas) % {"n": horas})
    if minutos or not horas:
        partes.append(ngettext("%(n)d minuto", "%(n)d minutos", minutos) % {"n": minutos})
    return _(" y ").join(partes)


@register.simple_tag(takes_context=True)
def tiempo_de_bloqueo(context) -> str:
    """How long django-axes keeps an account locked, in words, from the lockout context or
    from the settings (AXES_COOLOFF_TIME) when the page is shown outside a lockout."""
    from axes.helpers import get_cool_off

    return duracion(context.get("cooloff_timedelta") or get_cool_off(context.get("request")))


@register.filter
def iniciales(usuario) -> str:
    """Two letters for the avatar of the user menu."""
    nombre = (usuario.get_full_name() or usuario.get_username()).split()
    return "".join(parte[0] for parte in nombre[:2]).upper()


@register.simple_tag(takes_context=True)
def errores_de_formularios(context) -> list:
    """The errors of every form of the page, for the summary at its top (base.html).

    Looks through the template context for bound forms, formsets and filter sets with
    errors (also inside lists, e.g. a record's action forms), so every page of every
    procedure gets the summary without asking for it.
    """
    from buengobierno.web.resumen_errores import errores_del_contexto

    return errores_del_contexto(context.flatten())


@register.filter
def campo_de_filtro(campo, parte=""):
    """A field of a list's filter bar, drawn as crispy does but without its templates
    (buengobierno.web.listas.campo_de_filtro): `{{ campo|campo_de_filtro }}`, or
    `{{ campo|campo_de_filtro:"entrada" }}` for the input alone."""
    from buengobierno.web.listas import campo_de_filtro as dibujar

    return dibujar(campo, parte)


@register.simple_tag(takes_context=True)
def tarjetas_de_lista(context):
    """The cards of a list page (context `tarjetas`, optional `mensaje_vacio`), written by
    buengobierno.web.listas.lista_de_tarjetas."""
    from buengobierno.web.listas import lista_de_tarjetas

    return lista_de_tarjetas(context.get("tarjetas") or (), context.get("mensaje_vacio") or "")


_menus: dict[tuple, str] = {}
_ENTRADAS_PROPIAS = {"escritorio", "directorio", "organismos"}  # marked active by url_name


@register.simple_tag(takes_context=True)
def menu_lateral(context):
    """The sidebar's process map (web/_menu_lateral.html), drawn once per language, active
    entry, "has a role" and "is staff" in this process: the same for every request that
    shares them, and a dozen URLs and translations to redo on each."""
    from django.template.loader import get_template
    from django.utils.translation import get_language

    request, usuario = context.get("request"), context.get("user")
    coincidencia = getattr(request, "resolver_match", None)
    nombre = getattr(coincidencia, "url_name", None)
    activo = context.get("procedimiento_activo")
    roles = context.get("roles_usuario")
    clave = (
        get_language(),
        nombre if nombre in _ENTRADAS_PROPIAS else "",
        getattr(activo, "label", None),
        bool(roles),
        bool(getattr(usuario, "is_staff", False)),
    )
    menu = _menus.get(clave)
    if menu is None:
        menu = get_template("web/_menu_lateral.html").render(
            {
                "request": request,
                "user": usuario,
                "roles_usuario": roles,
                "mapa_de_procesos": context.get("mapa_de_procesos"),
                "procedimiento_activo": activo,
            }
        )
        _menus[clave] = menu
    return mark_safe(menu)  # noqa: S308 — a template's output, escaped by it
