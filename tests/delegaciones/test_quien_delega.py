"""Who may be delegated (issue 11, item 3): only active people whose roles can accept,
reject, fill and send the ficha; anyone else gets a message beside the field. The picker
shows each person's post and level ("nivel directivo")."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from buengobierno.organizacion.models import Usuario
from buengobierno.organizacion.roles import Rol
from delegaciones import services
from delegaciones.models import Delegacion, Sesion
from tests.delegaciones.conftest import INSTRUCCIONES
from tests.delegaciones.test_vistas import datos_sesion


@pytest.mark.parametrize("rol", [Rol.CONSULTA, Rol.VIABILIZADOR, None])
def test_a_person_who_could_never_act_on_the_delegation_is_refused(
    nueva_sesion, despacho, crear_usuario, otro_organismo, rol
):
    persona = crear_usuario(rol, otro_organismo)

    with pytest.raises(ValidationError) as error:
        services.delegar(
            sesion=nueva_sesion(), delegado=persona, usuario=despacho, instrucciones=INSTRUCCIONES
        )

    assert "no tiene un rol con el que pueda aceptar" in error.value.message_dict["delegado"][0]
    assert not Delegacion.objects.exists()


@pytest.mark.parametrize("rol", [Rol.DIRECTIVO, Rol.ENLACE, Rol.JURIDICA, Rol.SECRETARIO])
def test_the_roles_that_act_on_a_delegation_may_be_delegated(
    nueva_sesion, delegar, crear_usuario, otro_organismo, rol
):
    persona = crear_usuario(rol, otro_organismo)

    assert delegar(nueva_sesion(), delegado=persona).delegado == persona


def test_the_page_refuses_a_read_only_person_beside_the_field_and_saves_nothing(
    client, despacho, instancia, consulta, hoy
):
    client.force_login(despacho)
    datos = datos_sesion(
        instancia,
        hoy.replace(year=hoy.year + 1),
        delegar="on",
        delegado=consulta.pk,
        delegante="alcalde",
        instrucciones="Asistir.",
    )

    respuesta = client.post(reverse("delegaciones:nueva_sesion"), datos)

    assert respuesta.status_code == 422
    assert "no puede recibir delegaciones" in " ".join(respuesta.context["form"].errors["delegado"])
    assert not Sesion.objects.exists()


def test_the_picker_offers_only_delegable_people_with_their_level(
    client, despacho, nueva_sesion, directivo_salud, consulta
):
    Usuario.objects.filter(pk=directivo_salud.pk).update(nivel=Usuario.Nivel.DIRECTIVO)
    sesion = nueva_sesion()
    client.force_login(despacho)

    form = client.get(sesion.get_absolute_url()).context["form"]

    campo = form.fields["delegado"]
    assert consulta not in campo.queryset
    etiqueta = campo.label_from_instance(campo.queryset.get(pk=directivo_salud.pk))
    assert etiqueta.endswith("Secretario de Salud Pública (nivel directivo)")


@pytest.mark.parametrize(
    ("cargo", "nivel", "texto"),
    [
        (
            "Secretario de Salud Pública",
            "directivo",
            "Secretario de Salud Pública (nivel directivo)",
        ),
        ("Enlace de planeación", "contratista", "Enlace de planeación (contratista)"),
        ("", "tecnico", "nivel técnico"),
        ("Abogada", "", "Abogada"),
    ],
)
def test_a_users_post_reads_with_its_level(cargo, nivel, texto):
    assert Usuario(cargo=cargo, nivel=nivel).cargo_y_nivel == texto
