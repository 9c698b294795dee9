"""P002 in the Django admin: repairs and look-ups; the Despacho works from the agenda's pages."""

from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from agenda.models import Actividad, CalendarioAgenda, SolicitudAgenda
from buengobierno.documentos.correccion import AdminConEstado


class SolicitudInline(admin.StackedInline):
    model = SolicitudAgenda
    fk_name = "actividad"
    extra = 0
    fields = ("tema", "organismo", "solicitante", "estado", "respuesta")
    readonly_fields = fields
    can_delete = False
    show_change_link = True


@admin.register(Actividad)
class ActividadAdmin(AdminConEstado, SimpleHistoryAdmin):
    campos_de_estado = ("estado", "participacion", "delegacion", "reunion")
    list_display = ("titulo", "tipo", "inicio", "organismo", "participacion", "estado", "privada")
    list_filter = ("estado", "tipo", "participacion", "privada", "organismo")
    search_fields = ("titulo", "lugar", "participantes", "contacto")
    date_hierarchy = "inicio"
    list_select_related = ("organismo",)
    autocomplete_fields = ("organismo", "creado_por")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = (SolicitudInline,)


@admin.register(SolicitudAgenda)
class SolicitudAgendaAdmin(AdminConEstado, SimpleHistoryAdmin):
    campos_de_estado = ("estado", "actividad", "resuelta_por", "resuelta_en")
    list_display = ("tema", "organismo", "solicitante", "fecha_propuesta", "estado")
    list_filter = ("estado", "tipo", "organismo")
    search_fields = ("tema", "justificacion", "organismo__nombre", "organismo__sigla")
    date_hierarchy = "creado_en"
    list_select_related = ("organismo", "solicitante")
    autocomplete_fields = ("organismo", "solicitante")


@admin.register(CalendarioAgenda)
class CalendarioAgendaAdmin(admin.ModelAdmin):
    """Revoking a feed someone else may hold: delete its row."""

    list_display = ("usuario", "creado_en")
    search_fields = ("usuario__username", "usuario__first_name", "usuario__last_name")
    readonly_fields = ("usuario", "token", "creado_en")

    def has_add_permission(self, request):
        return False
