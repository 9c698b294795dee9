import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from buengobierno.organizacion.roles import Rol
from buengobierno.web.management.commands.cargar_demo import crear_usuarios_demo
from compromisos.models import Compromiso
from delegaciones import demo
from delegaciones.models import Delegacion, FichaTecnica, Instancia, Sesion

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrador(crear_usuario, gobierno):
    return crear_usuario(Rol.ADMINISTRADOR, gobierno, is_staff=True, is_superuser=True)


def test_every_model_is_in_the_admin_with_search_filters_inlines_and_history(
    client, administrador, aceptada_pasada, enviar_ficha, directivo_salud, hoy
):
    delegacion = aceptada_pasada()
    ficha = enviar_ficha(delegacion, compromisos=[("Informe", directivo_salud, hoy)])
    client.force_login(administrador)

    for modelo in ("instancia", "sesion", "delegacion", "fichatecnica"):
        url = reverse(f"admin:delegaciones_{modelo}_changelist")
        assert client.get(url, {"q": "junta"}).status_code == 200, modelo
    inlines = {
        modelo: {
            f.formset.prefix
            for f in client.get(reverse(f"admin:delegaciones_{modelo}_change", args=[pk])).context[
                "inline_admin_formsets"
            ]
        }
        for modelo, pk in (
            ("instancia", delegacion.sesion.instancia_id),
            ("sesion", delegacion.sesion_id),
            ("delegacion", delegacion.pk),
            ("fichatecnica", ficha.pk),
        )
    }
    historia = client.get(reverse("admin:delegaciones_delegacion_history", args=[delegacion.pk]))

    assert inlines == {
        "instancia": {"sesiones"},
        "sesion": {"delegaciones"},
        "delegacion": {"ficha"},
        "fichatecnica": {"compromisos_adoptados"},
    }
    assert historia.status_code == 200


def test_the_demo_has_delegations_in_every_state_and_fichas_on_time_and_late_and_is_idempotent(
    gobierno,
):
    call_command("cargar_organismos", stdout=io.StringIO())
    usuarios = crear_usuarios_demo(clave="Clave-de-prueba-2026")
    salida = io.StringIO()

    demo.cargar(usuarios=usuarios, stdout=salida)
    cuentas = (Instancia.objects.count(), Sesion.objects.count(), Delegacion.objects.count())
    demo.cargar(usuarios=usuarios, stdout=salida)

    assert (Instancia.objects.count(), Sesion.objects.count(), Delegacion.objects.count()) == (
        cuentas
    )
    assert set(Delegacion.objects.values_list("estado", flat=True)) == set(Delegacion.Estado.values)
    entregadas = list(FichaTecnica.objects.exclude(entregada_en=None))
    assert {f.entregada_a_tiempo for f in entregadas} == {True, False}
    assert Delegacion.objects.vencidas().exists()
    assert Compromiso.objects.filter(origen_id__in=[f.pk for f in entregadas]).exists()
    assert set(Instancia.objects.values_list("tipo", flat=True)) >= {
        "junta_directiva",
        "consejo",
        "comite",
        "comision",
    }
