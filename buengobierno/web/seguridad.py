"""Response headers that every page and file gets, beside Django's and django-csp's.

- Permissions-Policy (settings.PERMISSIONS_POLICY): the browser features no page uses are
  switched off, so an injected script could not reach the camera, the microphone…
- Cache-Control "private, no-store" on every file the site hands out (anything sent with
  Content-Disposition — exports, attachments, PDFs — and calendars): they hold data of the
  person who asked and must not stay in a shared proxy nor on a shared computer's disk. Set
  here once, so a new download view cannot forget it.
"""

from django.conf import settings

SIN_CACHE = "private, no-store"
TIPOS_PRIVADOS = ("text/calendar",)


def politica_de_permisos(politica: dict[str, list[str]]) -> str:
    """{"camera": [], "fullscreen": ["self"]} -> 'camera=(), fullscreen=(self)'."""
    return ", ".join(f"{funcion}=({' '.join(origenes)})" for funcion, origenes in politica.items())


class CabecerasDeSeguridad:
    def __init__(self, get_response):
        self.get_response = get_response
        self.permisos = politica_de_permisos(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        respuesta = self.get_response(request)
        respuesta.headers.setdefault("Permissions-Policy", self.permisos)
        tipo = respuesta.headers.get("Content-Type", "")
        if "Content-Disposition" in respuesta.headers or tipo.startswith(TIPOS_PRIVADOS):
            respuesta.headers["Cache-Control"] = SIN_CACHE
            respuesta.headers.pop("Expires", None)
        return respuesta
