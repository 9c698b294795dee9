"""A ficha returned by the Despacho (issue 11, item 7): a new deadline three business days
from the return; it is owed again in the pending lists, reminders and escalation."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from buengobierno.avisos.servicios import sin_avisos
from buengobierno.documentos.formato import fecha_larga
from buengobierno.plazos.calendario import sumar_dias_habiles
from delegaciones import services
from delegaciones.avisos import avisar_devueltas
from delegaciones.models import Delegacion, FichaTecnica

pytestmark = pytest.mark.django_db
PREFIJO = "[Buen Gobierno] "


@pytest.fixture
def devuelta(aceptada_pasada, enviar_ficha, despacho):
    """A delegation whose ficha was delivered and returned today."""
    with sin_avisos():
        delegacion = aceptada_pasada(dias_atras=10)
        enviar_ficha(delegacion)
        return services.devolver_ficha(
            delegacion=delegacion, usuario=despacho, observaciones="Falta el acta."
        )


def _con_plazo(delegacion, plazo):
    FichaTecnica.objects.filter(delegacion=delegacion).update(plazo_reenvio=plazo)
    return Delegacion.objects.select_related("ficha").get(pk=delegacion.pk)


def test_a_returned_ficha_gets_a_new_deadline_three_business_days_from_the_return(devuelta, hoy):
    ficha = devuelta.ficha

    assert ficha.plazo_reenvio == sumar_dias_habiles(hoy, 3)
    assert ficha.devuelta_en is not None and ficha.entregada_en is not None
    assert devuelta.devuelta_pendiente and devuelta.plazo_vigente == ficha.plazo_reenvio
    # The first delivery still counts against the original deadline.
    assert devuelta.fecha_limite_ficha < ficha.plazo_reenvio


def test_a_returned_ficha_is_back_in_the_pending_lists(devuelta, hoy):
    assert Delegacion.objects.por_entregar(hoy).filter(pk=devuelta.pk).exists()
    assert not Delegacion.objects.vencidas(hoy).filter(pk=devuelta.pk).exists()

    vencida = _con_plazo(devuelta, hoy - timedelta(days=1))

    assert Delegacion.objects.vencidas(hoy).filter(pk=vencida.pk).exists()
    assert not Delegacion.objects.por_entregar(hoy).filter(pk=vencida.pk).exists()
    assert vencida.ficha_vencida


def test_sent_back_it_leaves_the_pending_lists(devuelta, enviar_ficha, hoy):
    enviar_ficha(Delegacion.objects.get(pk=devuelta.pk))

    assert not Delegacion.objects.por_entregar(hoy).filter(pk=devuelta.pk).exists()
    ficha = FichaTecnica.objects.get(delegacion=devuelta)
    assert ficha.reenviada_en > ficha.devuelta_en


def test_the_new_deadline_is_reminded_and_escalated_once(
    devuelta, directivo_salud, despacho, hoy, mailoutbox, al_confirmar
):
    assert avisar_devueltas(hoy=hoy) == 0  # still within the new deadline

    with al_confirmar():
        assert avisar_devueltas(hoy=devuelta.ficha.plazo_reenvio) == 1
    assert mailoutbox[-1].subject.startswith(f"{PREFIJO}Hoy vence la ficha técnica")

    _con_plazo(devuelta, hoy - timedelta(days=1))
    mailoutbox.clear()
    with al_confirmar():
        # To the delegate, and escalated to the Despacho (the delegate heads the organism).
        assert avisar_devueltas(hoy=hoy) == 2
        assert avisar_devueltas(hoy=hoy) == 0
    assert sorted(m.to[0] for m in mailoutbox) == sorted([directivo_salud.email, despacho.email])


def test_the_page_shows_the_new_deadline(client, devuelta, directivo_salud):
    client.force_login(directivo_salud)

    pagina = client.get(devuelta.get_absolute_url()).content.decode()
    ficha = client.get(reverse("delegaciones:ficha", args=[devuelta.pk])).content.decode()

    nuevo = fecha_larga(devuelta.ficha.plazo_reenvio)
    assert f"nuevo plazo el {nuevo}" in pagina
    assert f"Nuevo plazo: {nuevo}" in ficha


def test_the_return_notice_gives_the_new_deadline(
    aceptada_pasada, enviar_ficha, despacho, hoy, mailoutbox, al_confirmar
):
    with sin_avisos():
        delegacion = aceptada_pasada(dias_atras=10)
        enviar_ficha(delegacion)
    mailoutbox.clear()

    with al_confirmar():
        services.devolver_ficha(delegacion=delegacion, usuario=despacho, observaciones="Acta.")

    assert fecha_larga(sumar_dias_habiles(timezone.localdate(), 3)) in mailoutbox[0].body
