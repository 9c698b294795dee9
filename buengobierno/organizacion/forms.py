import django_filters
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from buengobierno.organizacion.models import Organismo, Usuario
from buengobierno.organizacion.roles import Rol


class FormularioEntrada(AuthenticationForm):
    """Django's login form with the messages and labels of the Alcaldía."""

    error_messages = {
        "invalid_login": _(
            "Usuario o contraseña incorrectos. Revise los datos e intente de nuevo "
            "(se distinguen mayúsculas y minúsculas)."
        ),
        "inactive": _(
            "Esta cuenta está desactivada. Comuníquese con el administrador del sistema."
        ),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Usuario")
        self.fields["password"].label = _("Contraseña")


class FiltroDirectorio(django_filters.FilterSet):
    organismo = django_filters.ModelChoiceFilter(
        queryset=Organismo.objects.filter(activo=True), label=_("Organismo"), empty_label=_("Todos")
    )
    rol = django_filters.ModelChoiceFilter(
        field_name="groups",
        queryset=Group.objects.filter(name__in=Rol.values).order_by("name"),
        label=_("Rol"),
        empty_label=_("Todos"),
    )

    class Meta:
        model = Usuario
        fields = ["organismo", "rol"]


class FiltroOrganismos(django_filters.FilterSet):
    tipo = django_filters.ChoiceFilter(
        choices=Organismo.Tipo.choices, label=_("Tipo"), empty_label=_("Todos")
    )

    class Meta:
        model = Organismo
        fields = ["tipo"]
