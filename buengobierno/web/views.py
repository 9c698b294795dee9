from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from buengobierno.web.procedimientos import ProcedimientoConfig


@login_required
def escritorio(request):
    return render(request, "web/escritorio.html")


@login_required
def inicio_procedimiento(request, app_label):
    config = apps.get_app_config(app_label)
    if not isinstance(config, ProcedimientoConfig):
        raise Http404
    return render(request, "web/procedimiento_inicio.html", {"procedimiento": config})


@never_cache
def salud(request):
    """Health check for the load balancer: the database and the broker answer."""
    from buengobierno.web.salud import comprobar

    resultado = comprobar()
    return JsonResponse(resultado, status=200 if resultado["estado"] == "ok" else 503)


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_500(request):
    return render(request, "500.html", status=500)
