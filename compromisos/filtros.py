import django_filters
from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from buengobierno.organizacion.models import Organismo
from buengobierno.web.entrada import acotar
from buengobierno.web.formularios import CampoPersona, EntradaFecha, personas_activas
from buengobierno.web.listas import FiltroDia
from compromisos.models import Compromiso, MetaEstrategica, Reunion, TipoDeOrigen, TipoReunion

VENCIDO = "vencido"
ABIERTOS = "abiertos"
SIN_ORIGEN = "ninguno"


def _estados():
    estados = [(e.value, e.label) for e in Compromiso.Estado if e != Compromiso.Estado.BORRADOR]
    return [(ABIERTOS, _("Abiertos (todos)")), (VENCIDO, _("Vencidos")), *estados]


class FiltroPersona(django_filters.ModelChoiceFilter):
    """A person of the directory (a small table), picked by name."""

    field_class = CampoPersona

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("queryset", personas_activas())
        super().__init__(*args, **kwargs)


class FiltroCompromisos(django_filters.FilterSet):
    estado = django_filters.ChoiceFilter(
        label=_("Estado"), choices=_estados, method="filtrar_estado", empty_label=_("Todos")
    )
    organismo = django_filters.ModelChoiceFilter(
        label=_("Organismo"), queryset=Organismo.objects.filter(activo=True)
    )
    responsable = FiltroPersona(label=_("Responsable"))
    vence_desde = django_filters.DateFilter(
        label=_("Fecha límite de cumplimiento desde"),
        field_name="fecha_limite",
        lookup_expr="gte",
        widget=EntradaFecha(),
    )
    vence_hasta = django_filters.DateFilter(
        label=_("Fecha límite de cumplimiento hasta"),
        field_name="fecha_limite",
        lookup_expr="lte",
        widget=EntradaFecha(),
    )
    origen = django_filters.ChoiceFilter(
        label=_("Tipo de origen"), method="filtrar_origen", empty_label=_("Todos")
    )
    meta = django_filters.ModelChoiceFilter(
        label=_("Meta del plan de desarrollo"), queryset=MetaEstrategica.objects.all()
    )
    prioridad = django_filters.ChoiceFilter(
        label=_("Prioridad"), choices=Compromiso.Prioridad.choices, empty_label=_("Todas")
    )

    class Meta:
        model = Compromiso
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["origen"].extra["choices"] = self.tipos_de_origen()

    @staticmethod
    def tipos_de_origen():
        """The kinds of record commitments came from (meetings, fichas, visits…): the few
        rows of TipoDeOrigen, not a DISTINCT over the commitments."""
        # Read on every request, not kept (web.opciones): an export builds this form too,
        # and must not wait on a stalled cache before it answers.
        opciones = [
            (str(t.content_type_id), capfirst(str(t)))
            for t in TipoDeOrigen.objects.select_related("content_type")
            if t.content_type.model_class() is not None
        ]
        return [*sorted(opciones, key=lambda o: o[1]), (SIN_ORIGEN, _("Registrados a mano"))]

    def filtrar_estado(self, queryset, nombre, valor):
        if valor == VENCIDO:
            return queryset.vencidos()
        if valor == ABIERTOS:
            return queryset.abiertos()
        # The state decides `cerrado`; saying so lets the boards' index (cerrado, fecha_limite)
        # read only the rows of that side.
        return queryset.filter(estado=valor, cerrado=int(valor not in Compromiso.ABIERTOS))

    def filtrar_origen(self, queryset, nombre, valor):
        if valor == SIN_ORIGEN:
            return queryset.filter(origen_tipo=None)
        return queryset.filter(origen_tipo_id=valor)


class FiltroReuniones(django_filters.FilterSet):
    tipo = django_filters.ModelChoiceFilter(label=_("Tipo"), queryset=TipoReunion.objects.all())
    estado = django_filters.ChoiceFilter(
        label=_("Estado"), choices=Reunion.Estado.choices, empty_label=_("Todos")
    )
    organismo_convocante = django_filters.ModelChoiceFilter(
        label=_("Organismo convocante"), queryset=Organismo.objects.filter(activo=True)
    )
    desde = FiltroDia(label=_("Desde"), field_name="inicio", widget=EntradaFecha())
    hasta = FiltroDia(label=_("Hasta"), field_name="inicio", desde=False, widget=EntradaFecha())

    class Meta:
        model = Reunion
        fields = []


class FiltroPeriodo(forms.Form):
    """The period of the indicators: commitments due between two dates (default: all)."""

    desde = forms.DateField(label=_("Vencen desde"), required=False, widget=EntradaFecha())
    hasta = forms.DateField(label=_("Vencen hasta"), required=False, widget=EntradaFecha())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        acotar(self)

    def limites(self) -> tuple:
        """(desde, hasta) of a valid period, None for an open end (or an invalid form)."""
        if not self.is_valid():
            return None, None
        return self.cleaned_data.get("desde"), self.cleaned_data.get("hasta")
