"""P003 in the Django admin: the types of act (and their series) and repairs; the Despacho,
the producers, the DAGJP and the Secretario work from the application's pages."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from actos.models import (
    ActoAdministrativo,
    ItemRevision,
    Notificacion,
    RelacionActo,
    RevisionForma,
    TipoActo,
    VersionActo,
    VistoBueno,
)
from buengobierno.documentos.correccion import AdminConEstado


@admin.register(TipoActo)
class TipoActoAdmin(admin.ModelAdmin):
    list_display = ("nombre", "serie", "activo")
    list_filter = ("activo",)
    search_fields = ("nombre",)


class VersionInline(admin.TabularInline):
    model = VersionActo
    extra = 0
    fields = ("numero", "documento", "sha256", "autor", "creada_en", "comentario")
    readonly_fields = fields
    can_delete = False


class VistoBuenoInline(admin.TabularInline):
    model = VistoBueno
    extra = 0
    fields = ("tipo", "version", "medio", "dado_por", "firmante", "fecha", "anulado_en")
    readonly_fields = fields
    can_delete = False


class RelacionInline(admin.TabularInline):
    model = RelacionActo
    extra = 0


class NotificacionInline(admin.TabularInline):
    model = Notificacion
    extra = 0
    fields = ("destinatario", "medio", "fecha", "recursos")
    readonly_fields = fields
    can_delete = False


@admin.register(ActoAdministrativo)
class ActoAdmin(AdminConEstado, SimpleHistoryAdmin):
    list_display = ("__str__", "organismo", "estado", "alcance", "numero", "etapa_desde")
    list_filter = ("estado", "tipo", "alcance", "urgencia", "organismo")
    search_fields = ("epigrafe", "numero", "radicado", "organismo__nombre", "organismo__sigla")
    list_select_related = ("tipo", "organismo")
    date_hierarchy = "creado_en"
    autocomplete_fields = ("organismo", "creado_por")
    campos_de_estado = (
        "estado",
        "version_actual",
        "vb_productor_en",
        "vb_juridica_en",
        "revision_aprobada_en",
        "vb_secretario_en",
        "etapa_desde",
        "vence_etapa",
        "devoluciones",
        "copia_firmada",
    )
    campos_de_numero = ("numero", "anio_numero")
    readonly_fields = ("fecha_expedicion",)
    inlines = (RelacionInline, VersionInline, VistoBuenoInline, NotificacionInline)


class ItemInline(admin.TabularInline):
    model = ItemRevision
    extra = 0


@admin.register(RevisionForma)
class RevisionFormaAdmin(admin.ModelAdmin):
    list_display = ("acto", "version", "aprobada", "revisor", "revisada_en")
    list_filter = ("aprobada", "organismo")
    search_fields = ("acto__epigrafe", "observaciones")
    list_select_related = ("acto__tipo", "version", "revisor")
    raw_id_fields = ("acto", "version", "revisor", "organismo")
    inlines = (ItemInline,)
