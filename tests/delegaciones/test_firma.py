"""A delegation is a written act (issue 11, item 1): the letter is numbered and generated
for signature, and the delegate is notified only once the Despacho uploads the signed copy
(a PDF, checked by content) or records its Daruma radicado."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from buengobierno.avisos.models import Recordatorio
from delegaciones import services
from delegaciones.avisos import avisar_fichas
from delegaciones.models import Delegacion, ErrorDeEstado
from tests.delegaciones.conftest import firmar

Estado = Delegacion.Estado
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def pendiente(nueva_sesion, delegar):
    return delegar(nueva_sesion(), firmar_carta=False)


def test_a_delegation_waits_for_the_signature_before_the_delegate_is_told(
    pendiente, al_confirmar, mailoutbox
):
    assert pendiente.estado == Estado.PENDIENTE_FIRMA
    assert pendiente.numero_carta and pendiente.notificada_en is None
    assert not Recordatorio.objects.filter(object_id=pendiente.pk).exists()
    assert mailoutbox == []


def test_the_delegate_cannot_accept_a_letter_not_yet_signed(pendiente, directivo_salud):
    with pytest.raises(ErrorDeEstado):
        services.aceptar_delegacion(delegacion=pendiente, usuario=directivo_salud)


def test_uploading_the_signed_pdf_notifies_the_delegate(
    pendiente, despacho, directivo_salud, al_confirmar
):
    with al_confirmar():
        firmada = services.registrar_firma(
            delegacion=pendiente,
            usuario=despacho,
            carta_firmada=SimpleUploadedFile("carta firmada.pdf", PDF),
        )

    assert firmada.estado == Estado.NOTIFICADA and firmada.notificada_en is not None
    assert firmada.carta_firmada.tipo == "pdf"
    assert firmada.carta_firmada.descripcion == "Carta de delegación firmada"
    assert (firmada.firma_registrada_por, firmada.firmada) == (despacho, True)
    aviso = Recordatorio.objects.get(object_id=firmada.pk, paso="notificada")
    assert aviso.destinatario == directivo_salud


def test_the_daruma_record_notifies_the_delegate(pendiente, despacho, hoy):
    firmada = services.registrar_firma(
        delegacion=pendiente,
        usuario=despacho,
        radicado=" 20264112020006974 ",
        fecha_radicado=hoy,
        trd="4112.020.22.2.1020.000697",
    )

    assert firmada.estado == Estado.NOTIFICADA
    assert (firmada.radicado_firma, firmada.fecha_radicado, firmada.trd_radicado) == (
        "20264112020006974",
        hoy,
        "4112.020.22.2.1020.000697",
    )
    assert firmada.carta_firmada is None


@pytest.mark.parametrize(
    ("datos", "campo", "mensaje"),
    [
        ({}, "carta_firmada", "Suba la copia firmada de la carta (PDF) o registre el radicado"),
        (
            {"carta_firmada": SimpleUploadedFile("carta.png", PNG)},
            "carta_firmada",
            "debe ser un PDF",
        ),
        (
            {"carta_firmada": SimpleUploadedFile("carta.pdf", PNG)},
            "carta_firmada",
            "no corresponde a un PDF",
        ),
        ({"radicado": "2026411", "trd": "4112"}, "fecha_radicado", "Indique la fecha"),
        (
            {"radicado": "2026411", "trd": "4112", "fecha_radicado": "mañana"},
            "fecha_radicado",
            "no puede ser posterior a hoy",
        ),
        ({"radicado": "2026411", "fecha_radicado": "hoy"}, "trd", "código TRD"),
        ({"trd": "4112", "fecha_radicado": "hoy"}, "radicado", "número de radicado"),
    ],
)
def test_a_bad_signature_record_is_refused_beside_its_field_and_nothing_is_saved(
    pendiente, despacho, hoy, datos, campo, mensaje
):
    fechas = {"hoy": hoy, "mañana": hoy + timedelta(days=1)}
    if "fecha_radicado" in datos:
        datos = {**datos, "fecha_radicado": fechas[datos["fecha_radicado"]]}

    with pytest.raises(ValidationError) as error:
        services.registrar_firma(delegacion=pendiente, usuario=despacho, **datos)

    assert mensaje in " ".join(error.value.message_dict[campo])
    pendiente.refresh_from_db()
    assert pendiente.estado == Estado.PENDIENTE_FIRMA and not pendiente.firmada


def test_only_the_despacho_records_the_signature(pendiente, directivo_salud, hoy):
    with pytest.raises(PermissionDenied):
        services.registrar_firma(
            delegacion=pendiente,
            usuario=directivo_salud,
            radicado="1",
            fecha_radicado=hoy,
            trd="1",
        )


def test_the_page_shows_pendiente_de_firma_and_refuses_a_non_pdf_beside_the_field(
    client, pendiente, despacho
):
    client.force_login(despacho)
    pagina = client.get(pendiente.get_absolute_url()).content.decode()
    assert "Pendiente de firma" in pagina
    assert 'id="form-firmar"' in pagina and 'enctype="multipart/form-data"' in pagina

    respuesta = client.post(
        reverse("delegaciones:firmar", args=[pendiente.pk]),
        {"carta_firmada": SimpleUploadedFile("carta.png", PNG)},
    )

    assert respuesta.status_code == 422
    form = respuesta.context["paso"].formularios[0]
    assert "La copia firmada de la carta debe ser un PDF." in form.errors["carta_firmada"]
    pendiente.refresh_from_db()
    assert pendiente.estado == Estado.PENDIENTE_FIRMA


def test_the_daruma_record_is_entered_on_the_page_and_shown(client, pendiente, despacho, hoy):
    client.force_login(despacho)

    client.post(
        reverse("delegaciones:firmar", args=[pendiente.pk]),
        {"radicado": "20264112020006974", "fecha_radicado": hoy.isoformat(), "trd": "4112.020"},
    )

    pendiente.refresh_from_db()
    assert pendiente.estado == Estado.NOTIFICADA
    pagina = client.get(pendiente.get_absolute_url()).content.decode()
    assert "Firmada en Daruma: radicado 20264112020006974" in pagina


@pytest.mark.parametrize("quien", ["directivo_salud", "enlace_salud", "consulta"])
def test_only_the_despacho_may_post_the_signature(client, request, pendiente, quien, hoy):
    client.force_login(request.getfixturevalue(quien))

    respuesta = client.post(
        reverse("delegaciones:firmar", args=[pendiente.pk]),
        {"radicado": "1", "fecha_radicado": hoy.isoformat(), "trd": "1"},
    )

    assert respuesta.status_code in (403, 404)
    pendiente.refresh_from_db()
    assert pendiente.estado == Estado.PENDIENTE_FIRMA


def test_the_delegate_does_not_list_a_letter_pending_signature(
    client, pendiente, directivo_salud, despacho
):
    client.force_login(directivo_salud)
    url = reverse("delegaciones:mis_delegaciones")
    assert pendiente.sesion.instancia.nombre not in client.get(url).content.decode()

    firmar(pendiente, despacho)
    assert pendiente.sesion.instancia.nombre in client.get(url).content.decode()


def test_no_reminder_goes_to_the_delegate_before_the_signature(pendiente):
    assert avisar_fichas() == 0
    assert not Recordatorio.objects.filter(object_id=pendiente.pk).exists()
