"""Role × view matrix of P002: the Despacho (his office) and the Secretario write; consulta
reads all and writes nothing; the organising organism sees its activities and requests; another
organism gets 404; a private activity is for the Secretario's office only ("Ocupado" to others).
"""

import pytest
from django.urls import reverse

from agenda.models import Actividad

pytestmark = pytest.mark.django_db


@pytest.fixture
def registros(nueva_actividad, nueva_solicitud, enlace_salud):
    return {
        "actividad": nueva_actividad(),
        "solicitud": nueva_solicitud(),
        "privada": nueva_actividad(dias=4, titulo="Cita médica del Secretario", privada=True),
    }


@pytest.mark.parametrize(
    ("usuario", "actividad", "solicitud", "privada"),
    [
        ("despacho", 200, 200, 200),
        ("secretario", 200, 200, 200),
        ("consulta", 200, 200, 404),
        ("directivo_salud", 200, 200, 404),
        ("enlace_salud", 200, 200, 404),
        ("directivo_educacion", 404, 404, 404),
    ],
)
def test_who_reads_what(client, request, registros, usuario, actividad, solicitud, privada):
    client.force_login(request.getfixturevalue(usuario))

    def estado(nombre, registro):
        return client.get(reverse(f"agenda:{nombre}", args=[registro.pk])).status_code

    assert estado("actividad", registros["actividad"]) == actividad
    assert estado("solicitud", registros["solicitud"]) == solicitud
    assert estado("actividad", registros["privada"]) == privada


@pytest.mark.parametrize(
    ("url", "datos"),
    [
        ("agenda:confirmar", {}),
        ("agenda:cancelar", {"motivo": "No"}),
        ("agenda:editar_actividad", {}),
    ],
)
def test_read_only_and_organism_roles_cannot_change_an_activity(
    client, registros, consulta, directivo_salud, url, datos
):
    for usuario in (consulta, directivo_salud):
        client.force_login(usuario)
        assert client.post(reverse(url, args=[registros["actividad"].pk]), datos).status_code == 403


def test_read_only_role_cannot_answer_a_request(client, registros, consulta):
    client.force_login(consulta)
    url = reverse("agenda:aprobar", args=[registros["solicitud"].pk])
    assert client.post(url, {}).status_code == 403
    assert client.get(reverse("agenda:nueva_solicitud")).status_code == 403
    assert client.get(reverse("agenda:nueva_actividad")).status_code == 403


def test_an_organism_cannot_register_activities_but_can_request(client, directivo_salud):
    client.force_login(directivo_salud)
    assert client.get(reverse("agenda:nueva_actividad")).status_code == 403
    assert client.get(reverse("agenda:nueva_solicitud")).status_code == 200


def test_a_private_activity_shows_as_busy_to_others_in_the_calendar(
    client, registros, directivo_salud, despacho
):
    privada = registros["privada"]
    url = reverse("agenda:inicio") + f"?vista=dia&fecha={privada.fecha:%Y-%m-%d}"

    client.force_login(directivo_salud)
    pagina = client.get(url).content.decode()
    assert "Ocupado" in pagina and privada.titulo not in pagina

    client.force_login(despacho)
    pagina = client.get(url).content.decode()
    assert privada.titulo in pagina


def test_another_organism_sees_the_secretarios_time_as_busy(client, registros, directivo_educacion):
    actividad = registros["actividad"]
    client.force_login(directivo_educacion)
    pagina = client.get(
        reverse("agenda:inicio") + f"?vista=semana&fecha={actividad.fecha:%Y-%m-%d}"
    ).content.decode()
    assert "Ocupado" in pagina and actividad.titulo not in pagina
    assert list(Actividad.objects.visibles_para(directivo_educacion)) == []
