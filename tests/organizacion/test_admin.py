from datetime import date

import pytest
from django.urls import reverse

from buengobierno.plazos.models import DiaNoHabil

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_(client, crear_usuario):
    client.force_login(crear_usuario(is_superuser=True, is_staff=True, username="root"))
    return client


@pytest.mark.parametrize(
    ("modelo", "consulta"),
    [
        ("organizacion_organismo", {"q": "4112", "tipo__exact": "secretaria", "activo__exact": 1}),
        ("organizacion_usuario", {"q": "despacho", "is_active__exact": 1}),
        ("plazos_dianohabil", {"q": "cívico"}),
    ],
)
def test_the_admin_lists_search_and_filter(admin_client_, despacho, modelo, consulta):
    respuesta = admin_client_.get(reverse(f"admin:{modelo}_changelist"), consulta)

    assert respuesta.status_code == 200


def test_organisms_are_searched_by_code_and_show_their_history(admin_client_, gobierno):
    lista = admin_client_.get(reverse("admin:organizacion_organismo_changelist"), {"q": "4112"})
    historia = admin_client_.get(
        reverse("admin:organizacion_organismo_history", args=[gobierno.pk])
    )

    assert list(lista.context["cl"].result_list) == [gobierno]
    assert historia.status_code == 200


def test_the_user_form_carries_organism_cargo_and_phone(admin_client_, despacho):
    respuesta = admin_client_.get(reverse("admin:organizacion_usuario_change", args=[despacho.pk]))

    formulario = respuesta.context["adminform"].form
    assert {"organismo", "cargo", "telefono", "groups"} <= set(formulario.fields)


def test_a_non_working_day_added_in_the_admin_records_who_added_it(admin_client_):
    respuesta = admin_client_.post(
        reverse("admin:plazos_dianohabil_add"),
        {"fecha": "2026-12-07", "motivo": "Día cívico decretado por el Alcalde", "acto": ""},
    )

    dia = DiaNoHabil.objects.get()
    assert respuesta.status_code == 302
    assert dia.fecha == date(2026, 12, 7)
    assert dia.creado_por.username == "root"
