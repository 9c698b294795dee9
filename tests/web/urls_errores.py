"""The project's URLs plus two views that fail, to see the error pages as users do."""

from django.core.exceptions import PermissionDenied
from django.urls import path

from buengobierno.urls import handler403, handler404, handler500, urlpatterns  # noqa: F401


def prohibido(request):
    raise PermissionDenied


def falla(request):
    raise RuntimeError("falla de prueba")


urlpatterns = [*urlpatterns, path("prohibido/", prohibido), path("falla/", falla)]
