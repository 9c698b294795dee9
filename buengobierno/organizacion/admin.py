from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from buengobierno.organizacion.models import Organismo, Usuario


@admin.register(Organismo)
class OrganismoAdmin(SimpleHistoryAdmin):
    list_display = ("codigo", "nombre", "sigla", "tipo", "padre", "jefe", "activo")
    list_display_links = ("codigo", "nombre")
    list_filter = ("tipo", "activo")
    search_fields = ("codigo", "nombre", "sigla")
    list_select_related = ("padre", "jefe")
    autocomplete_fields = ("padre", "jefe")
    ordering = ("nombre",)
    fieldsets = (
        (None, {"fields": ("codigo", "nombre", "sigla", "tipo", "activo")}),
        (_("Estructura"), {"fields": ("padre", "jefe", "correo")}),
    )


@admin.register(Usuario)
class UsuarioAdmin(SimpleHistoryAdmin, UserAdmin):
    list_display = (
        "username",
        "first_name",
        "last_name",
        "email",
        "organismo",
        "cargo",
        "is_active",
        "is_staff",
    )
    list_filter = ("organismo", "groups", "nivel", "is_active", "is_staff", "is_superuser")
    search_fields = (
        "username",
        "first_name",
        "last_name",
        "email",
        "cargo",
        "organismo__nombre",
        "organismo__sigla",
        "organismo__codigo",
    )
    list_select_related = ("organismo",)
    autocomplete_fields = ("organismo",)
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (
            _("Datos personales"),
            {"fields": ("tratamiento", "first_name", "last_name", "email", "telefono")},
        ),
        (_("Organización"), {"fields": ("organismo", "cargo", "nivel")}),
        (
            _("Roles y permisos"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Fechas importantes"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("username", "usable_password", "password1", "password2"),
            },
        ),
        (
            _("Datos y organización"),
            {
                "classes": ("wide",),
                "fields": (
                    "tratamiento",
                    "first_name",
                    "last_name",
                    "email",
                    "organismo",
                    "cargo",
                    "nivel",
                    "groups",
                ),
            },
        ),
    )
