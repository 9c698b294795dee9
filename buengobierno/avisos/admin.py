from django.contrib import admin, messages
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from buengobierno.avisos import servicios
from buengobierno.avisos.models import Notificacion, Recordatorio


class _SoloLectura:
    """Rows written by the engine: the admin reads them and acts through actions only."""

    def has_add_permission(self, request):
        return False

    def get_readonly_fields(self, request, obj=None):
        return [campo.name for campo in self.model._meta.fields] + ["registro"]

    @admin.display(description=_("registro"))
    def registro(self, obj):
        return obj.objeto if obj.objeto is not None else f"{obj.content_type} #{obj.object_id}"


@admin.register(Recordatorio)
class RecordatorioAdmin(_SoloLectura, admin.ModelAdmin):
    list_display = (
        "paso",
        "registro",
        "destinatario",
        "estado",
        "intentos",
        "proximo_intento",
        "enviado_en",
        "creado",
    )
    list_filter = ("estado", "paso", ("content_type", admin.RelatedOnlyFieldListFilter))
    search_fields = (
        "paso",
        "plantilla",
        "ultimo_error",
        "destinatario__username",
        "destinatario__email",
        "destinatario__first_name",
        "destinatario__last_name",
    )
    date_hierarchy = "creado"
    list_select_related = ("destinatario", "content_type")
    actions = ["reintentar_ahora"]
    fieldsets = (
        (None, {"fields": ("registro", "paso", "destinatario", "plantilla", "url", "contexto")}),
        (
            _("Envío"),
            {
                "fields": (
                    "estado",
                    "intentos",
                    "transmisiones",
                    "id_mensaje",
                    "proximo_intento",
                    "enviado_en",
                    "ultimo_error",
                    "nota",
                    "creado",
                )
            },
        ),
        (_("Clave"), {"fields": ("content_type", "object_id"), "classes": ("collapse",)}),
    )

    def get_queryset(self, request):
        # The generic link is prefetched: one query per record type, not one per row.
        return super().get_queryset(request).prefetch_related("objeto")

    @admin.action(description=_("Reintentar ahora"), permissions=["change"])
    def reintentar_ahora(self, request, queryset):
        with transaction.atomic():
            pks = servicios.reintentar_ahora(recordatorios=queryset)
            for recordatorio in queryset.filter(pk__in=pks):
                self.log_change(request, recordatorio, _("Reintento solicitado desde el admin."))
        omitidos = queryset.count() - len(pks)
        self.message_user(
            request,
            ngettext(
                "Se encoló %(n)d recordatorio para reintentar.",
                "Se encolaron %(n)d recordatorios para reintentar.",
                len(pks),
            )
            % {"n": len(pks)},
            messages.SUCCESS,
        )
        if omitidos:
            self.message_user(
                request,
                _("%(n)d ya estaban enviados, en envío o descartados y no se tocaron.")
                % {"n": omitidos},
                messages.WARNING,
            )


@admin.register(Notificacion)
class NotificacionAdmin(_SoloLectura, admin.ModelAdmin):
    list_display = ("titulo", "destinatario", "creada", "leida_en")
    list_filter = (
        ("leida_en", admin.EmptyFieldListFilter),
        ("content_type", admin.RelatedOnlyFieldListFilter),
        "creada",
    )
    search_fields = (
        "titulo",
        "mensaje",
        "destinatario__username",
        "destinatario__email",
        "destinatario__first_name",
        "destinatario__last_name",
    )
    date_hierarchy = "creada"
    list_select_related = ("destinatario",)
