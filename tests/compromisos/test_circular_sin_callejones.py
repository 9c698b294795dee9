"""No dead ends: a commitment is never assigned to somebody who can never update it — a
read-only role or no role at all (issue 11, item 15)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from buengobierno.organizacion.roles import Rol
from compromisos import services
from compromisos.models import Compromiso, personas_que_responden, puede_responder

pytestmark = pytest.mark.django_db

SIN_ROL = "no podría actualizar el compromiso"


@pytest.fixture
def sin_rol(crear_usuario, otro_organismo):
    return crear_usuario(None, otro_organismo, first_name="Sin", last_name="Rol")


@pytest.fixture
def auditor(crear_usuario):
    return crear_usuario(Rol.CONSULTA, first_name="Ana", last_name="Auditora")


def test_only_people_whose_role_can_answer_may_be_responsible(
    directivo_salud, enlace_salud, secretaria, auditor, sin_rol
):
    assert puede_responder(directivo_salud) and puede_responder(enlace_salud)
    assert puede_responder(secretaria)
    assert not puede_responder(auditor)
    assert not puede_responder(sin_rol)
    assert set(personas_que_responden()) == {directivo_salud, enlace_salud, secretaria}


@pytest.mark.parametrize("quien", ["auditor", "sin_rol"])
def test_creating_a_commitment_for_someone_who_cannot_update_it_is_refused(
    request, quien, secretaria, hoy
):
    persona = request.getfixturevalue(quien)

    with pytest.raises(services.CompromisosInvalidos) as error:
        services.crear_compromisos(
            origen=None,
            compromisos=[{"descripcion": "Informe", "responsable": persona, "fecha_limite": hoy}],
            creado_por=secretaria,
        )

    assert SIN_ROL in error.value.por_fila[0]["responsable"][0]
    assert not Compromiso.objects.exists()


def test_a_read_only_co_responsible_is_refused_too(secretaria, directivo_salud, auditor, hoy):
    with pytest.raises(services.CompromisosInvalidos) as error:
        services.crear_compromisos(
            origen=None,
            compromisos=[
                {
                    "descripcion": "Informe",
                    "responsable": directivo_salud,
                    "fecha_limite": hoy,
                    "corresponsables": [auditor],
                }
            ],
            creado_por=secretaria,
        )

    assert SIN_ROL in error.value.por_fila[0]["corresponsables"][0]
    assert not Compromiso.objects.exists()


def test_the_live_page_refuses_a_responsible_without_a_role_that_answers(
    reunion_en_curso, secretaria, auditor, directivo_salud, hoy
):
    with pytest.raises(ValidationError) as error:
        services.agregar_compromiso_en_reunion(
            reunion=reunion_en_curso,
            descripcion="Informe",
            responsable=auditor,
            fecha_limite=hoy,
            prioridad="media",
            usuario=secretaria,
        )
    assert SIN_ROL in error.value.message_dict["responsable"][0]

    borrador = services.agregar_compromiso_en_reunion(
        reunion=reunion_en_curso,
        descripcion="Informe",
        responsable=directivo_salud,
        fecha_limite=hoy,
        prioridad="media",
        usuario=secretaria,
    )
    with pytest.raises(ValidationError) as error:
        services.guardar_campo(
            reunion=reunion_en_curso,
            clave=f"compromiso.{borrador.pk}.responsable",
            valor=str(auditor.pk),
            version=99,
            usuario=secretaria,
        )
    assert SIN_ROL in error.value.messages[0]
    borrador.refresh_from_db()
    assert borrador.responsable == directivo_salud


def test_the_form_offers_only_people_who_can_answer_and_explains_a_refusal_beside_the_field(
    client, secretaria, directivo_salud, auditor, hoy
):
    client.force_login(secretaria)
    url = reverse("compromisos:nuevo")

    pagina = client.get(url)
    respuesta = client.post(
        url,
        {
            "descripcion": "Informe",
            "responsable": auditor.pk,
            "fecha_limite": hoy.isoformat(),
            "prioridad": "media",
        },
    )

    opciones = list(pagina.context["form"].fields["responsable"].queryset)
    assert directivo_salud in opciones and auditor not in opciones
    assert respuesta.status_code == 422
    assert SIN_ROL in respuesta.context["form"].errors["responsable"][0]
    assert not Compromiso.objects.exists()
