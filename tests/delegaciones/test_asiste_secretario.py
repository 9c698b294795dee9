""" "Asiste el Secretario de Gobierno" is a representation of the Alcalde (issue 11, item 4):
it creates a delegation to the Secretario (delegante: el Alcalde) whose ficha is owed."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from buengobierno.organizacion.roles import Rol
from delegaciones import services
from delegaciones.models import Delegacion, Sesion
from tests.conftest import momento
from tests.delegaciones.conftest import al_pasado, firmar
from tests.delegaciones.test_vistas import datos_sesion

Estado = Delegacion.Estado


@pytest.fixture
def secretario(crear_usuario, gobierno):
    persona = crear_usuario(Rol.SECRETARIO, gobierno, username="secretario")
    gobierno.jefe = persona
    gobierno.save()
    return persona


def _sesion_del_secretario(instancia, despacho, hoy, **delegacion):
    return services.registrar_sesion(
        datos={
            "instancia": instancia,
            "inicio": momento(hoy + timedelta(days=6)),
            "asistencia": Sesion.Asistencia.SECRETARIO,
        },
        archivos={},
        usuario=despacho,
        delegacion=delegacion or None,
    )


def test_the_secretario_attending_is_a_delegation_from_the_alcalde(
    instancia, despacho, secretario, hoy
):
    sesion = _sesion_del_secretario(instancia, despacho, hoy)

    delegacion = sesion.delegaciones.get()
    assert (delegacion.delegado, delegacion.delegante) == (secretario, "alcalde")
    assert delegacion.estado == Estado.PENDIENTE_FIRMA
    assert "en representación del Alcalde" in delegacion.instrucciones
    assert delegacion.fecha_limite_ficha == services.plazo_de_ficha(sesion)
    sesion.refresh_from_db()
    assert sesion.asistencia == Sesion.Asistencia.SECRETARIO


def test_the_secretario_owes_the_ficha_as_anyone_else(instancia, despacho, secretario, hoy):
    sesion = _sesion_del_secretario(instancia, despacho, hoy, instrucciones="Votar a favor.")
    delegacion = firmar(sesion.delegaciones.get(), despacho)
    services.aceptar_delegacion(delegacion=delegacion, usuario=secretario)
    delegacion = al_pasado(delegacion, 10)

    assert delegacion.instrucciones == "Votar a favor."
    assert Delegacion.objects.sin_ficha().filter(pk=delegacion.pk).exists()
    assert Delegacion.objects.vencidas().filter(pk=delegacion.pk).exists()


def test_without_a_secretario_the_session_is_refused_beside_asistencia(instancia, despacho, hoy):
    with pytest.raises(ValidationError) as error:
        _sesion_del_secretario(instancia, despacho, hoy)

    assert "rol Secretario de Gobierno" in error.value.message_dict["asistencia"][0]
    assert not Sesion.objects.exists()


def test_changing_a_session_to_the_secretario_delegates_to_him(nueva_sesion, despacho, secretario):
    sesion = nueva_sesion(asistencia=Sesion.Asistencia.POR_DEFINIR)
    assert not sesion.delegaciones.exists()

    services.actualizar_sesion(
        sesion=sesion,
        datos={"asistencia": Sesion.Asistencia.SECRETARIO},
        archivos={},
        usuario=despacho,
    )

    assert sesion.delegaciones.get().delegado == secretario


def test_the_secretario_is_not_delegated_by_himself(nueva_sesion, delegar, secretario):
    with pytest.raises(ValidationError) as error:
        delegar(nueva_sesion(), delegado=secretario, delegante="secretario")

    assert "no se delega a sí mismo" in error.value.message_dict["delegante"][0]


def test_the_session_form_with_the_secretario_attending_creates_his_delegation(
    client, despacho, instancia, secretario, hoy
):
    client.force_login(despacho)

    respuesta = client.post(
        reverse("delegaciones:nueva_sesion"),
        datos_sesion(
            instancia, hoy + timedelta(days=4), asistencia="secretario", delegante="alcalde"
        ),
    )

    assert respuesta.status_code == 302, respuesta.context["form"].errors
    sesion = Sesion.objects.get()
    assert respuesta["Location"] == sesion.get_absolute_url()
    delegacion = sesion.delegaciones.get()
    assert (delegacion.delegado, delegacion.delegante) == (secretario, "alcalde")
