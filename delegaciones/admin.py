"""P001 in the Django admin: the admin's job is the register of instancias and repairs; the
Despacho and the delegates work from the application's pages."""

from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from buengobierno.documentos.correccion import AdminConEstado
from delegaciones.models import (
    CompromisoFicha,
    Delegacion,
    DelegacionPermanente,
    FichaTecnica,
    Instancia,
    Sesion,
)
from delegaciones.services import TEXTOS_FICHA


class SesionInline(admin.TabularInline):
    model = Sesion
    extra = 0
    fields = ("inicio", "lugar", "asistencia")
    show_change_link = True
    ordering = ("-inicio",)


@admin.register(Instancia)
class InstanciaAdmin(SimpleHistoryAdmin):
    list_display = ("nombre", "tipo", "organismo", "delegado_habitual", "periodicidad", "activa")
    list_filter = ("activa", "tipo", "periodicidad", "organismo")
    search_fields = ("nombre", "entidad_convocante", "norma", "secretaria_tecnica")
    list_select_related = ("organismo", "delegado_habitual")
    autocomplete_fields = ("organismo", "delegado_habitual", "creado_por")
    inlines = (SesionInline,)


@admin.register(DelegacionPermanente)
class DelegacionPermanenteAdmin(SimpleHistoryAdmin):
    """Registered from the instancia's page (the act's PDF is checked there); the admin
    reads them and repairs a typo. Periods that overlap are refused on the page."""

    list_display = ("instancia", "tipo_acto", "numero_acto", "delegado", "desde", "hasta")
    list_filter = ("tipo_acto", "instancia")
    search_fields = ("numero_acto", "instancia__nombre", "delegado__first_name")
    date_hierarchy = "desde"
    list_select_related = ("instancia", "delegado")
    autocomplete_fields = ("delegado", "creado_por")
    readonly_fields = ("acto", "desde", "hasta", "instancia")

    def has_add_permission(self, request):
        return False


class DelegacionInline(admin.TabularInline):
    model = Delegacion
    extra = 0
    fields = ("delegado", "delegante", "estado", "numero_carta", "fecha_limite_ficha")
    readonly_fields = ("estado", "numero_carta", "fecha_limite_ficha")
    autocomplete_fields = ("delegado",)
    show_change_link = True
    can_delete = False  # a numbered letter stays; drafts are deleted from their own page


@admin.register(Sesion)
class SesionAdmin(SimpleHistoryAdmin):
    list_display = ("instancia", "inicio", "lugar", "asistencia")
    list_filter = ("asistencia", "instancia__tipo", "instancia")
    search_fields = ("instancia__nombre", "lugar", "temas")
    date_hierarchy = "inicio"
    list_select_related = ("instancia",)
    autocomplete_fields = ("instancia", "creado_por")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = (DelegacionInline,)


class FichaInline(admin.StackedInline):
    model = FichaTecnica
    extra = 0
    fields = (
        *TEXTOS_FICHA,
        "entregada_en",
        "reenviada_en",
        "entregada_por",
        "observaciones_revision",
        "revisada_por",
        "revisada_en",
    )
    readonly_fields = (
        "entregada_en",
        "reenviada_en",
        "entregada_por",
        "revisada_por",
        "revisada_en",
    )
    show_change_link = True


@admin.register(Delegacion)
class DelegacionAdmin(AdminConEstado, SimpleHistoryAdmin):
    campos_de_estado = ("estado", "notificada_en", "respondida_en", "fecha_limite_ficha")
    campos_de_numero = ("numero_carta",)

    list_display = (
        "sesion",
        "delegado",
        "organismo",
        "delegante",
        "estado",
        "numero_carta",
        "fecha_limite_ficha",
    )
    list_filter = ("estado", "delegante", "organismo", "sesion__instancia")
    search_fields = (
        "sesion__instancia__nombre",
        "delegado__first_name",
        "delegado__last_name",
        "numero_carta",
    )
    date_hierarchy = "fecha_limite_ficha"
    list_select_related = ("sesion__instancia", "delegado", "organismo")
    autocomplete_fields = ("sesion", "delegado", "organismo", "creado_por")
    inlines = (FichaInline,)


class CompromisoFichaInline(admin.TabularInline):
    model = CompromisoFicha
    extra = 0
    fields = ("descripcion", "responsable", "fecha_limite", "compromiso")
    readonly_fields = ("compromiso",)
    autocomplete_fields = ("responsable",)


@admin.register(FichaTecnica)
class FichaTecnicaAdmin(SimpleHistoryAdmin):
    list_display = ("delegacion", "entregada_en", "revisada_en")
    list_filter = (("entregada_en", admin.EmptyFieldListFilter), "delegacion__estado")
    search_fields = ("delegacion__sesion__instancia__nombre", "desarrollo", "decisiones")
    list_select_related = ("delegacion__sesion__instancia", "delegacion__delegado")
    readonly_fields = ("delegacion", "entregada_en", "reenviada_en", "entregada_por")
    inlines = (CompromisoFichaInline,)
