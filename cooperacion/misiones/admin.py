from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from buengobierno.documentos.correccion import AdminConEstado
from cooperacion.misiones.models import (
    ActividadItinerario,
    ItemProtocolo,
    MiembroDelegacion,
    VisitaInternacional,
)


class MiembroInline(admin.TabularInline):
    model = MiembroDelegacion
    extra = 0


class ActividadInline(admin.TabularInline):
    model = ActividadItinerario
    extra = 0
    autocomplete_fields = ("anfitrion",)


class ItemInline(admin.TabularInline):
    model = ItemProtocolo
    extra = 0
    autocomplete_fields = ("responsable",)


@admin.register(VisitaInternacional)
class VisitaInternacionalAdmin(AdminConEstado, SimpleHistoryAdmin):
    campos_de_estado = ("estado", "resultados_en")
    list_display = ("__str__", "tipo", "pais", "llegada", "estado", "reservada", "responsable")
    list_filter = ("estado", "tipo", "pais", "reservada", "nivel")
    search_fields = ("institucion", "proposito", "temas")
    list_select_related = ("responsable",)
    date_hierarchy = "llegada"
    autocomplete_fields = (
        "cooperante",
        "responsable",
        "organismo",
        "creado_por",
        "acompanantes",
        "alianza",
    )
    exclude = ("reuniones",)
    inlines = (MiembroInline, ActividadInline, ItemInline)

    def get_queryset(self, request):
        # The «reservada» mark holds in the admin too (Ley 1712 de 2014, art. 19).
        return VisitaInternacional.objects.visibles_para(request.user)
