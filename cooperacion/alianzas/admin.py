from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from buengobierno.documentos.correccion import AdminConEstado
from cooperacion.alianzas.models import (
    Alianza,
    ContactoCooperante,
    Cooperante,
    ObjetivoDesarrollo,
    RecursoAlianza,
)


@admin.register(ObjetivoDesarrollo)
class ObjetivoDesarrolloAdmin(admin.ModelAdmin):
    list_display = ("numero", "nombre")
    search_fields = ("nombre",)


class ContactoInline(admin.TabularInline):
    model = ContactoCooperante
    extra = 0
    fields = ("nombre", "cargo", "correo", "telefono", "aviso_informado")


@admin.register(Cooperante)
class CooperanteAdmin(SimpleHistoryAdmin):
    list_display = ("nombre", "sigla", "tipo", "pais", "activo")
    list_filter = ("tipo", "pais", "activo")
    search_fields = ("nombre", "sigla", "areas_interes")
    inlines = (ContactoInline,)
    autocomplete_fields = ("creado_por",)
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class RecursoInline(admin.TabularInline):
    model = RecursoAlianza
    extra = 0
    fields = ("tipo", "descripcion", "anio", "monto", "moneda", "tasa_cambio", "fecha_tasa")


@admin.register(Alianza)
class AlianzaAdmin(AdminConEstado, SimpleHistoryAdmin):
    campos_de_estado = ("estado", "concepto_juridico", "concepto_por", "concepto_en")
    list_display = (
        "nombre",
        "instrumento",
        "cooperante",
        "estado",
        "fecha_firma",
        "fecha_fin_vigencia",
        "responsable",
    )
    list_filter = ("estado", "instrumento", "concepto_juridico", "renovacion_automatica")
    search_fields = ("nombre", "objeto", "cooperante__nombre", "cooperante__sigla")
    list_select_related = ("cooperante", "responsable")
    date_hierarchy = "creado_en"
    autocomplete_fields = ("cooperante", "responsable", "organismo", "creado_por", "otras_partes")
    filter_horizontal = ("ods",)
    exclude = ("reuniones",)
    inlines = (RecursoInline,)
