import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings as configuracion
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfWriter

from buengobierno.documentos.models import FormularioControlado
from buengobierno.organizacion.roles import Rol

PLANTILLAS = Path(__file__).parent / "plantillas"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Each test stores its files in its own MEDIA_ROOT, removed with tmp_path."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def plantillas_de_prueba(settings):
    motor = {
        **configuracion.TEMPLATES[0],
        "DIRS": [*configuracion.TEMPLATES[0]["DIRS"], PLANTILLAS],
    }
    settings.TEMPLATES = [motor]


def archivos_en(carpeta: Path) -> list[Path]:
    return [p for p in carpeta.rglob("*") if p.is_file()] if carpeta.exists() else []


def bytes_pdf() -> bytes:
    escritor = PdfWriter()
    escritor.add_blank_page(width=612, height=792)
    salida = io.BytesIO()
    escritor.write(salida)
    return salida.getvalue()


def bytes_imagen(formato: str) -> bytes:
    salida = io.BytesIO()
    Image.new("RGB", (4, 4), "navy").save(salida, format=formato)
    return salida.getvalue()


def bytes_zip(entradas: dict[str, bytes], *, primera_sin_comprimir: str | None = None) -> bytes:
    salida = io.BytesIO()
    with zipfile.ZipFile(salida, "w", zipfile.ZIP_DEFLATED) as contenedor:
        if primera_sin_comprimir:
            contenedor.writestr(
                primera_sin_comprimir, entradas.pop(primera_sin_comprimir), zipfile.ZIP_STORED
            )
        for nombre, datos in entradas.items():
            contenedor.writestr(nombre, datos)
    return salida.getvalue()


def bytes_docx() -> bytes:
    return bytes_zip(
        {
            "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
            "_rels/.rels": b'<?xml version="1.0"?><Relationships/>',
            "word/document.xml": b'<?xml version="1.0"?><w:document/>',
        }
    )


def bytes_xlsx() -> bytes:
    from openpyxl import Workbook

    libro = Workbook()
    libro.active["A1"] = "Compromiso"
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()


def bytes_odt() -> bytes:
    return bytes_zip(
        {
            "mimetype": b"application/vnd.oasis.opendocument.text",
            "content.xml": b'<?xml version="1.0"?><office:document-content/>',
            "META-INF/manifest.xml": b'<?xml version="1.0"?><manifest:manifest/>',
        },
        primera_sin_comprimir="mimetype",
    )


@pytest.fixture
def subir():
    """subir(nombre, contenido) -> an uploaded file as a browser would send it."""

    def crear(nombre: str, contenido: bytes, tipo: str = "application/octet-stream"):
        return SimpleUploadedFile(nombre, contenido, content_type=tipo)

    return crear


@pytest.fixture
def formulario(db):
    """A real record with an access policy (every role sees it, administrators edit it)."""
    return FormularioControlado.objects.get(codigo="MEDE01.09.P001.F001")


@pytest.fixture
def administrador(crear_usuario, gobierno):
    return crear_usuario(Rol.ADMINISTRADOR, gobierno, username="administrador")


@pytest.fixture
def sin_rol(crear_usuario, otro_organismo):
    """A signed-in user who holds no role: sees nothing."""
    return crear_usuario(None, otro_organismo, username="sin-rol")
