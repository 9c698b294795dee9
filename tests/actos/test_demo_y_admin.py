"""P003 demo data and admin."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from actos import demo
from actos.models import ActoAdministrativo, EtapaActo, VersionActo
from buengobierno.web.management.commands.cargar_demo import crear_usuarios_demo
from tests.pestanas import cliente_de

pytestmark = pytest.mark.django_db


@pytest.fixture
def usuarios_demo():
    import io

    call_command("cargar_organismos", stdout=io.StringIO())
    return crear_usuarios_demo(clave="demo-clave-123")


def test_the_demo_has_acts_in_every_state_one_returned_twice_and_is_idempotent(usuarios_demo):
    demo.cargar(usuarios=usuarios_demo)
    total = ActoAdministrativo.objects.count()
    demo.cargar(usuarios=usuarios_demo)

    assert ActoAdministrativo.objects.count() == total == len(demo.ACTOS)
    estados = set(ActoAdministrativo.objects.values_list("estado", flat=True))
    assert estados == set(ActoAdministrativo.Estado.values)
    assert ActoAdministrativo.objects.filter(devoluciones=2).exists()
    assert VersionActo.objects.filter(numero=3).exists()
    assert EtapaActo.objects.filter(fin__gt=EtapaActo.objects.values("inicio")[:1]).exists()
    despacho = cliente_de(usuarios_demo["despacho"])
    html = despacho.get(reverse("actos:indicadores")).content.decode()
    assert "Considerandos" in html
    for acto in ActoAdministrativo.objects.all():
        assert despacho.get(acto.get_absolute_url()).status_code == 200


def test_the_admin_lists_acts_with_filters_and_search(admin_client, nuevo_acto):
    nuevo_acto()
    for modelo in ("actoadministrativo", "tipoacto", "revisionforma"):
        assert admin_client.get(f"/admin/actos/{modelo}/?q=salud").status_code == 200
    acto = ActoAdministrativo.objects.get()
    assert admin_client.get(f"/admin/actos/actoadministrativo/{acto.pk}/change/").status_code == 200
    assert (
        admin_client.get(f"/admin/actos/actoadministrativo/{acto.pk}/history/").status_code == 200
    )
