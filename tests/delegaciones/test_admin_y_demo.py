import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from buengobierno.organizacion.roles import Rol
from compromisos.models import Compromiso
from delegaciones import services
from delegaciones.models import (
    Delegacion,
    DelegacionPermanente,
    FichaTecnica,
    Instancia,
    Sesion,
)
from tests.documentos.conftest import bytes_pdf

pytestmark = pytest.mark.django_db

MODELOS = ("instancia", "sesion", "delegacion", "fichatecnica", "delegacionpermanente")


@pytest.fixture
def administrador(crear_usuario, gobierno):
    return crear_usuario(Rol.ADMINISTRADOR, gobierno, is_staff=True, is_superuser=True)


def test_every_model_is_in_the_admin_with_search_filters_inlines_and_history(
    client, administrador, aceptada_pasada, enviar_ficha, directivo_salud, hoy
):
    delegacion = aceptada_pasada()
    ficha = enviar_ficha(delegacion, compromisos=[("Informe", directivo_salud, hoy)])
    permanente = services.crear_permanente(
        instancia=delegacion.sesion.instancia,
        datos={
            "numero_acto": "0042",
            "fecha_acto": hoy,
            "delegado": directivo_salud,
            "desde": hoy,
            "hasta": hoy,
            "instrucciones": "Asistir.",
        },
        acto=SimpleUploadedFile("decreto.pdf", bytes_pdf()),
        usuario=delegacion.creado_por,
    )
    client.force_login(administrador)
    pks = {
        "delegacionpermanente": permanente.pk,
        "instancia": delegacion.sesion.instancia_id,
        "sesion": delegacion.sesion_id,
        "delegacion": delegacion.pk,
        "fichatecnica": ficha.pk,
    }

    listas = {
        modelo: client.get(reverse(f"admin:delegaciones_{modelo}_changelist"), {"q": "junta"})
        for modelo in MODELOS
    }
    fichas = {
        modelo: client.get(reverse(f"admin:delegaciones_{modelo}_change", args=[pks[modelo]]))
        for modelo in MODELOS
    }
    historias = {
        modelo: client.get(reverse(f"admin:delegaciones_{modelo}_history", args=[pks[modelo]]))
        for modelo in MODELOS
    }

    assert {m: r.status_code for m, r in listas.items()} == dict.fromkeys(MODELOS, 200)
    assert {m: r.context["cl"].result_count for m, r in listas.items()} == dict.fromkeys(MODELOS, 1)
    assert {m: r.status_code for m, r in fichas.items()} == dict.fromkeys(MODELOS, 200)
    assert {m: r.status_code for m, r in historias.items()} == dict.fromkeys(MODELOS, 200)
    assert {
        m: {f.formset.prefix for f in r.context["inline_admin_formsets"]} for m, r in fichas.items()
    } == {
        "instancia": {"sesiones"},
        "sesion": {"delegaciones"},
        "delegacion": {"ficha"},
        "fichatecnica": {"compromisos_adoptados"},
        "delegacionpermanente": set(),
    }


def cargar_demo() -> str:
    salida = io.StringIO()
    call_command("cargar_demo", "--forzar", stdout=salida)
    return salida.getvalue()


def test_the_demo_has_delegations_in_every_state_and_fichas_on_time_and_late_and_is_idempotent():
    salida = cargar_demo()
    cuentas = (
        Instancia.objects.count(),
        Sesion.objects.count(),
        Delegacion.objects.count(),
        FichaTecnica.objects.count(),
    )
    cargar_demo()

    assert "Delegaciones:" in salida
    assert (
        Instancia.objects.count(),
        Sesion.objects.count(),
        Delegacion.objects.count(),
        FichaTecnica.objects.count(),
    ) == cuentas
    assert set(Delegacion.objects.values_list("estado", flat=True)) == set(Delegacion.Estado.values)
    entregadas = list(FichaTecnica.objects.exclude(entregada_en=None))
    assert {f.entregada_a_tiempo for f in entregadas} == {True, False}
    assert Delegacion.objects.vencidas().exists()
    assert Compromiso.objects.filter(
        origen_tipo=ContentType.objects.get_for_model(FichaTecnica),
        origen_id__in=[f.pk for f in entregadas],
    ).exists()
    # A standing delegation with a session delegated from it (no letter of its own), a
    # returned ficha with its new deadline, a no-show.
    permanente = DelegacionPermanente.objects.select_related("acto").get()
    assert permanente.acto.tipo == "pdf"
    delegada = Delegacion.objects.get(permanente=permanente)
    assert (delegada.estado, delegada.numero_carta) == (Delegacion.Estado.NOTIFICADA, "")
    assert FichaTecnica.objects.filter(devuelta_en__isnull=False, plazo_reenvio__isnull=False)
    assert Delegacion.objects.filter(estado=Delegacion.Estado.NO_ASISTIO).exists()
    assert set(Instancia.objects.values_list("tipo", flat=True)) >= {
        "junta_directiva",
        "consejo",
        "comite",
        "comision",
    }
