from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from buengobierno.avisos.models import Notificacion

POR_PAGINA = 25
EN_LA_CAMPANA = 5


def _destino_seguro(request, url: str, defecto: str) -> str:
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return defecto


@login_required
def lista(request):
    notificaciones = Notificacion.objects.de(request.user)
    pagina = Paginator(notificaciones, POR_PAGINA).get_page(request.GET.get("page"))
    return render(
        request,
        "avisos/lista.html",
        {
            "page_obj": pagina,
            "paginator": pagina.paginator,
            "is_paginated": pagina.has_other_pages(),
            "sin_leer": notificaciones.no_leidas().count(),
        },
    )


@never_cache
@require_GET
def campana(request):
    """The top-bar bell, fetched by htmx on load and every minute."""
    if not request.user.is_authenticated:
        # htmx keeps the placeholder on 204; a redirect would swap the login page in.
        return HttpResponse(status=204)
    notificaciones = Notificacion.objects.de(request.user)
    return render(
        request,
        "avisos/_campana_contenido.html",
        {
            "sin_leer": notificaciones.no_leidas().count(),
            "recientes": notificaciones[:EN_LA_CAMPANA],
        },
    )


@login_required
@require_POST
def leer(request, pk):
    """Mark one notice read and follow its link (another user's notice is a 404)."""
    notificacion = get_object_or_404(Notificacion, pk=pk, destinatario=request.user)
    notificacion.marcar_leida()
    return redirect(_destino_seguro(request, notificacion.url, "avisos:lista"))


@login_required
@require_POST
def leer_todas(request):
    marcadas = Notificacion.objects.de(request.user).marcar_leidas()
    messages.success(
        request,
        ngettext(
            "Se marcó %(n)d notificación como leída.",
            "Se marcaron %(n)d notificaciones como leídas.",
            marcadas,
        )
        % {"n": marcadas},
    )
    return redirect(_destino_seguro(request, request.POST.get("siguiente", ""), "avisos:lista"))
