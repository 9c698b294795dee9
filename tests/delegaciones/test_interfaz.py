"""What P001's pages and documents say (issue 10): the next step after delegating, the
letter in grammatical Spanish signed by whoever the admin set, notices that name the session,
the Despacho without an empty "Mis delegaciones", no deadline for a cancelled delegation."""

import pytest
from django.urls import reverse

from buengobierno.avisos.servicios import sin_avisos
from buengobierno.documentos.formato import fecha_larga
from buengobierno.documentos.models import Firmante
from delegaciones import services
from tests.delegaciones.test_documentos import texto_pdf

pytestmark = pytest.mark.django_db


def test_after_delegating_the_despacho_is_told_who_is_awaited_and_cancelling_is_apart(
    client, despacho, nueva_sesion, delegar, directivo_salud
):
    delegacion = delegar(nueva_sesion(dias=4))
    client.force_login(despacho)

    html = client.get(delegacion.get_absolute_url()).content.decode()

    panel = html[html.index('id="siguiente-paso"') :]
    assert f"{directivo_salud} debe aceptar o rechazar la delegación" in panel
    assert f"Se espera a {directivo_salud}" in panel
    assert "accion-principal" not in panel  # nothing for the Despacho to do but wait
    assert '<button class="btn btn-outline-danger btn-sm" type="button"' in panel
    assert 'class="collapse" id="accion-cancelar"' in panel


def test_a_draft_offers_issuing_the_letter_as_the_one_primary_button(
    client, despacho, nueva_sesion, delegar
):
    borrador = delegar(nueva_sesion(dias=4), notificar_ahora=False)
    client.force_login(despacho)

    html = client.get(borrador.get_absolute_url()).content.decode()

    principal = html[html.index('class="accion-principal"') : html.index("acciones-destructivas")]
    assert 'value="Numerar la carta para la firma"' in principal and "btn btn-primary" in principal
    assert "Cancelar la delegación…" in html[html.index("acciones-destructivas") :]


def test_the_letter_addresses_the_person_by_their_record_and_is_signed_by_the_authority(
    client, despacho, nueva_sesion, delegar, directivo_salud, instancia
):
    directivo_salud.tratamiento = "senor"
    directivo_salud.save()
    Firmante.objects.filter(autoridad="alcalde").update(nombre="Rodrigo Arango Ruiz")
    delegacion = delegar(nueva_sesion(dias=4))
    client.force_login(despacho)

    texto = texto_pdf(client.get(reverse("delegaciones:carta_pdf", args=[delegacion.pk])))

    assert f"Señor {directivo_salud.get_full_name().upper()}" in texto
    assert "Señor(a)" not in texto
    # "a la sesión de la Junta Directiva…", never "a la sesión de Junta Directiva…".
    assert f"a la sesión de la {instancia.nombre}" in texto
    assert "E.S.E.." not in texto
    assert "Atentamente, RODRIGO ARANGO RUIZ Alcalde de Santiago de Cali" in texto


def test_without_a_name_set_the_letter_is_signed_by_the_office(
    client, despacho, nueva_sesion, delegar
):
    Firmante.objects.all().delete()
    delegacion = delegar(nueva_sesion(dias=4), delegante="secretario")
    client.force_login(despacho)

    texto = texto_pdf(client.get(reverse("delegaciones:carta_pdf", args=[delegacion.pk])))

    assert "Atentamente, Secretario de Gobierno" in texto


def test_notices_to_the_despacho_name_the_session_and_agree_with_the_record(
    despacho, aceptada_pasada, enviar_ficha, nueva_sesion, delegar, directivo_salud
):
    with sin_avisos():
        delegacion = aceptada_pasada(dias_atras=1)
        enviar_ficha(delegacion)

    titulos = list(despacho.notificaciones.order_by("pk").values_list("titulo", "mensaje"))
    sesion = f"{delegacion.sesion.instancia}, sesión del {fecha_larga(delegacion.sesion.fecha)}"
    # (Accepted while the session was still ahead: the fixture moved it back afterwards.)
    assert titulos[0][0].startswith(
        f"{directivo_salud} aceptó la delegación: {delegacion.sesion.instancia}, sesión del "
    )
    assert titulos[-1] == (
        f"Ficha técnica entregada: {sesion}",
        f"Entregada a tiempo: el plazo vencía el {fecha_larga(delegacion.fecha_limite_ficha)}.",
    )


def test_the_despacho_has_no_empty_mis_delegaciones_tab_and_a_delegate_has_it(
    client, despacho, directivo_salud
):
    client.force_login(despacho)
    del_despacho = client.get(reverse("delegaciones:inicio")).content.decode()
    vacia = client.get(reverse("delegaciones:mis_delegaciones")).content.decode()
    client.force_login(directivo_salud)
    del_delegado = client.get(reverse("delegaciones:inicio")).content.decode()

    enlace = reverse("delegaciones:mis_delegaciones")
    assert f'href="{enlace}"' not in del_despacho
    assert f'href="{enlace}"' in del_delegado
    # Reached anyway (a bookmark): an empty state, not a panel of filters over nothing.
    assert "No tiene delegaciones asignadas." in vacia and 'id="mas-filtros"' not in vacia


def test_a_cancelled_delegation_shows_no_deadline_for_its_ficha(
    client, despacho, nueva_sesion, delegar
):
    delegacion = delegar(nueva_sesion(dias=4))
    services.cancelar_delegacion(delegacion=delegacion, usuario=despacho, motivo="Irá el Alcalde.")
    client.force_login(despacho)

    detalle = client.get(delegacion.get_absolute_url()).content.decode()
    lista = client.get(reverse("delegaciones:delegaciones"))

    assert 'id="plazo-ficha"' not in detalle
    assert "La delegación se canceló: Irá el Alcalde." in detalle
    (tarjeta,) = lista.context["tarjetas"]
    assert tarjeta.fecha is None and tarjeta.estado == "Cancelada"


def test_yes_no_filters_and_empty_choices_read_in_spanish(client, despacho, instancia):
    client.force_login(despacho)

    html = client.get(reverse("delegaciones:instancias"), {"activa": "true"}).content.decode()

    assert '<option value="">Todas</option>' in html  # Activa
    assert '<option value="true" selected>Sí</option>' in html
    assert "Desconocido" not in html and "---------" not in html
    assert 'aria-label="Quitar el filtro Activa: Sí"' in html
