import django_filters
from django.utils.translation import gettext_lazy as _

from agenda.models import Actividad, SolicitudAgenda
from buengobierno.organizacion.models import Organismo
from buengobierno.web.formularios import EntradaFecha
from buengobierno.web.listas import FiltroDia


class FiltroActividades(django_filters.FilterSet):
    estado = django_filters.ChoiceFilter(
        label=_("Estado"), choices=Actividad.Estado.choices, empty_label=_("Todos")
    )
    tipo = django_filters.ChoiceFilter(
        label=_("Tipo"), choices=Actividad.Tipo.choices, empty_label=_("Todos")
    )
    organismo = django_filters.ModelChoiceFilter(
        label=_("Organiza"), queryset=Organismo.objects.filter(activo=True)
    )
    desde = FiltroDia(label=_("Desde"), field_name="inicio", widget=EntradaFecha())
    hasta = FiltroDia(label=_("Hasta"), field_name="inicio", desde=False, widget=EntradaFecha())

    class Meta:
        model = Actividad
        fields = ["estado", "tipo", "organismo", "desde", "hasta"]


class FiltroSolicitudes(django_filters.FilterSet):
    estado = django_filters.ChoiceFilter(
        label=_("Estado"), choices=SolicitudAgenda.Estado.choices, empty_label=_("Todos")
    )
    organismo = django_filters.ModelChoiceFilter(
        label=_("Organismo"), queryset=Organismo.objects.filter(activo=True)
    )

    class Meta:
        model = SolicitudAgenda
        fields = ["estado", "organismo"]
