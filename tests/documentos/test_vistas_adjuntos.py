import hashlib

import pytest
from django.contrib.contenttypes.models import ContentType
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from buengobierno.documentos.adjuntos import guardar_adjunto
from buengobierno.documentos.models import Adjunto
from buengobierno.organizacion.roles import Rol
from tests.documentos.conftest import archivos_en, bytes_pdf


@pytest.fixture
def adjunto(formulario, administrador, subir):
    return guardar_adjunto(
        objeto=formulario,
        archivo=subir("Plantilla ficha técnica.pdf", bytes_pdf()),
        usuario=administrador,
        descripcion="Plantilla oficial",
    )


def url_de(adjunto):
    return reverse("documentos:adjunto", args=[adjunto.pk])


def url_adjuntar(objeto):
    tipo = ContentType.objects.get_for_model(objeto)
    return reverse("documentos:adjuntar", args=[tipo.pk, objeto.pk])


def test_a_user_who_may_see_the_record_downloads_its_attachment(client, despacho, adjunto):
    client.force_login(despacho)

    respuesta = client.get(url_de(adjunto))

    assert respuesta.status_code == 200
    assert respuesta["Content-Type"] == "application/pdf"
    assert respuesta["Content-Disposition"].startswith("attachment;")
    assert "Plantilla%20ficha%20t%C3%A9cnica.pdf" in respuesta["Content-Disposition"]
    assert respuesta["X-Content-Type-Options"] == "nosniff"
    contenido = b"".join(respuesta.streaming_content)
    assert hashlib.sha256(contenido).hexdigest() == adjunto.sha256


@pytest.mark.parametrize("rol", [Rol.CONSULTA, Rol.ENLACE, Rol.JURIDICA])
def test_every_role_that_sees_the_form_catalogue_downloads_its_template(
    client, crear_usuario, adjunto, rol
):
    client.force_login(crear_usuario(rol))

    assert client.get(url_de(adjunto)).status_code == 200


def test_an_outsider_gets_404_for_an_attachment(client, sin_rol, adjunto):
    client.force_login(sin_rol)

    assert client.get(url_de(adjunto)).status_code == 404


def test_an_anonymous_visitor_is_sent_to_log_in(client, adjunto):
    respuesta = client.get(url_de(adjunto))

    assert respuesta.status_code == 302
    assert respuesta["Location"].startswith(reverse("login"))


def test_an_attachment_of_a_model_without_access_policy_is_never_served(
    client, administrador, gobierno, subir
):
    # Organismo declares no `acceso`: nobody, not even an administrator, downloads through it.
    adjunto = guardar_adjunto(objeto=gobierno, archivo=subir("a.pdf", bytes_pdf()), usuario=None)
    client.force_login(administrador)

    assert client.get(url_de(adjunto)).status_code == 404


def test_an_attachment_whose_record_was_deleted_is_404(client, administrador, adjunto, formulario):
    formulario.delete()
    client.force_login(administrador)

    assert client.get(url_de(adjunto)).status_code == 404


def test_an_attachment_whose_file_is_missing_is_404(client, administrador, adjunto, media):
    (media / adjunto.archivo.name).unlink()
    client.force_login(administrador)

    assert client.get(url_de(adjunto)).status_code == 404


def test_an_editor_attaches_a_file_and_returns_to_the_page(
    client, administrador, formulario, subir
):
    client.force_login(administrador)

    respuesta = client.post(
        url_adjuntar(formulario),
        {
            "archivo": subir("acta.pdf", bytes_pdf()),
            "descripcion": "Versión firmada",
            "siguiente": "/delegaciones/",
        },
    )

    assert respuesta.status_code == 302
    assert respuesta["Location"] == "/delegaciones/"
    adjunto = Adjunto.objects.de(formulario).get()
    assert (adjunto.nombre_original, adjunto.descripcion) == ("acta.pdf", "Versión firmada")
    assert adjunto.subido_por == administrador


def test_the_return_address_never_leaves_the_site(client, administrador, formulario, subir):
    client.force_login(administrador)

    respuesta = client.post(
        url_adjuntar(formulario),
        {"archivo": subir("acta.pdf", bytes_pdf()), "siguiente": "https://evil.example/"},
    )

    assert respuesta.status_code == 302
    assert "evil" not in respuesta["Location"]


def test_a_disguised_upload_is_refused_with_the_reason_and_nothing_is_stored(
    client, administrador, formulario, media, subir
):
    client.force_login(administrador)

    respuesta = client.post(
        url_adjuntar(formulario),
        {"archivo": subir("foto.png", b"<html>no soy una imagen</html>"), "siguiente": "/"},
        follow=True,
    )

    mensajes = [str(m) for m in respuesta.context["messages"]]
    assert mensajes == ["El contenido de «foto.png» no corresponde a una imagen PNG."]
    assert not Adjunto.objects.exists()
    assert archivos_en(media) == []


def test_an_oversized_upload_through_htmx_shows_the_reason_in_place(
    client, administrador, formulario, settings, media, subir
):
    settings.ADJUNTOS_TAMANO_MAXIMO_MB = 1
    client.force_login(administrador)

    respuesta = client.post(
        url_adjuntar(formulario),
        {"archivo": subir("anexo.pdf", b"%PDF-1.7\n" + b"0" * (2 * 1024 * 1024 - 9))},
        headers={"HX-Request": "true"},
    )

    assert respuesta.status_code == 422
    assert "El archivo pesa 2 MB; el máximo es 1 MB." in respuesta.content.decode()
    assert not Adjunto.objects.exists()
    assert archivos_en(media) == []


def test_an_htmx_upload_returns_the_refreshed_list(client, administrador, formulario, subir):
    client.force_login(administrador)

    respuesta = client.post(
        url_adjuntar(formulario),
        {"archivo": subir("acta.pdf", bytes_pdf())},
        headers={"HX-Request": "true"},
    )

    assert respuesta.status_code == 200
    adjunto = Adjunto.objects.de(formulario).get()
    assert url_de(adjunto) in respuesta.content.decode()


def test_a_role_that_only_reads_the_record_gets_403_on_upload(client, despacho, formulario, subir):
    client.force_login(despacho)

    respuesta = client.post(url_adjuntar(formulario), {"archivo": subir("a.pdf", bytes_pdf())})

    assert respuesta.status_code == 403
    assert not Adjunto.objects.exists()


def test_an_outsider_gets_404_on_upload(client, sin_rol, formulario, subir):
    client.force_login(sin_rol)

    respuesta = client.post(url_adjuntar(formulario), {"archivo": subir("a.pdf", bytes_pdf())})

    assert respuesta.status_code == 404


def test_the_partial_lists_attachments_with_download_links_and_the_form_for_editors(
    administrador, despacho, adjunto, formulario
):
    plantilla = Template("{% load documentos %}{% adjuntos objeto %}")

    def pintar(usuario):
        peticion = RequestFactory().get("/formularios/")
        peticion.user = usuario
        return plantilla.render(
            Context({"objeto": formulario, "request": peticion, "user": usuario})
        )

    para_lector, para_editor = pintar(despacho), pintar(administrador)

    for html in (para_lector, para_editor):
        assert url_de(adjunto) in html
        assert "Plantilla ficha técnica.pdf" in html
        assert "Plantilla oficial" in html
    assert 'type="file"' not in para_lector
    assert 'type="file"' in para_editor
    assert url_adjuntar(formulario) in para_editor
