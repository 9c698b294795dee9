"""No-shows and sessions called off (issue 11, item 5): after the session starts the
Despacho records "no asistió" (with the reason) or "sesión suspendida por la entidad
convocante"; both end the ficha obligation and stop the reminders and escalation."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from buengobierno.avisos.servicios import sin_avisos
from delegaciones import services
from delegaciones.avisos import avisar_fichas
from delegaciones.models import Delegacion, ErrorDeEstado

Estado = Delegacion.Estado
pytestmark = pytest.mark.django_db
REGISTROS = {
    Estado.NO_ASISTIO: services.registrar_no_asistencia,
    Estado.SUSPENDIDA: services.registrar_suspension,
}


@pytest.mark.parametrize("estado", list(REGISTROS))
def test_recording_it_ends_the_ficha_obligation_and_its_reminders(
    aceptada_pasada, despacho, hoy, estado
):
    with sin_avisos():
        delegacion = aceptada_pasada(dias_atras=15)  # overdue: reminded and escalated

    delegacion = REGISTROS[estado](delegacion=delegacion, usuario=despacho, motivo="Sin quórum.")

    assert delegacion.estado == estado and delegacion.motivo_sin_representacion == "Sin quórum."
    assert not delegacion.debe_ficha and not delegacion.ficha_vencida
    assert not Delegacion.objects.vencidas(hoy).filter(pk=delegacion.pk).exists()
    assert avisar_fichas(hoy=hoy) == 0
    assert not delegacion.aviso_vigente(f"ficha_vencida:{delegacion.fecha_limite_ficha:%Y%m%d}")


def test_a_reason_is_required_and_nothing_changes_without_it(aceptada_pasada, despacho):
    delegacion = aceptada_pasada()

    with pytest.raises(ValidationError) as error:
        services.registrar_no_asistencia(delegacion=delegacion, usuario=despacho, motivo=" ")

    assert "Indique el motivo" in error.value.message_dict["motivo"][0]
    delegacion.refresh_from_db()
    assert delegacion.estado == Estado.ACEPTADA


def test_it_is_recorded_only_once_the_session_started(nueva_sesion, delegar, despacho):
    delegacion = delegar(nueva_sesion())

    with pytest.raises(ErrorDeEstado):
        services.registrar_suspension(delegacion=delegacion, usuario=despacho, motivo="Aplazada.")


def test_only_the_despacho_records_it(aceptada_pasada, directivo_salud):
    delegacion = aceptada_pasada()

    with pytest.raises(PermissionDenied):
        services.registrar_no_asistencia(
            delegacion=delegacion, usuario=directivo_salud, motivo="Enfermo."
        )


def test_the_page_offers_it_to_the_despacho_and_shows_the_reason(
    client, aceptada_pasada, despacho, directivo_salud
):
    delegacion = aceptada_pasada()
    client.force_login(directivo_salud)
    assert 'id="form-no_asistio"' not in client.get(delegacion.get_absolute_url()).content.decode()
    client.force_login(despacho)
    assert 'id="form-no_asistio"' in client.get(delegacion.get_absolute_url()).content.decode()

    sin_motivo = client.post(reverse("delegaciones:no_asistio", args=[delegacion.pk]), {})
    assert sin_motivo.status_code == 422
    client.post(
        reverse("delegaciones:suspendida", args=[delegacion.pk]),
        {"motivo": "La junta no tuvo quórum."},
    )

    delegacion.refresh_from_db()
    assert delegacion.estado == Estado.SUSPENDIDA
    pagina = client.get(delegacion.get_absolute_url()).content.decode()
    assert "Sesión suspendida" in pagina and "La entidad convocante suspendió" in pagina
    assert "La junta no tuvo quórum." in pagina
