from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from buengobierno.documentos.correccion import AdminConEstado
from compromisos.models import (
    Asistente,
    Avance,
    CalendarioPersonal,
    Compromiso,
    Corresponsable,
    Decision,
    MetaEstrategica,
    PuntoOrden,
    Reprogramacion,
    Reunion,
    TipoReunion,
)


@admin.register(TipoReunion)
class TipoReunionAdmin(SimpleHistoryAdmin):
    list_display = ("nombre", "numera_acta", "serie_acta", "activo", "orden")
    list_filter = ("numera_acta", "activo")
    search_fields = ("nombre", "descripcion")
    list_editable = ("orden", "activo")


@admin.register(MetaEstrategica)
class MetaEstrategicaAdmin(SimpleHistoryAdmin):
    list_display = ("codigo", "nombre", "programa", "organismo_responsable", "activa")
    list_filter = ("activa", "organismo_responsable")
    search_fields = ("codigo", "nombre", "programa")
    list_select_related = ("organismo_responsable",)
    autocomplete_fields = ("organismo_responsable",)


class PuntoOrdenInline(admin.TabularInline):
    model = PuntoOrden
    extra = 0
    fields = ("orden", "titulo", "presentador", "desarrollo")


class AsistenteInline(admin.TabularInline):
    model = Asistente
    extra = 0
    autocomplete_fields = ("usuario",)
    fields = (
        "usuario",
        "nombre",
        "entidad",
        "cargo",
        "correo",
        "aviso_datos_aceptado",
        "asistencia",
    )


class DecisionInline(admin.TabularInline):
    model = Decision
    extra = 0
    fields = ("orden", "texto")


@admin.register(Reunion)
class ReunionAdmin(AdminConEstado, SimpleHistoryAdmin):
    campos_de_estado = ("estado", "version", "iniciada_en", "cerrada_en", "cerrada_por")
    campos_de_numero = ("numero_acta",)

    list_display = ("titulo", "tipo", "inicio", "organismo_convocante", "estado", "numero_acta")
    list_filter = ("estado", "tipo", "organismo_convocante")
    search_fields = ("titulo", "objetivo", "numero_acta", "lugar")
    date_hierarchy = "inicio"
    list_select_related = ("tipo", "organismo_convocante")
    autocomplete_fields = ("organismo_convocante", "creado_por", "cerrada_por")
    inlines = (PuntoOrdenInline, AsistenteInline, DecisionInline)
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = (
        (None, {"fields": ("tipo", "titulo", "organismo_convocante", "objetivo")}),
        (_("Cuándo y dónde"), {"fields": ("inicio", "fin", "lugar", "enlace_virtual")}),
        (
            _("Estado"),
            {
                "fields": (
                    "estado",
                    "numero_acta",
                    "creado_por",
                    "iniciada_en",
                    "cerrada_en",
                    "cerrada_por",
                    "version",
                )
            },
        ),
        (_("Origen"), {"fields": ("origen_descripcion", "origen_url")}),
    )


class AvanceInline(admin.TabularInline):
    model = Avance
    extra = 0
    fields = ("fecha", "tipo", "porcentaje", "nota", "autor", "evidencia")
    raw_id_fields = ("evidencia",)
    autocomplete_fields = ("autor",)


class CorresponsableInline(admin.TabularInline):
    model = Corresponsable
    extra = 0
    autocomplete_fields = ("usuario",)


class ReprogramacionInline(admin.TabularInline):
    model = Reprogramacion
    extra = 0
    fields = ("fecha", "fecha_anterior", "fecha_nueva", "justificacion", "autor")
    autocomplete_fields = ("autor",)


@admin.register(Compromiso)
class CompromisoAdmin(AdminConEstado, SimpleHistoryAdmin):
    campos_de_estado = (
        "estado",
        "avance",
        "fecha_cumplimiento",
        "fecha_limite_original",
        "verificado_por",
        "verificado_en",
    )

    list_display = (
        "__str__",
        "responsable",
        "organismo",
        "fecha_limite",
        "estado",
        "prioridad",
        "avance",
    )
    list_filter = ("estado", "prioridad", "organismo", "meta", "origen_tipo")
    search_fields = (
        "descripcion",
        "responsable__first_name",
        "responsable__last_name",
        "organismo__nombre",
        "organismo__sigla",
        "origen_descripcion",
    )
    date_hierarchy = "fecha_limite"
    list_select_related = ("responsable", "organismo")
    autocomplete_fields = ("responsable", "organismo", "meta", "reunion", "creado_por")
    inlines = (CorresponsableInline, AvanceInline, ReprogramacionInline)


@admin.register(Avance)
class AvanceAdmin(SimpleHistoryAdmin):
    list_display = ("compromiso", "tipo", "porcentaje", "autor", "fecha")
    list_filter = ("tipo",)
    search_fields = ("nota", "compromiso__descripcion")
    list_select_related = ("compromiso", "autor")
    raw_id_fields = ("compromiso", "evidencia")


@admin.register(Reprogramacion)
class ReprogramacionAdmin(SimpleHistoryAdmin):
    list_display = ("compromiso", "fecha_anterior", "fecha_nueva", "autor", "fecha")
    search_fields = ("justificacion", "compromiso__descripcion")
    list_filter = ("fecha",)
    list_select_related = ("compromiso", "autor")
    raw_id_fields = ("compromiso",)


@admin.register(CalendarioPersonal)
class CalendarioPersonalAdmin(admin.ModelAdmin):
    list_display = ("usuario", "creado_en")
    search_fields = ("usuario__username", "usuario__first_name", "usuario__last_name")
    list_filter = ("creado_en",)
    readonly_fields = ("token",)
    autocomplete_fields = ("usuario",)
