"""The one PDF helper: a Django template to PDF bytes with WeasyPrint, never touching the network.

Every form template extends "documentos/pdf_base.html" (blocks `titulo` and `contenido`), which
prints the official header of the Alcaldía on every page. Context contract:

    formulario        a FormularioControlado (code, version, effective date) or None
    documento_nombre  the document's name when it has no controlled code ("Acta de reunión")
    generado_en       an aware datetime; defaults to now

    contenido = renderizar_pdf("delegaciones/pdf/ficha.html", {
        "formulario": formulario_controlado("MEDE01.09.P001.F001"), "ficha": ficha})
    return respuesta_pdf(contenido, "ficha-tecnica.pdf")
"""

import io
import mimetypes
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import FileResponse
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from buengobierno.documentos.models import FormularioControlado

# Relative and root-relative URLs in templates ("/static/css/pdf.css") resolve against this
# base, so every resource reaches the fetcher as file:///static/… and never as http.
BASE_URL = "file:///"


class RecursoNoPermitido(Exception):
    """A PDF template referred to a resource outside the project's static files."""


class ErrorPDF(Exception):
    """The PDF could not be rendered (e.g. it refers to a resource that is not allowed)."""


def ruta_estatica(ruta: str) -> str | None:
    """The file on disk behind a static path ("css/pdf.css"), or None."""
    ruta = ruta.lstrip("/")
    if not ruta or ".." in ruta.split("/"):
        return None
    encontrado = finders.find(ruta)
    if encontrado:
        return encontrado
    # In production {% static %} gives hashed names (pdf.3f2a1c.css) that only STATIC_ROOT has.
    try:
        candidato = staticfiles_storage.path(ruta)
    except (NotImplementedError, ValueError):
        return None
    return candidato if staticfiles_storage.exists(ruta) else None


class ObtenedorLocal(URLFetcher):
    """Serves /static/… from the project's static files on disk and refuses everything else.

    http(s), ftp and any file outside the static files stop the rendering with an error: a PDF
    must not depend on the network, nor read arbitrary files from the server.
    """

    def __init__(self):
        super().__init__(fail_on_errors=True, allowed_protocols={"file", "data"})

    def fetch(self, url, headers=None):
        partes = urlsplit(url)
        esquema = partes.scheme.lower()
        if esquema == "data":
            return super().fetch(url, headers)  # inline bytes, decoded locally
        prefijo = "/" + settings.STATIC_URL.strip("/") + "/"
        if esquema == "file" and not partes.netloc and partes.path.startswith(prefijo):
            archivo = ruta_estatica(unquote(partes.path[len(prefijo) :]))
            if archivo:
                tipo = mimetypes.guess_type(archivo)[0] or "application/octet-stream"
                return URLFetcherResponse(
                    f"file://{archivo}", body=open(archivo, "rb"), headers={"Content-Type": tipo}
                )
            raise RecursoNoPermitido(f"El archivo estático {partes.path} no existe.")
        raise RecursoNoPermitido(
            f"Un PDF solo puede usar archivos estáticos del proyecto ({prefijo}…), no {url}."
        )


def renderizar_pdf(plantilla: str, contexto: dict) -> bytes:
    """Render `plantilla` with `contexto` to PDF bytes (Letter, official header on each page).

    Raises ErrorPDF when the template refers to anything but the project's static files.
    """
    contexto = {"formulario": None, "documento_nombre": "", **contexto}
    contexto.setdefault("generado_en", timezone.now())
    html = render_to_string(plantilla, contexto)
    try:
        return HTML(string=html, base_url=BASE_URL, url_fetcher=ObtenedorLocal()).write_pdf()
    except FatalURLFetchingError as error:
        causa = error.__cause__ or error
        raise ErrorPDF(f"No se pudo generar el PDF {plantilla}: {causa}") from causa


def respuesta_pdf(contenido: bytes, nombre: str, *, adjunto: bool = True) -> FileResponse:
    """A response carrying a PDF: downloaded (adjunto=True) or shown in the browser."""
    if not nombre.lower().endswith(".pdf"):
        nombre += ".pdf"
    respuesta = FileResponse(
        io.BytesIO(contenido),
        as_attachment=adjunto,
        filename=nombre,
        content_type="application/pdf",
    )
    respuesta["X-Content-Type-Options"] = "nosniff"
    respuesta["Cache-Control"] = "private, no-store"
    return respuesta


def formulario_controlado(codigo: str) -> FormularioControlado:
    """The controlled form with this SIG code, for the header of its PDF."""
    try:
        return FormularioControlado.objects.get(codigo=codigo)
    except FormularioControlado.DoesNotExist:
        raise FormularioControlado.DoesNotExist(
            f"No existe el formulario controlado {codigo}; créelo en la administración."
        ) from None
