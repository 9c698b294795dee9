import django_filters
from django.utils.translation import gettext_lazy as _

from cooperacion.alianzas.models import Alianza, Cooperante
from cooperacion.catalogos import PAISES


class FiltroAlianzas(django_filters.FilterSet):
    estado = django_filters.ChoiceFilter(
        label=_("Estado"), choices=Alianza.Estado.choices, empty_label=_("Todos")
    )
    instrumento = django_filters.ChoiceFilter(
        label=_("Instrumento"), choices=Alianza.Instrumento.choices, empty_label=_("Todos")
    )
    cooperante = django_filters.ModelChoiceFilter(
        label=_("Cooperante"), queryset=Cooperante.objects.filter(activo=True)
    )

    class Meta:
        model = Alianza
        fields = ["estado", "instrumento", "cooperante"]


class FiltroCooperantes(django_filters.FilterSet):
    tipo = django_filters.ChoiceFilter(
        label=_("Tipo"), choices=Cooperante.Tipo.choices, empty_label=_("Todos")
    )
    pais = django_filters.ChoiceFilter(label=_("País"), choices=PAISES, empty_label=_("Todos"))

    class Meta:
        model = Cooperante
        fields = ["tipo", "pais"]
