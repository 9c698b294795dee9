"""The Django admin of records that follow a workflow (a delegation, a meeting, a commitment).

The workflow lives in each app's services: who may take each step, what it numbers, whom
it tells. The admin must not bypass it, so for these records

- the state and the numbering fields are read-only (`campos_de_estado`, `campos_de_numero`);
- a numbered record (a letter, an acta) cannot be deleted, one by one or in bulk: its
  number was issued and must stay accounted for (a draft without number still can);
- a wrong state is put right only through the action "Corregir el estado", which asks for
  the right state and a justification and records both in the record's history (the
  timeline of its page shows who corrected it, when, from what to what, and why).

    @admin.register(Delegacion)
    class DelegacionAdmin(AdminConEstado, SimpleHistoryAdmin):
        campos_de_numero = ("numero_carta",)
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

PREFIJO_MOTIVO = gettext_lazy("Corrección: ")
# simple_history keeps the reason in a 100-character column.
LARGO_MOTIVO = 100 - len("Corrección: ")


class FormularioCorreccion(forms.Form):
    estado = forms.ChoiceField(label=gettext_lazy("Estado correcto"))
    motivo = forms.CharField(
        label=gettext_lazy("Justificación"),
        min_length=10,
        max_length=LARGO_MOTIVO,
        help_text=gettext_lazy(
            "Por qué el estado registrado no es el real (queda en el historial del registro)."
        ),
        widget=forms.TextInput(attrs={"size": 80}),
        error_messages={
            "required": gettext_lazy("Escriba la justificación de la corrección."),
            "min_length": gettext_lazy("La justificación debe tener al menos 10 caracteres."),
        },
    )

    def __init__(self, *args, estados, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["estado"].choices = estados


@admin.action(description=gettext_lazy("Corregir el estado (con justificación)"))
def corregir_estado(modeladmin, request, queryset):
    campo = modeladmin.model._meta.get_field(modeladmin.campo_estado)
    form = FormularioCorreccion(
        request.POST if "confirmar_correccion" in request.POST else None,
        estados=campo.choices,
    )
    if form.is_valid():
        nuevo = form.cleaned_data["estado"]
        motivo = f"{PREFIJO_MOTIVO}{form.cleaned_data['motivo'].strip()}"
        corregidos, rechazados = 0, []
        with transaction.atomic():
            # of=self: the changelist joins nullable relations, which PostgreSQL will not lock.
            for objeto in queryset.select_for_update(of=("self",)):
                if getattr(objeto, campo.name) == nuevo:
                    continue
                setattr(objeto, campo.name, nuevo)
                try:
                    # The table's own rules still hold (a rejected delegation has a reason…).
                    objeto.validate_constraints()
                except ValidationError as error:
                    rechazados.append(f"{objeto}: {' '.join(error.messages)}")
                    continue
                objeto._change_reason = motivo  # simple_history stores it with this version
                objeto.save(update_fields=[campo.name])
                modeladmin.log_change(request, objeto, motivo)
                corregidos += 1
        modeladmin.message_user(
            request,
            _("Se corrigió el estado de %(n)s registro(s).") % {"n": corregidos},
            messages.SUCCESS,
        )
        for rechazo in rechazados:
            modeladmin.message_user(
                request, _("No se corrigió %(registro)s") % {"registro": rechazo}, messages.ERROR
            )
        return None
    contexto = {
        **modeladmin.admin_site.each_context(request),
        "title": _("Corregir el estado"),
        "opts": modeladmin.model._meta,
        "queryset": queryset,
        "form": form,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "action": "corregir_estado",
    }
    return TemplateResponse(request, "admin/correccion_de_estado.html", contexto)


class AdminConEstado:
    """Mix into the ModelAdmin of a record with a workflow (see the module's docstring)."""

    campo_estado = "estado"
    campos_de_estado: tuple[str, ...] = ("estado",)
    campos_de_numero: tuple[str, ...] = ()
    actions = (corregir_estado,)

    def get_readonly_fields(self, request, obj=None):
        propios = (*self.campos_de_estado, *self.campos_de_numero)
        return tuple(dict.fromkeys((*super().get_readonly_fields(request, obj), *propios)))

    def numerado(self, obj) -> bool:
        return any(getattr(obj, campo) for campo in self.campos_de_numero)

    def has_delete_permission(self, request, obj=None):
        # Django asks this for each selected row of the bulk action too (and refuses the
        # whole batch when one is numbered).
        if obj is not None and self.numerado(obj):
            return False
        return super().has_delete_permission(request, obj)
