from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from buengobierno.documentos.adjuntos import (
    TIPO_POR_EXTENSION,
    tamano_maximo_bytes,
    validar_archivo,
)
from buengobierno.web.entrada import acotar


def id_dom_adjuntos(objeto) -> str:
    """The HTML id of a record's attachments section, the target of the htmx upload."""
    return f"adjuntos-{ContentType.objects.get_for_model(objeto).pk}-{objeto.pk}"


class CampoAdjunto(forms.FileField):
    """A file field that checks size, extension and content (see adjuntos.validar_archivo).

    The cleaned file carries `tipo_detectado`. Use it in any procedure form, then store the
    file with adjuntos.guardar_adjunto(objeto=…, archivo=form.cleaned_data[…], usuario=…).
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Archivo"))
        kwargs.setdefault(
            "help_text",
            _("PDF, imágenes, documentos de oficina, CSV o texto; máximo %(maximo)s MB.")
            % {"maximo": tamano_maximo_bytes() // (1024 * 1024)},
        )
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        atributos = super().widget_attrs(widget)
        atributos["accept"] = ",".join(TIPO_POR_EXTENSION)
        return atributos

    def clean(self, data, initial=None):
        archivo = super().clean(data, initial)
        if archivo and archivo is not initial:
            archivo.tipo_detectado = validar_archivo(archivo)
        return archivo


class AdjuntoForm(forms.Form):
    """Attach one file to a record. AdjuntoForm(objeto=registro) posts to documentos:adjuntar."""

    archivo = CampoAdjunto()
    descripcion = forms.CharField(label=_("Descripción"), max_length=255, required=False)
    siguiente = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, objeto=None, **kwargs):
        super().__init__(*args, **kwargs)
        acotar(self)
        self.helper = FormHelper(self)
        self.helper.form_method = "post"
        self.helper.add_input(Submit("adjuntar", _("Adjuntar")))
        if objeto is not None:
            tipo = ContentType.objects.get_for_model(objeto)
            self.helper.form_action = reverse(
                "documentos:adjuntar",
                kwargs={"content_type_id": tipo.pk, "object_id": objeto.pk},
            )
            # With htmx the list of attachments is refreshed in place; without it, a redirect.
            self.helper.attrs = {
                "hx-post": self.helper.form_action,
                "hx-encoding": "multipart/form-data",
                "hx-target": f"#{id_dom_adjuntos(objeto)}",
                "hx-swap": "outerHTML",
            }
