"""P004 in the Django admin: the admin's job is the Concejo's sessions periods, the committee's
members and repairs; the Despacho and the organisms work from the application's pages."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from buengobierno.documentos.correccion import AdminConEstado
from proyectos_acuerdo.models import (
    Concepto,
    FacultadExtraordinaria,
    MiembroComite,
    PeriodoSesiones,
    ProyectoAcuerdo,
)


@admin.register(PeriodoSesiones)
class PeriodoSesionesAdmin(SimpleHistoryAdmin):
    list_display = ("nombre", "tipo", "inicio", "fin")
    list_filter = ("tipo",)
    search_fields = ("nombre",)
    date_hierarchy = "inicio"


@admin.register(MiembroComite)
class MiembroComiteAdmin(admin.ModelAdmin):
    list_display = ("usuario", "calidad", "activo")
    list_filter = ("activo",)
    search_fields = ("usuario__first_name", "usuario__last_name", "calidad")
    autocomplete_fields = ("usuario",)


class ConceptoInline(admin.TabularInline):
    model = Concepto
    extra = 0
    fields = ("tipo", "organismo", "fecha_limite", "sentido", "emitido_en", "medio", "firmante")
    readonly_fields = ("sentido", "emitido_en", "medio", "firmante")
    show_change_link = True


@admin.register(ProyectoAcuerdo)
class ProyectoAcuerdoAdmin(AdminConEstado, SimpleHistoryAdmin):
    campos_de_estado = ("estado", "plazo_sancion")
    campos_de_numero = ("numero_acuerdo",)
    list_display = ("titulo", "organismo", "estado", "periodo", "numero_concejo", "numero_acuerdo")
    list_filter = ("estado", "periodo", "organismo", "iniciativa_exclusiva")
    search_fields = ("titulo", "numero_concejo", "numero_acuerdo", "objeto")
    list_select_related = ("organismo", "periodo")
    autocomplete_fields = ("organismo", "responsable", "lider", "meta", "reunion_comite")
    inlines = (ConceptoInline,)


@admin.register(Concepto)
class ConceptoAdmin(SimpleHistoryAdmin):
    list_display = ("proyecto", "tipo", "organismo", "fecha_limite", "sentido", "emitido_en")
    list_filter = ("tipo", "sentido", "medio", "organismo")
    search_fields = ("proyecto__titulo", "texto", "firmante", "radicado")
    list_select_related = ("proyecto", "organismo")
    autocomplete_fields = ("proyecto", "organismo", "emitido_por")


@admin.register(FacultadExtraordinaria)
class FacultadExtraordinariaAdmin(SimpleHistoryAdmin):
    list_display = ("acuerdo", "inicio", "fin", "responsable")
    search_fields = ("acuerdo", "objeto")
    date_hierarchy = "fin"
    list_select_related = ("responsable",)
    autocomplete_fields = ("proyecto", "responsable")
