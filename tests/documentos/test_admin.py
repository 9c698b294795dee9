import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from buengobierno.documentos.adjuntos import guardar_adjunto
from buengobierno.documentos.consecutivos import siguiente_consecutivo
from buengobierno.documentos.models import Adjunto, SerieConsecutiva
from tests.documentos.conftest import archivos_en, bytes_pdf


@pytest.fixture
def admin_client_(client, administrador):
    administrador.is_staff = True
    administrador.save()
    client.force_login(administrador)
    return client


@pytest.mark.parametrize("modelo", ["formulariocontrolado", "serieconsecutiva", "adjunto"])
def test_the_administrator_role_manages_the_documents_in_the_admin(
    admin_client_, modelo, formulario
):
    guardar_adjunto(
        objeto=formulario, archivo=SimpleUploadedFile("a.pdf", bytes_pdf()), usuario=None
    )

    respuesta = admin_client_.get(reverse(f"admin:documentos_{modelo}_changelist"))

    assert respuesta.status_code == 200


def test_a_series_shows_its_yearly_counters_inline_and_an_example_of_its_format(admin_client_):
    with transaction.atomic():
        siguiente_consecutivo("decretos", anio=2026)
    serie = SerieConsecutiva.objects.get(codigo="decretos")

    respuesta = admin_client_.get(
        reverse("admin:documentos_serieconsecutiva_change", args=[serie.pk])
    )

    assert respuesta.status_code == 200
    html = respuesta.content.decode()
    assert 'name="contadores-0-anio" value="2026"' in html
    assert 'name="contadores-0-ultimo" value="1"' in html
    assert "4112.010.20.0001" in html


def test_uploading_the_official_template_in_the_admin_checks_its_content(
    admin_client_, formulario, media
):
    url = reverse("admin:documentos_formulariocontrolado_change", args=[formulario.pk])
    datos = {
        "codigo": formulario.codigo,
        "nombre": formulario.nombre,
        "version": "02",
        "fecha_vigencia": "2026-02-01",
        "proceso": formulario.proceso,
        "activo": "on",
        "documentos-adjunto-content_type-object_id-TOTAL_FORMS": "0",
        "documentos-adjunto-content_type-object_id-INITIAL_FORMS": "0",
    }

    rechazo = admin_client_.post(
        url, {**datos, "plantilla": SimpleUploadedFile("ficha.docx", b"MZ ejecutable")}
    )
    assert rechazo.status_code == 200
    assert "no corresponde a un documento de Word (DOCX)" in rechazo.content.decode()
    assert archivos_en(media) == []

    aceptado = admin_client_.post(
        url, {**datos, "plantilla": SimpleUploadedFile("ficha.pdf", bytes_pdf())}
    )
    assert aceptado.status_code == 302
    adjunto = Adjunto.objects.de(formulario).get()
    assert adjunto.descripcion == "Plantilla oficial, versión 02"
