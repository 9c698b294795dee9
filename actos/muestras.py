"""Small, valid documents for the demo, the scale seed and the tests: a DOCX with a text and a
one-page PDF (the platform checks uploads by content, so they must be real)."""

import io
import zipfile
from xml.sax.saxutils import escape

from django.core.files.base import ContentFile

_TIPOS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    b'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    b'relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    b'.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    b'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    b'Target="word/document.xml"/></Relationships>'
)


def bytes_docx(texto: str) -> bytes:
    parrafos = "".join(
        f"<w:p><w:r><w:t>{escape(linea)}</w:t></w:r></w:p>" for linea in texto.splitlines()
    )
    documento = (
        '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
        'openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        f"{parrafos}</w:body></w:document>"
    ).encode()
    salida = io.BytesIO()
    with zipfile.ZipFile(salida, "w", zipfile.ZIP_DEFLATED) as contenedor:
        contenedor.writestr("[Content_Types].xml", _TIPOS)
        contenedor.writestr("_rels/.rels", _RELS)
        contenedor.writestr("word/document.xml", documento)
    return salida.getvalue()


def bytes_pdf() -> bytes:
    """A blank one-page PDF, written by hand (no PDF library needed in production)."""
    objetos = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    ]
    salida = io.BytesIO()
    salida.write(b"%PDF-1.4\n")
    posiciones = []
    for numero, cuerpo in enumerate(objetos, start=1):
        posiciones.append(salida.tell())
        salida.write(b"%d 0 obj\n%s\nendobj\n" % (numero, cuerpo))
    xref = salida.tell()
    salida.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objetos) + 1))
    for posicion in posiciones:
        salida.write(b"%010d 00000 n \n" % posicion)
    salida.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objetos) + 1, xref)
    )
    return salida.getvalue()


def docx(texto: str, nombre: str = "proyecto.docx") -> ContentFile:
    return ContentFile(bytes_docx(texto), name=nombre)


def pdf(nombre: str = "firmado.pdf") -> ContentFile:
    return ContentFile(bytes_pdf(), name=nombre)
