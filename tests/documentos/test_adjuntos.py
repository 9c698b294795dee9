import hashlib
import io
import os
import re
import time
import zipfile

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import transaction

from buengobierno.documentos.adjuntos import guardar_adjunto, validar_archivo
from buengobierno.documentos.forms import CampoAdjunto
from buengobierno.documentos.models import Adjunto
from buengobierno.organizacion.models import Organismo
from tests.documentos.conftest import (
    archivos_en,
    bytes_docx,
    bytes_imagen,
    bytes_odt,
    bytes_pdf,
    bytes_xlsx,
)

VALIDOS = [
    ("Ficha técnica.pdf", bytes_pdf, "pdf"),
    ("foto.PNG", lambda: bytes_imagen("PNG"), "png"),
    ("evidencia.jpg", lambda: bytes_imagen("JPEG"), "jpeg"),
    ("oficio.docx", bytes_docx, "docx"),
    ("compromisos.xlsx", bytes_xlsx, "xlsx"),
    ("acta.odt", bytes_odt, "odt"),
    ("asistentes.csv", lambda: "nombre,cargo\nAna Peña,Secretaria\n".encode(), "csv"),
    ("notas.txt", lambda: "Reunión del Consejo de Gobierno".encode(), "txt"),
]


@pytest.mark.parametrize(("nombre", "contenido", "tipo"), VALIDOS)
def test_a_valid_file_is_stored_with_its_type_size_and_sha256(
    nombre, contenido, tipo, formulario, despacho, subir, media
):
    datos = contenido()

    adjunto = guardar_adjunto(objeto=formulario, archivo=subir(nombre, datos), usuario=despacho)

    adjunto.refresh_from_db()
    assert adjunto.tipo == tipo
    assert adjunto.tamano == len(datos)
    assert adjunto.sha256 == hashlib.sha256(datos).hexdigest()
    assert adjunto.nombre_original == nombre
    assert adjunto.subido_por == despacho
    assert adjunto.objeto == formulario
    with adjunto.archivo.open("rb") as guardado:
        assert guardado.read() == datos
    assert archivos_en(media) == [media / adjunto.archivo.name]


def test_the_stored_name_is_random_and_keeps_only_the_extension(formulario, despacho, subir):
    adjunto = guardar_adjunto(
        objeto=formulario, archivo=subir("../../Decreto secreto.PDF", bytes_pdf()), usuario=despacho
    )

    assert re.fullmatch(r"adjuntos/\d{4}/\d{2}/[0-9a-f]{32}\.pdf", adjunto.archivo.name)
    assert adjunto.nombre_original == "Decreto secreto.PDF"


def test_an_oversized_file_is_refused_with_its_size_and_nothing_is_stored(
    formulario, despacho, subir, media
):
    pesado = subir("anexo.pdf", b"%PDF-1.7\n" + b"0" * (25 * 1024 * 1024 - 9))

    with pytest.raises(ValidationError) as error:
        guardar_adjunto(objeto=formulario, archivo=pesado, usuario=despacho)

    assert error.value.messages == ["El archivo pesa 25 MB; el máximo es 20 MB."]
    assert archivos_en(media) == []
    assert not Adjunto.objects.exists()


def test_the_size_limit_comes_from_the_settings(settings, subir):
    settings.ADJUNTOS_TAMANO_MAXIMO_MB = 1

    with pytest.raises(ValidationError) as error:
        validar_archivo(subir("anexo.pdf", b"%PDF-1.7\n" + b"0" * (1536 * 1024)))

    assert error.value.messages == ["El archivo pesa 1,5 MB; el máximo es 1 MB."]


DISFRAZADOS = [
    ("programa.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 200, "un PDF"),
    ("foto.png", b"<!doctype html><script>alert(1)</script>", "una imagen PNG"),
    ("imagen.pdf", bytes_imagen("PNG"), "un PDF"),
    ("foto.jpeg", bytes_imagen("PNG"), "una imagen JPEG"),
    ("oficio.docx", bytes_xlsx(), "un documento de Word (DOCX)"),
    ("oficio.docx", b"PK\x03\x04" + b"\x00" * 100, "un documento de Word (DOCX)"),
    ("libro.xlsx", bytes_odt(), "una hoja de cálculo de Excel (XLSX)"),
    ("acta.ods", bytes_odt(), "una hoja de cálculo OpenDocument (ODS)"),
    ("notas.txt", b"texto\x00binario", "un archivo de texto en UTF-8"),
    ("asistentes.csv", "nombre\nAna Peña\n".encode("latin-1"), "un archivo CSV en UTF-8"),
    ("notas.txt", bytes_pdf(), "un archivo de texto en UTF-8"),
]


@pytest.mark.parametrize(("nombre", "contenido", "tipo"), DISFRAZADOS)
def test_a_disguised_file_is_refused_naming_what_it_should_be_and_nothing_is_stored(
    nombre, contenido, tipo, formulario, despacho, subir, media
):
    with pytest.raises(ValidationError) as error:
        guardar_adjunto(objeto=formulario, archivo=subir(nombre, contenido), usuario=despacho)

    assert error.value.messages == [f"El contenido de «{nombre}» no corresponde a {tipo}."]
    assert archivos_en(media) == []
    assert not Adjunto.objects.exists()


@pytest.mark.parametrize("nombre", ["instalador.exe", "pagina.html", "dibujo.svg", "sin-extension"])
def test_a_file_type_outside_the_whitelist_is_refused(nombre, subir):
    with pytest.raises(ValidationError) as error:
        validar_archivo(subir(nombre, b"%PDF-1.7 no importa el contenido"))

    assert error.value.messages[0].startswith("No se admiten archivos «")
    assert "PDF" in error.value.messages[0]


def test_an_empty_file_is_refused(subir):
    with pytest.raises(ValidationError) as error:
        validar_archivo(subir("vacio.pdf", b""))

    assert error.value.messages == ["El archivo «vacio.pdf» está vacío."]


def test_the_attachments_of_a_record_are_listed_newest_first_and_only_its_own(
    formulario, despacho, gobierno, subir
):
    otro = Organismo.objects.get(pk=gobierno.pk)
    primero = guardar_adjunto(objeto=formulario, archivo=subir("a.txt", b"uno"), usuario=despacho)
    segundo = guardar_adjunto(objeto=formulario, archivo=subir("b.txt", b"dos"), usuario=despacho)
    guardar_adjunto(objeto=otro, archivo=subir("c.txt", b"tres"), usuario=despacho)

    assert list(Adjunto.objects.de(formulario)) == [segundo, primero]


def test_deleting_an_attachment_removes_its_file_once_committed(
    formulario, despacho, subir, media, django_capture_on_commit_callbacks
):
    adjunto = guardar_adjunto(objeto=formulario, archivo=subir("a.txt", b"uno"), usuario=despacho)

    with django_capture_on_commit_callbacks(execute=False) as pendientes:
        adjunto.delete()
    assert len(archivos_en(media)) == 1  # still there until the deletion commits
    for callback in pendientes:
        callback()

    assert archivos_en(media) == []


class FormularioDeEvidencia(forms.Form):
    evidencia = CampoAdjunto()


def test_the_form_field_reports_why_a_file_is_refused(subir):
    formulario = FormularioDeEvidencia(files={"evidencia": subir("foto.png", b"<html></html>")})

    assert not formulario.is_valid()
    assert formulario.errors["evidencia"] == [
        "El contenido de «foto.png» no corresponde a una imagen PNG."
    ]


def test_the_form_field_tells_the_detected_type(subir):
    formulario = FormularioDeEvidencia(files={"evidencia": subir("informe.pdf", bytes_pdf())})

    assert formulario.is_valid()
    assert formulario.cleaned_data["evidencia"].tipo_detectado == "pdf"


def test_files_left_by_a_rolled_back_transaction_are_cleaned_up_once_old(
    formulario, despacho, subir, media
):
    conservado = guardar_adjunto(
        objeto=formulario, archivo=subir("a.txt", b"uno"), usuario=despacho
    )
    with pytest.raises(RuntimeError), transaction.atomic():
        guardar_adjunto(objeto=formulario, archivo=subir("b.txt", b"dos"), usuario=despacho)
        raise RuntimeError("el registro no se pudo guardar")
    assert len(archivos_en(media)) == 2
    reciente = media / "adjuntos" / "2026" / "01" / "reciente.txt"
    reciente.parent.mkdir(parents=True, exist_ok=True)
    reciente.write_text("en una transacción que aún no termina")
    hace_dos_dias = time.time() - 48 * 3600
    for archivo in archivos_en(media):
        if archivo != reciente:
            os.utime(archivo, (hace_dos_dias, hace_dos_dias))

    call_command("limpiar_adjuntos_huerfanos", stdout=io.StringIO())

    assert sorted(archivos_en(media)) == sorted([media / conservado.archivo.name, reciente])


def docx_que_se_descomprime_en(megas: int) -> bytes:
    """A real DOCX whose document.xml is `megas` MB of one repeated byte (a zip bomb)."""
    salida = io.BytesIO()
    with zipfile.ZipFile(salida, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as contenedor:
        contenedor.writestr("[Content_Types].xml", b'<?xml version="1.0"?><Types/>')
        contenedor.writestr("_rels/.rels", b'<?xml version="1.0"?><Relationships/>')
        with contenedor.open("word/document.xml", "w", force_zip64=True) as documento:
            bloque = b" " * (1024 * 1024)
            for _megabyte in range(megas):
                documento.write(bloque)
    return salida.getvalue()


def test_a_docx_that_unpacks_to_200_mb_is_refused_with_the_reason(formulario, despacho, subir):
    bomba = docx_que_se_descomprime_en(200)
    assert len(bomba) < 1024 * 1024  # it passes the upload size limit by far

    with pytest.raises(ValidationError) as error:
        guardar_adjunto(objeto=formulario, archivo=subir("bomba.docx", bomba), usuario=despacho)

    assert "«bomba.docx» se descomprime en más de" in error.value.messages[0]
    assert "el máximo es 50 MB" in error.value.messages[0]
    assert not Adjunto.objects.exists()


def test_a_header_that_lies_about_the_unpacked_size_is_caught_by_inflating(subir):
    salida = io.BytesIO()
    with zipfile.ZipFile(salida, "w", zipfile.ZIP_DEFLATED) as contenedor:
        contenedor.writestr("[Content_Types].xml", b'<?xml version="1.0"?><Types/>')
        contenedor.writestr("word/document.xml", b" " * (60 * 1024 * 1024))
    bomba = bytearray(salida.getvalue())
    info = zipfile.ZipFile(io.BytesIO(bytes(bomba))).getinfo("word/document.xml")
    # Declare 1 KB unpacked in the local header and in the central directory.
    uno = (1024).to_bytes(4, "little")
    bomba[info.header_offset + 22 : info.header_offset + 26] = uno
    central = bytes(bomba).rindex(b"PK\x01\x02")
    bomba[central + 24 : central + 28] = uno
    assert zipfile.ZipFile(io.BytesIO(bytes(bomba))).getinfo("word/document.xml").file_size == 1024

    with pytest.raises(ValidationError) as error:
        validar_archivo(subir("informe.docx", bytes(bomba)))

    assert error.value.code == "contenido"


def test_a_ratio_far_above_a_real_documents_is_refused_below_the_size_limit(settings, subir):
    settings.ADJUNTOS_DESCOMPRIMIDO_MAXIMO_MB = 500

    with pytest.raises(ValidationError) as error:
        validar_archivo(subir("informe.docx", docx_que_se_descomprime_en(20)))

    assert error.value.code == "descomprimido"
    assert "100 veces su tamaño" in error.value.messages[0]
