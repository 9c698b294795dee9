"""The floor page: the least a Django page can cost here (one indexed query of 50 rows, one
template, no middleware), to measure the application's pages against in the same run."""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import path

from compromisos.models import Compromiso


def piso(request):
    compromisos = Compromiso.objects.order_by("-pk").only(
        "pk", "descripcion", "fecha_limite", "estado"
    )[:50]
    return HttpResponse(render_to_string("banco/piso.html", {"compromisos": compromisos}))


urlpatterns = [path("piso/", piso)]
