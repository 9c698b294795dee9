import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from buengobierno.organizacion.roles import Rol
from proyectos_acuerdo.models import Estado, FacultadExtraordinaria, ProyectoAcuerdo

pytestmark = pytest.mark.django_db

MODELOS = ("proyectoacuerdo", "concepto", "facultadextraordinaria", "periodosesiones")


def test_the_demo_has_projects_at_every_stage_and_is_idempotent(client, crear_usuario, gobierno):
    salida = io.StringIO()
    call_command("cargar_demo", "--forzar", stdout=salida)
    cuenta = ProyectoAcuerdo.objects.count()
    call_command("cargar_demo", "--forzar", stdout=io.StringIO())

    assert "Proyectos de acuerdo: 7" in salida.getvalue()
    assert ProyectoAcuerdo.objects.count() == cuenta == 7
    assert set(ProyectoAcuerdo.objects.values_list("estado", flat=True)) >= {
        Estado.FORMULACION,
        Estado.EN_CONCEPTOS,
        Estado.CON_DISCREPANCIAS,
        Estado.RADICADO,
        Estado.APROBADO,
        Estado.PUBLICADO,
        Estado.OBJETADO,
    }
    con_comite = ProyectoAcuerdo.objects.get(estado=Estado.CON_DISCREPANCIAS)
    assert con_comite.reunion_comite is not None
    assert FacultadExtraordinaria.objects.exists()

    administrador = crear_usuario(Rol.ADMINISTRADOR, gobierno, is_staff=True, is_superuser=True)
    client.force_login(administrador)
    for modelo in MODELOS:
        assert (
            client.get(
                reverse(f"admin:proyectos_acuerdo_{modelo}_changelist"), {"q": "a"}
            ).status_code
            == 200
        )
    cambio = client.get(
        reverse("admin:proyectos_acuerdo_proyectoacuerdo_change", args=[con_comite.pk])
    )
    assert cambio.status_code == 200
    assert {f.formset.prefix for f in cambio.context["inline_admin_formsets"]} == {"conceptos"}
    assert (
        client.get(
            reverse("admin:proyectos_acuerdo_proyectoacuerdo_history", args=[con_comite.pk])
        ).status_code
        == 200
    )
    despacho = con_comite.lider
    client.force_login(despacho)
    for proyecto in ProyectoAcuerdo.objects.all():
        assert client.get(proyecto.get_absolute_url()).status_code == 200
    assert client.get(reverse("proyectos_acuerdo:agenda")).status_code == 200
    from proyectos_acuerdo import banco

    for pagina in banco.paginas(despacho):
        assert client.get(pagina.ruta).status_code == 200, pagina.que
    client.force_login(administrador)
    for ruta in banco.ADMIN.values():
        assert client.get(ruta).status_code == 200
