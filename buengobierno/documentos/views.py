import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from buengobierno.documentos.adjuntos import (
    CONTENT_TYPE_POR_TIPO,
    admite_adjuntos,
    guardar_adjunto,
    puede_editar_objeto,
    puede_ver_objeto,
)
from buengobierno.documentos.forms import AdjuntoForm
from buengobierno.documentos.models import Adjunto
from buengobierno.documentos.templatetags.documentos import contexto_adjuntos

logger = logging.getLogger(__name__)

NO_DISPONIBLE = gettext_lazy("No existe o no tiene acceso a este archivo.")


@login_required
def descargar_adjunto(request, pk):
    """Stream an attachment to a user who may see the record it belongs to; 404 otherwise."""
    adjunto = get_object_or_404(Adjunto.objects.select_related("content_type"), pk=pk)
    try:
        objeto = adjunto.objeto
    except AttributeError:  # the model of the record no longer exists
        objeto = None
    if not puede_ver_objeto(request.user, objeto):
        raise Http404(NO_DISPONIBLE)
    try:
        archivo = adjunto.archivo.open("rb")
    except FileNotFoundError:
        logger.error("Falta en disco el archivo del adjunto %s (%s)", adjunto.pk, adjunto.archivo)
        raise Http404(NO_DISPONIBLE) from None
    respuesta = FileResponse(
        archivo,
        as_attachment=True,
        filename=adjunto.nombre_original,
        content_type=CONTENT_TYPE_POR_TIPO.get(adjunto.tipo, "application/octet-stream"),
    )
    respuesta["X-Content-Type-Options"] = "nosniff"
    respuesta["Content-Security-Policy"] = "default-src 'none'; sandbox"
    respuesta["Cache-Control"] = "private, no-store"
    return respuesta


@login_required
@require_POST
def adjuntar(request, content_type_id, object_id):
    """Attach a file to any record the user may edit (its model's `acceso` policy decides)."""
    tipo = get_object_or_404(ContentType, pk=content_type_id)
    modelo = tipo.model_class()
    if modelo is None:
        raise Http404
    objeto = modelo._default_manager.filter(pk=object_id).first()
    if not puede_ver_objeto(request.user, objeto):
        raise Http404(_("No existe o no tiene acceso a este registro."))
    if not puede_editar_objeto(request.user, objeto):
        raise PermissionDenied(_("Su rol no le permite adjuntar archivos a este registro."))
    if not admite_adjuntos(objeto):
        raise PermissionDenied(_("Este registro está cerrado: ya no admite archivos adjuntos."))

    form = AdjuntoForm(request.POST, request.FILES, objeto=objeto)
    if form.is_valid():
        try:
            adjunto = guardar_adjunto(
                objeto=objeto,
                archivo=form.cleaned_data["archivo"],
                usuario=request.user,
                descripcion=form.cleaned_data["descripcion"],
            )
        except ValidationError as error:
            form.add_error("archivo", error)
        else:
            messages.success(request, _("Se adjuntó «%(nombre)s».") % {"nombre": adjunto})
            form = None

    if request.htmx:
        return render(
            request,
            "documentos/_adjuntos.html",
            contexto_adjuntos(request.user, objeto, form=form),
            status=200 if form is None else 422,
        )
    if form is not None:
        for error in form.errors.get("archivo", []):
            messages.error(request, error)
    siguiente = request.POST.get("siguiente", "")
    if siguiente and url_has_allowed_host_and_scheme(
        siguiente, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(siguiente)
    if hasattr(objeto, "get_absolute_url"):
        return redirect(objeto.get_absolute_url())
    return redirect("escritorio")
