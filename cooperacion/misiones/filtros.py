import django_filters
from django.utils.translation import gettext_lazy as _

from buengobierno.web.formularios import EntradaFecha
from cooperacion.catalogos import PAISES
from cooperacion.misiones.models import VisitaInternacional


class FiltroVisitas(django_filters.FilterSet):
    estado = django_filters.ChoiceFilter(
        label=_("Estado"), choices=VisitaInternacional.Estado.choices, empty_label=_("Todos")
    )
    tipo = django_filters.ChoiceFilter(
        label=_("Tipo"), choices=VisitaInternacional.Tipo.choices, empty_label=_("Todos")
    )
    pais = django_filters.ChoiceFilter(label=_("País"), choices=PAISES, empty_label=_("Todos"))
    desde = django_filters.DateFilter(
        label=_("Llegada desde"),
        field_name="llegada",
        lookup_expr="date__gte",
        widget=EntradaFecha(),
    )

    class Meta:
        model = VisitaInternacional
        fields = ["estado", "tipo", "pais"]
