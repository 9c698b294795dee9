"""Attachments checked by content and size, stored with their SHA-256, served after an access check.

A file is accepted only if its extension is on the whitelist AND its bytes are what the
extension says: an .exe renamed .pdf or an HTML page renamed .png is refused with the reason,
and nothing is stored.
"""

import codecs
import hashlib
import logging
import os
import unicodedata
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from buengobierno.documentos.models import Adjunto
from buengobierno.organizacion.acceso import Politica

logger = logging.getLogger(__name__)

Tipo = Adjunto.Tipo

# extension -> the type its content must have
TIPO_POR_EXTENSION = {
    ".pdf": Tipo.PDF,
    ".png": Tipo.PNG,
    ".jpg": Tipo.JPEG,
    ".jpeg": Tipo.JPEG,
    ".docx": Tipo.DOCX,
    ".xlsx": Tipo.XLSX,
    ".pptx": Tipo.PPTX,
    ".odt": Tipo.ODT,
    ".ods": Tipo.ODS,
    ".odp": Tipo.ODP,
    ".csv": Tipo.CSV,
    ".txt": Tipo.TXT,
}

# What is sent as Content-Type on download: decided by the checked type, never by the client.
CONTENT_TYPE_POR_TIPO = {
    Tipo.PDF: "application/pdf",
    Tipo.PNG: "image/png",
    Tipo.JPEG: "image/jpeg",
    Tipo.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    Tipo.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    Tipo.PPTX: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    Tipo.ODT: "application/vnd.oasis.opendocument.text",
    Tipo.ODS: "application/vnd.oasis.opendocument.spreadsheet",
    Tipo.ODP: "application/vnd.oasis.opendocument.presentation",
    Tipo.CSV: "text/csv; charset=utf-8",
    Tipo.TXT: "text/plain; charset=utf-8",
}

# How the error message names each type ("no corresponde a un PDF").
DESCRIPCION_POR_TIPO = {
    Tipo.PDF: _("un PDF"),
    Tipo.PNG: _("una imagen PNG"),
    Tipo.JPEG: _("una imagen JPEG"),
    Tipo.DOCX: _("un documento de Word (DOCX)"),
    Tipo.XLSX: _("una hoja de cálculo de Excel (XLSX)"),
    Tipo.PPTX: _("una presentación de PowerPoint (PPTX)"),
    Tipo.ODT: _("un documento de texto OpenDocument (ODT)"),
    Tipo.ODS: _("una hoja de cálculo OpenDocument (ODS)"),
    Tipo.ODP: _("una presentación OpenDocument (ODP)"),
    Tipo.CSV: _("un archivo CSV en UTF-8"),
    Tipo.TXT: _("un archivo de texto en UTF-8"),
}

_OOXML_CARPETA = {"word/": Tipo.DOCX, "xl/": Tipo.XLSX, "ppt/": Tipo.PPTX}
_ODF_MIMETYPE = {
    b"application/vnd.oasis.opendocument.text": Tipo.ODT,
    b"application/vnd.oasis.opendocument.spreadsheet": Tipo.ODS,
    b"application/vnd.oasis.opendocument.presentation": Tipo.ODP,
}
_TEXTO = "texto"  # CSV and TXT share one content check; the extension tells them apart
_BLOQUE = 64 * 1024


def tamano_maximo_bytes() -> int:
    return getattr(settings, "ADJUNTOS_TAMANO_MAXIMO_MB", 20) * 1024 * 1024


def descomprimido_maximo_bytes() -> int:
    return getattr(settings, "ADJUNTOS_DESCOMPRIMIDO_MAXIMO_MB", 50) * 1024 * 1024


# An office file is a ZIP. Real documents unpack to a few times their size (XML compresses
# about 10:1); a "zip bomb" unpacks to hundreds of times it and would exhaust the memory or
# the disk of whoever opens it (the people who download it, an indexer, a converter).
RAZON_MAXIMA = 100
# Below this unpacked size the ratio does not matter (a tiny file of blank cells is fine).
_RAZON_DESDE = 5 * 1024 * 1024
_TIPOS_ZIP = {Tipo.DOCX, Tipo.XLSX, Tipo.PPTX, Tipo.ODT, Tipo.ODS, Tipo.ODP}


def _megas(tamano: int) -> str:
    megas = round(tamano / (1024 * 1024), 1)
    return number_format(megas, decimal_pos=0 if megas == int(megas) else 1)


def _nombre_seguro(nombre: str) -> str:
    """The base name without directories or control characters, at most 255 characters."""
    nombre = os.path.basename(nombre.replace("\\", "/"))
    nombre = "".join(c for c in nombre if unicodedata.category(c)[0] != "C").strip()
    raiz, extension = os.path.splitext(nombre)
    return (raiz[: 255 - len(extension)] + extension) or "archivo"


def _leer(archivo, n: int | None = None) -> bytes:
    archivo.seek(0)
    datos = archivo.read() if n is None else archivo.read(n)
    archivo.seek(0)
    return datos


def _tipo_zip(archivo) -> str | None:
    try:
        with zipfile.ZipFile(archivo) as contenedor:
            nombres = contenedor.namelist()
            # OpenDocument: a first, uncompressed entry "mimetype" names the kind of document.
            if nombres and nombres[0] == "mimetype":
                if contenedor.getinfo("mimetype").file_size > 100:
                    return None  # a real one is a short line; refuse to inflate anything big
                return _ODF_MIMETYPE.get(contenedor.read("mimetype").strip())
            if "[Content_Types].xml" in nombres:
                for carpeta, tipo in _OOXML_CARPETA.items():
                    if any(n.startswith(carpeta) for n in nombres):
                        return tipo
    except (zipfile.BadZipFile, OSError, KeyError, EOFError, RuntimeError):
        return None
    finally:
        archivo.seek(0)
    return None


def _es_texto_utf8(archivo) -> bool:
    decodificador = codecs.getincrementaldecoder("utf-8")()
    archivo.seek(0)
    try:
        for bloque in iter(lambda: archivo.read(_BLOQUE), b""):
            if b"\x00" in bloque:
                return False
            decodificador.decode(bloque)
        decodificador.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    finally:
        archivo.seek(0)
    return True


def _tamano_descomprimido(archivo) -> int | None:
    """Bytes the ZIP unpacks to, counted by inflating it (headers can lie about the size)
    and stopping as soon as the limit is passed; None when it is not a readable ZIP."""
    limite = descomprimido_maximo_bytes()
    total = 0
    try:
        with zipfile.ZipFile(archivo) as contenedor:
            declarado = sum(info.file_size for info in contenedor.infolist())
            if declarado > limite:
                return declarado
            for info in contenedor.infolist():
                with contenedor.open(info) as entrada:
                    for bloque in iter(lambda entrada=entrada: entrada.read(_BLOQUE), b""):
                        total += len(bloque)
                        if total > limite:
                            return total
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError):
        return None
    finally:
        archivo.seek(0)
    return total


def _validar_descomprimido(archivo, nombre: str, tipo: str) -> None:
    """Refuse an office file that unpacks to more than the limit, or far more than its size."""
    tamano = _tamano_descomprimido(archivo)
    if tamano is None:
        raise ValidationError(
            _("El contenido de «%(nombre)s» no corresponde a %(tipo)s."),
            code="contenido",
            params={"nombre": nombre, "tipo": DESCRIPCION_POR_TIPO[tipo]},
        )
    maximo = descomprimido_maximo_bytes()
    if tamano > maximo or (tamano > _RAZON_DESDE and tamano > RAZON_MAXIMA * archivo.size):
        raise ValidationError(
            _(
                "«%(nombre)s» se descomprime en más de %(tamano)s MB (el máximo es %(maximo)s "
                "MB y %(razon)s veces su tamaño): no se admite. Guárdelo de nuevo desde su "
                "programa de oficina o envíelo como PDF."
            ),
            code="descomprimido",
            params={
                "nombre": nombre,
                "tamano": _megas(tamano),
                "maximo": _megas(maximo),
                "razon": RAZON_MAXIMA,
            },
        )


def detectar_tipo(archivo) -> str | None:
    """What the bytes of a file are (a Tipo value, "texto" for UTF-8 text), or None."""
    cabecera = _leer(archivo, 8)
    if cabecera.startswith(b"%PDF-"):
        return Tipo.PDF
    if cabecera.startswith(b"\x89PNG\r\n\x1a\n"):
        return Tipo.PNG
    if cabecera.startswith(b"\xff\xd8\xff"):
        return Tipo.JPEG
    if cabecera.startswith(b"PK\x03\x04"):
        return _tipo_zip(archivo)
    if cabecera and _es_texto_utf8(archivo):
        return _TEXTO
    return None


def validar_archivo(archivo) -> str:
    """Check an uploaded file's size, extension and content; return its Tipo value.

    Raises a ValidationError in Spanish that says why a file is refused.
    """
    nombre = _nombre_seguro(getattr(archivo, "name", "") or "")
    maximo = tamano_maximo_bytes()
    if archivo.size > maximo:
        raise ValidationError(
            _("El archivo pesa %(tamano)s MB; el máximo es %(maximo)s MB."),
            code="tamano",
            params={"tamano": _megas(archivo.size), "maximo": _megas(maximo)},
        )
    if archivo.size == 0:
        raise ValidationError(
            _("El archivo «%(nombre)s» está vacío."), code="vacio", params={"nombre": nombre}
        )
    extension = os.path.splitext(nombre)[1].lower()
    esperado = TIPO_POR_EXTENSION.get(extension)
    if esperado is None:
        raise ValidationError(
            _("No se admiten archivos «%(extension)s». Se admiten: %(permitidos)s."),
            code="extension",
            params={
                "extension": extension or nombre,
                "permitidos": ", ".join(
                    sorted({e.lstrip(".").upper() for e in TIPO_POR_EXTENSION})
                ),
            },
        )
    detectado = detectar_tipo(archivo)
    if detectado == _TEXTO and esperado in (Tipo.CSV, Tipo.TXT):
        detectado = esperado
    if detectado != esperado:
        raise ValidationError(
            _("El contenido de «%(nombre)s» no corresponde a %(tipo)s."),
            code="contenido",
            params={"nombre": nombre, "tipo": DESCRIPCION_POR_TIPO[esperado]},
        )
    if esperado in _TIPOS_ZIP:
        _validar_descomprimido(archivo, nombre, esperado)
    return esperado


def sha256_de(archivo) -> str:
    """The SHA-256 of a Django File, read in blocks so a large upload never sits in memory."""
    resumen = hashlib.sha256()
    for bloque in archivo.chunks(_BLOQUE):
        resumen.update(bloque)
    archivo.seek(0)
    return resumen.hexdigest()


def guardar_adjunto(*, objeto, archivo, usuario, descripcion: str = "") -> Adjunto:
    """Validate `archivo` (an UploadedFile or File) and attach it to `objeto`.

    Raises ValidationError (nothing is stored) when the file is refused. The file gets a
    random name under MEDIA_ROOT/adjuntos/YYYY/MM/; the original name is kept in the row.
    A generated PDF is stored the same way: guardar_adjunto(..., archivo=ContentFile(pdf,
    name="ficha.pdf")).
    """
    if objeto.pk is None:
        raise ValueError("guardar_adjunto() necesita un registro ya guardado.")
    tipo = validar_archivo(archivo)
    nombre = _nombre_seguro(archivo.name)
    adjunto = Adjunto(
        objeto=objeto,
        nombre_original=nombre,
        tipo=tipo,
        tamano=archivo.size,
        sha256=sha256_de(archivo),
        descripcion=descripcion,
        subido_por=usuario if getattr(usuario, "is_authenticated", False) else None,
    )
    adjunto.archivo.save(nombre, archivo, save=False)
    try:
        adjunto.save()
    except BaseException:
        adjunto.archivo.storage.delete(adjunto.archivo.name)
        raise
    return adjunto


def politica_de(objeto) -> Politica | None:
    politica = getattr(type(objeto), "acceso", None)
    return politica if isinstance(politica, Politica) else None


def puede_ver_objeto(usuario, objeto) -> bool:
    """Whether the user may see the record an attachment hangs from (its model's `acceso`).

    A record whose model declares no access policy is never served through this module.
    """
    politica = politica_de(objeto) if objeto is not None else None
    return politica is not None and politica.puede_ver(usuario, objeto)


def puede_editar_objeto(usuario, objeto) -> bool:
    politica = politica_de(objeto) if objeto is not None else None
    return politica is not None and politica.puede_editar(usuario, objeto)


def admite_adjuntos(objeto) -> bool:
    """Whether people may still attach files to the record. A model whose records close (a
    meeting once its acta is closed, a verified commitment…) says so with a method
    `admite_adjuntos()`; the documents the platform stores itself (frozen PDFs) are not
    uploads and do not ask."""
    metodo = getattr(objeto, "admite_adjuntos", None)
    return metodo() if callable(metodo) else True


def puede_adjuntar(usuario, objeto) -> bool:
    """An editor of the record, while the record is still open to attachments."""
    return puede_editar_objeto(usuario, objeto) and admite_adjuntos(objeto)


@receiver(post_delete, sender=Adjunto)
def _borrar_archivo(sender, instance, using, **kwargs):
    # Only once the deletion is committed: a rollback must find its file still there.
    nombre, almacenamiento = instance.archivo.name, instance.archivo.storage
    if nombre:
        transaction.on_commit(lambda: almacenamiento.delete(nombre), using=using)
