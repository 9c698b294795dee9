"""Accounts and the directory, under /cuentas/.

The URL names are Django's own (login, logout, password_change, password_reset…), without an
app namespace, so settings.LOGIN_URL and Django's auth views find them.
"""

from django.contrib.auth import views as auth
from django.urls import path

from buengobierno.organizacion import views

urlpatterns = [
    path("entrar/", views.Entrar.as_view(), name="login"),
    path("salir/", views.Salir.as_view(), name="logout"),
    path("clave/", views.CambiarClave.as_view(), name="password_change"),
    path("clave/recuperar/", views.RecuperarClave.as_view(), name="password_reset"),
    path(
        "clave/recuperar/enviado/",
        auth.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "clave/recuperar/<uidb64>/<token>/",
        auth.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "clave/recuperar/listo/",
        auth.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("directorio/", views.Directorio.as_view(), name="directorio"),
    path("organismos/", views.ListaOrganismos.as_view(), name="organismos"),
]
