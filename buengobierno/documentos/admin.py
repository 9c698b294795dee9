from django import forms
from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from buengobierno.documentos.adjuntos import guardar_adjunto
from buengobierno.documentos.forms import CampoAdjunto
from buengobierno.documentos.models import (
    Adjunto,
    ContadorConsecutivo,
    Firmante,
    FormularioControlado,
    SerieConsecutiva,
)


def enlace_descarga(adjunto: Adjunto) -> str:
    if not adjunto.pk:
        return "—"
    return format_html(
        '<a href="{}">{}</a>', reverse("documentos:adjunto", args=[adjunto.pk]), _("Descargar")
    )


class AdjuntoInline(GenericTabularInline):
    """The attachments of a record, read only (they are added through guardar_adjunto).

    Procedure admins may reuse it: `inlines = [AdjuntoInline]`.
    """

    model = Adjunto
    extra = 0
    can_delete = False
    fields = ("nombre_original", "tipo", "tamano", "sha256", "subido_por", "subido_en", "descarga")
    readonly_fields = fields
    verbose_name_plural = _("adjuntos")

    @admin.display(description=_("archivo"))
    def descarga(self, adjunto):
        return enlace_descarga(adjunto)

    def has_add_permission(self, request, obj=None):
        return False


class FormularioControladoForm(forms.ModelForm):
    plantilla = CampoAdjunto(
        label=_("Adjuntar la plantilla oficial"),
        required=False,
    )

    class Meta:
        model = FormularioControlado
        fields = ["codigo", "nombre", "version", "fecha_vigencia", "proceso", "activo"]


@admin.register(FormularioControlado)
class FormularioControladoAdmin(SimpleHistoryAdmin):
    form = FormularioControladoForm
    list_display = ("codigo", "nombre", "version", "fecha_vigencia", "activo")
    list_filter = ("activo", "proceso")
    search_fields = ("codigo", "nombre")
    inlines = [AdjuntoInline]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if form.cleaned_data.get("plantilla"):
            guardar_adjunto(
                objeto=obj,
                archivo=form.cleaned_data["plantilla"],
                usuario=request.user,
                descripcion=_("Plantilla oficial, versión %(version)s") % {"version": obj.version},
            )


class ContadorConsecutivoInline(admin.TabularInline):
    model = ContadorConsecutivo
    extra = 0
    fields = ("anio", "ultimo")


@admin.register(SerieConsecutiva)
class SerieConsecutivaAdmin(SimpleHistoryAdmin):
    list_display = ("nombre", "codigo", "formato", "ejemplo")
    search_fields = ("nombre", "codigo")
    fields = ("codigo", "nombre", "formato", "ejemplo")
    inlines = [ContadorConsecutivoInline]

    @admin.display(description=_("ejemplo"))
    def ejemplo(self, serie):
        try:
            return serie.formatear(numero=1, anio=timezone.localdate().year)
        except (KeyError, IndexError, ValueError):
            return "—"

    def get_readonly_fields(self, request, obj=None):
        # The code is how the procedures ask for numbers; renaming it would break them.
        return ("codigo", "ejemplo") if obj else ("ejemplo",)


@admin.register(Adjunto)
class AdjuntoAdmin(SimpleHistoryAdmin):
    list_display = (
        "nombre_original",
        "tipo",
        "tamano_legible",
        "content_type",
        "object_id",
        "subido_por",
        "subido_en",
        "descarga",
    )
    list_filter = ("tipo", "content_type", "subido_en")
    search_fields = ("nombre_original", "=sha256", "descripcion")
    list_select_related = ("content_type", "subido_por")
    date_hierarchy = "subido_en"
    fields = (
        "nombre_original",
        "descripcion",
        "tipo",
        "tamano",
        "sha256",
        "content_type",
        "object_id",
        "subido_por",
        "subido_en",
        "descarga",
    )
    readonly_fields = tuple(f for f in fields if f != "descripcion")

    @admin.display(description=_("archivo"))
    def descarga(self, adjunto):
        return enlace_descarga(adjunto)

    def has_add_permission(self, request):
        # Files come in only through guardar_adjunto, which checks their content.
        return False


@admin.register(Firmante)
class FirmanteAdmin(SimpleHistoryAdmin):
    """Who signs the delegation letters of the Alcalde and of the Secretario de Gobierno."""

    list_display = ("get_autoridad_display", "nombre", "cargo")
    fields = ("autoridad", "nombre", "cargo")

    def get_readonly_fields(self, request, obj=None):
        return ("autoridad",) if obj else ()

    def has_delete_permission(self, request, obj=None):
        return False
