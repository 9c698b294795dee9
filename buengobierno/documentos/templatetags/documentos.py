"""{% adjuntos objeto %}: the attachments of a record, with the upload form for its editors."""

from django import template

from buengobierno.documentos.adjuntos import puede_adjuntar as puede_adjuntar_a
from buengobierno.documentos.forms import AdjuntoForm, id_dom_adjuntos
from buengobierno.documentos.models import Adjunto

register = template.Library()


def contexto_adjuntos(usuario, objeto, *, form=None, siguiente="") -> dict:
    """The context of templates/documentos/_adjuntos.html for one record."""
    puede_adjuntar = puede_adjuntar_a(usuario, objeto)
    if puede_adjuntar and form is None:
        form = AdjuntoForm(objeto=objeto, initial={"siguiente": siguiente})
    return {
        "objeto": objeto,
        "dom_id": id_dom_adjuntos(objeto),
        "adjuntos": list(Adjunto.objects.de(objeto)),
        "puede_adjuntar": puede_adjuntar,
        "form": form if puede_adjuntar else None,
    }


@register.inclusion_tag("documentos/_adjuntos.html", takes_context=True)
def adjuntos(context, objeto):
    request = context.get("request")
    contexto = contexto_adjuntos(
        context.get("user") or getattr(request, "user", None),
        objeto,
        siguiente=request.get_full_path() if request else "",
    )
    # An inclusion tag starts a fresh context: the upload form needs the page's CSRF token.
    contexto["csrf_token"] = context.get("csrf_token")
    contexto["request"] = request
    return contexto
