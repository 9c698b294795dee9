from django.contrib import messages
from django.contrib.auth import views as auth
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from buengobierno.organizacion.acceso import roles_de
from buengobierno.organizacion.forms import FiltroDirectorio, FiltroOrganismos, FormularioEntrada
from buengobierno.organizacion.models import Organismo, Usuario
from buengobierno.web.listas import ListaView


class Entrar(auth.LoginView):
    # LoginView passes the request to authenticate(), which django-axes needs to count failures.
    authentication_form = FormularioEntrada
    redirect_authenticated_user = True


class Salir(auth.LogoutView):
    """Logout by POST only (Django refuses GET), with a word on the login page."""

    def post(self, request, *args, **kwargs):
        respuesta = super().post(request, *args, **kwargs)
        messages.info(request, _("Cerró su sesión de forma segura."))
        return respuesta


class CambiarClave(auth.PasswordChangeView):
    success_url = reverse_lazy("escritorio")

    def form_valid(self, form):
        messages.success(self.request, _("Su contraseña fue cambiada."))
        return super().form_valid(form)


class RecuperarClave(auth.PasswordResetView):
    subject_template_name = "registration/password_reset_subject.txt"
    email_template_name = "registration/password_reset_email.txt"
    html_email_template_name = "registration/password_reset_email.html"


class SoloConRol:
    """The platform's rule, "no role sees nothing", for pages that are not one model's
    records (and so have no access policy): an account still waiting for its role gets 403,
    its page and CSV alike. Anonymous visitors are sent to log in by ListaView first."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not roles_de(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class Directorio(SoloConRol, ListaView):
    """People of the Alcaldía who use the system, by organism: read-only for every role."""

    modelo = Usuario
    filterset_class = FiltroDirectorio
    campos_busqueda = (
        "first_name",
        "last_name",
        "username",
        "email",
        "cargo",
        "organismo__nombre",
        "organismo__sigla",
    )
    relacionados = ("organismo",)
    texto_busqueda = _("Nombre, cargo, correo u organismo")
    titulo = _("Directorio")
    subtitulo = _("Servidores y contratistas que usan Buen Gobierno, por organismo.")
    nombre_exportacion = "directorio"
    template_name = "web/directorio.html"
    columnas_exportacion = [
        (_("Nombre"), "get_full_name"),
        (_("Cargo"), "cargo"),
        (_("Organismo"), "organismo.nombre"),
        (_("Sigla"), "organismo.sigla"),
        (_("Correo"), "email"),
        (_("Teléfono"), "telefono"),
    ]

    def consulta_base(self):
        return Usuario.objects.filter(is_active=True)


class ListaOrganismos(SoloConRol, ListaView):
    """Organisms of the central administration, with their head and how many people use it."""

    modelo = Organismo
    filterset_class = FiltroOrganismos
    campos_busqueda = ("codigo", "nombre", "sigla")
    texto_busqueda = _("Código, nombre o sigla")
    relacionados = ("padre", "jefe")
    titulo = _("Organismos")
    subtitulo = _(
        "Administración central del Distrito de Santiago de Cali "
        "(Decreto Extraordinario 0516 de 2016)."
    )
    nombre_exportacion = "organismos"
    template_name = "web/organismos.html"
    columnas_exportacion = [
        (_("Código"), "codigo"),
        (_("Nombre"), "nombre"),
        (_("Sigla"), "sigla"),
        (_("Tipo"), "get_tipo_display"),
        (_("Organismo superior"), "padre.nombre"),
        (_("Jefe"), "jefe"),
        (_("Correo"), "correo"),
        (_("Personas"), "personas"),
    ]

    def consulta_base(self):
        return Organismo.objects.filter(activo=True).annotate(
            personas=Count("usuarios", filter=Q(usuarios__is_active=True))
        )
