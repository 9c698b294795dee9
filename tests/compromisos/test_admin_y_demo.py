import io

import pytest
from django.urls import reverse

from buengobierno.organizacion.roles import Rol
from buengobierno.web.management.commands.cargar_demo import crear_usuarios_demo
from compromisos import demo
from compromisos.models import Compromiso, Reunion, TipoReunion
from tests.compromisos.conftest import reunion_cerrada_con

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrador(crear_usuario, gobierno):
    return crear_usuario(Rol.ADMINISTRADOR, gobierno, is_staff=True, is_superuser=True)


def test_every_model_is_in_the_admin_with_search_filters_and_history(
    client, administrador, reunion_en_curso, secretaria, directivo_salud, hoy
):
    reunion = reunion_cerrada_con(reunion_en_curso, secretaria, [("Plan", directivo_salud, hoy)])
    compromiso = reunion.compromisos.get()
    client.force_login(administrador)

    for modelo in (
        "tiporeunion",
        "reunion",
        "metaestrategica",
        "compromiso",
        "avance",
        "reprogramacion",
        "calendariopersonal",
    ):
        url = reverse(f"admin:compromisos_{modelo}_changelist")
        assert client.get(url, {"q": "plan"}).status_code == 200, modelo
    ficha = client.get(reverse("admin:compromisos_reunion_change", args=[reunion.pk]))
    ficha_compromiso = client.get(
        reverse("admin:compromisos_compromiso_change", args=[compromiso.pk])
    )
    historia = client.get(reverse("admin:compromisos_compromiso_history", args=[compromiso.pk]))

    assert {"puntos", "asistentes", "decisiones"} <= {
        f.formset.prefix for f in ficha.context["inline_admin_formsets"]
    }
    assert "avances" in {
        f.formset.prefix for f in ficha_compromiso.context["inline_admin_formsets"]
    }
    assert historia.status_code == 200


def test_the_demo_has_a_meeting_of_each_type_and_commitments_in_every_state_and_is_idempotent(
    gobierno,
):
    from django.core.management import call_command

    call_command("cargar_organismos", stdout=io.StringIO())
    usuarios = crear_usuarios_demo(clave="Clave-de-prueba-2026")
    salida = io.StringIO()

    demo.cargar(usuarios=usuarios, stdout=salida)
    reuniones, compromisos = Reunion.objects.count(), Compromiso.objects.count()
    demo.cargar(usuarios=usuarios, stdout=salida)

    assert (Reunion.objects.count(), Compromiso.objects.count()) == (reuniones, compromisos)
    assert set(Reunion.objects.values_list("tipo__nombre", flat=True)) == set(
        TipoReunion.objects.values_list("nombre", flat=True)
    )
    assert set(Compromiso.objects.values_list("estado", flat=True)) == set(Compromiso.Estado.values)
    assert Compromiso.objects.vencidos().exists()
    assert set(Reunion.objects.values_list("estado", flat=True)) == set(Reunion.Estado.values)
    assert Reunion.objects.exclude(numero_acta="").count() == 1
    # Issue 11 (done when): a commitment owed by an outside entity, followed up inside.
    externo = Compromiso.objects.exclude(externo_entidad="").get()
    assert externo.externo_entidad.startswith("Policía") and externo.responsable_id
