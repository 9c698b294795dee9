import django_filters
from django.utils.translation import gettext_lazy as _

from buengobierno.organizacion.models import Organismo
from buengobierno.web.formularios import EntradaFecha
from buengobierno.web.listas import FiltroDia
from delegaciones.models import Delegacion, Instancia, Sesion

VENCIDA = "vencida"
POR_ENTREGAR = "por_entregar"


def _estados():
    return [
        (VENCIDA, _("Ficha vencida")),
        (POR_ENTREGAR, _("Ficha por entregar, en plazo")),
        *Delegacion.Estado.choices,
    ]


def _instancias_visibles(request):
    """The filter names only the instancias the user may see (none to a user without a role):
    a choice list must not reveal what the list itself would hide."""
    return Instancia.objects.visibles_para(getattr(request, "user", None))


def _desde_hasta(campo: str, etiqueta_desde, etiqueta_hasta):
    return (
        FiltroDia(label=etiqueta_desde, field_name=campo, widget=EntradaFecha()),
        FiltroDia(label=etiqueta_hasta, field_name=campo, desde=False, widget=EntradaFecha()),
    )


class FiltroDelegaciones(django_filters.FilterSet):
    estado = django_filters.ChoiceFilter(
        label=_("Estado"), choices=_estados, method="filtrar_estado", empty_label=_("Todos")
    )
    instancia = django_filters.ModelChoiceFilter(
        label=_("Instancia"), field_name="sesion__instancia", queryset=_instancias_visibles
    )
    organismo = django_filters.ModelChoiceFilter(
        label=_("Organismo del delegado"), queryset=Organismo.objects.filter(activo=True)
    )
    delegante = django_filters.ChoiceFilter(
        label=_("Quién delega"), choices=Delegacion.Delegante.choices, empty_label=_("Todos")
    )
    desde, hasta = _desde_hasta("sesion__inicio", _("Sesiones desde"), _("Sesiones hasta"))

    class Meta:
        model = Delegacion
        fields = []

    def filtrar_estado(self, queryset, nombre, valor):
        if valor == VENCIDA:
            return queryset.vencidas()
        if valor == POR_ENTREGAR:
            return queryset.por_entregar()
        return queryset.filter(estado=valor)


class FiltroSesiones(django_filters.FilterSet):
    instancia = django_filters.ModelChoiceFilter(
        label=_("Instancia"), queryset=_instancias_visibles
    )
    asistencia = django_filters.ChoiceFilter(
        label=_("Quién asiste"), choices=Sesion.Asistencia.choices, empty_label=_("Todos")
    )
    desde, hasta = _desde_hasta("inicio", _("Desde"), _("Hasta"))

    class Meta:
        model = Sesion
        fields = []


class FiltroInstancias(django_filters.FilterSet):
    tipo = django_filters.ChoiceFilter(
        label=_("Tipo"), choices=Instancia.Tipo.choices, empty_label=_("Todos")
    )
    organismo = django_filters.ModelChoiceFilter(
        label=_("Organismo del tema"), queryset=Organismo.objects.filter(activo=True)
    )
    activa = django_filters.BooleanFilter(label=_("Activa"))

    class Meta:
        model = Instancia
        fields = []
