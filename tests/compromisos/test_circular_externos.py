"""A commitment may be owed by an outside entity, with an internal follow-up owner who gets
its reminders and reports its progress (issue 11, item 14)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from compromisos import services
from compromisos.avisos import avisar_vencimientos
from compromisos.models import Compromiso
from tests.exportaciones import leer_csv

pytestmark = pytest.mark.django_db

POLICIA = {
    "externo_entidad": "Policía Metropolitana de Santiago de Cali",
    "externo_nombre": "Mayor Andrés Quintero",
    "externo_correo": "estacion15@policia.gov.co",
}


def test_an_external_commitment_is_followed_by_its_internal_owner(
    crear_compromiso, enlace_salud, hoy, mailoutbox, al_confirmar
):
    compromiso = crear_compromiso(enlace_salud, fecha_limite=hoy, **POLICIA)

    with al_confirmar():
        avisar_vencimientos(hoy=hoy)

    assert compromiso.es_externo
    assert compromiso.externo_mostrado == (
        "Policía Metropolitana de Santiago de Cali (Mayor Andrés Quintero)"
    )
    # The reminder goes to the internal owner, saying who owes it.
    recordatorio = next(m for m in mailoutbox if "Hoy vence" in m.subject)
    assert recordatorio.to == [enlace_salud.email]
    assert "Lo debe Policía Metropolitana de Santiago de Cali" in recordatorio.body
    # …who reports its progress.
    services.registrar_avance(
        compromiso=compromiso, nota="La Policía confirmó", porcentaje=30, usuario=enlace_salud
    )
    assert Compromiso.objects.get().avance == 30


@pytest.mark.parametrize(
    ("datos", "campo", "mensaje"),
    [
        ({"externo_entidad": "EMCALI"}, "externo_nombre", "Indique quién responde"),
        ({"externo_nombre": "Juan Pérez"}, "externo_entidad", "Indique la entidad externa"),
        (
            {"externo_entidad": "EMCALI", "externo_nombre": "Juan", "externo_correo": "no"},
            "externo_correo",
            "correo electrónico válido",
        ),
    ],
)
def test_an_incomplete_external_entity_is_refused_beside_its_field(
    secretaria, enlace_salud, hoy, datos, campo, mensaje
):
    with pytest.raises(services.CompromisosInvalidos) as error:
        services.crear_compromisos(
            origen=None,
            compromisos=[
                {"descripcion": "X", "responsable": enlace_salud, "fecha_limite": hoy, **datos}
            ],
            creado_por=secretaria,
        )

    assert mensaje in error.value.por_fila[0][campo][0]
    assert not Compromiso.objects.exists()


def test_the_form_registers_an_external_commitment_shown_on_its_page_board_and_export(
    client, secretaria, enlace_salud, hoy
):
    client.force_login(secretaria)

    respuesta = client.post(
        reverse("compromisos:nuevo"),
        {
            "descripcion": "Reforzar el patrullaje nocturno",
            "responsable": enlace_salud.pk,
            "fecha_limite": hoy.isoformat(),
            "prioridad": "media",
            **POLICIA,
        },
    )

    compromiso = Compromiso.objects.get()
    assert respuesta.status_code == 302
    pagina = client.get(compromiso.get_absolute_url()).content.decode()
    assert "Lo debe la entidad externa" in pagina and "Seguimiento interno" in pagina
    assert "Mayor Andrés Quintero" in pagina
    tablero = client.get(reverse("compromisos:inicio")).content.decode()
    assert "Policía Metropolitana de Santiago de Cali" in tablero
    filas = leer_csv(client.get(reverse("compromisos:inicio"), {"exportar": "csv"}))
    columna = filas[0].index("Entidad externa")
    assert filas[1][columna] == compromiso.externo_mostrado


def test_the_form_shows_a_missing_person_of_the_entity_beside_the_field(
    client, secretaria, enlace_salud, hoy
):
    client.force_login(secretaria)

    respuesta = client.post(
        reverse("compromisos:nuevo"),
        {
            "descripcion": "Reforzar el patrullaje nocturno",
            "responsable": enlace_salud.pk,
            "fecha_limite": hoy.isoformat(),
            "prioridad": "media",
            "externo_entidad": "EMCALI",
        },
    )

    assert respuesta.status_code == 422
    assert respuesta.context["form"].errors["externo_nombre"] == [
        "Indique quién responde en la entidad externa."
    ]
    assert not Compromiso.objects.exists()


def test_the_demo_has_a_commitment_owed_by_an_external_entity():
    call_command("cargar_demo", "--forzar", stdout=StringIO())

    assert Compromiso.objects.exclude(externo_entidad="").exists()
