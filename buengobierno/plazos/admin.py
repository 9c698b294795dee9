from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from buengobierno.plazos.models import DiaNoHabil


@admin.register(DiaNoHabil)
class DiaNoHabilAdmin(SimpleHistoryAdmin):
    list_display = ("fecha", "motivo", "acto", "creado_por")
    search_fields = ("motivo", "acto")
    date_hierarchy = "fecha"
    list_select_related = ("creado_por",)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.creado_por = request.user
        super().save_model(request, obj, form, change)
