import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from agenda import calendario
from buengobierno.organizacion.roles import Rol
from buengobierno.web.management.commands.cargar_demo import crear_usuarios_demo
from cooperacion.alianzas import demo as demo_alianzas
from cooperacion.alianzas.models import Alianza, Cooperante, RecursoAlianza
from cooperacion.misiones import demo as demo_misiones
from cooperacion.misiones.models import VisitaInternacional

pytestmark = pytest.mark.django_db


def test_every_model_is_in_the_admin_with_search_filters_and_history(
    client, crear_usuario, gobierno, alianza, nueva_visita, recurso_usd
):
    administrador = crear_usuario(Rol.ADMINISTRADOR, gobierno, is_staff=True, is_superuser=True)
    visita = nueva_visita()
    client.force_login(administrador)
    for app, modelo in (
        ("cooperacion_alianzas", "cooperante"),
        ("cooperacion_alianzas", "alianza"),
        ("cooperacion_alianzas", "objetivodesarrollo"),
        ("cooperacion_misiones", "visitainternacional"),
    ):
        url = reverse(f"admin:{app}_{modelo}_changelist")
        assert client.get(url, {"q": "a"}).status_code == 200, modelo
    ficha = client.get(
        reverse("admin:cooperacion_misiones_visitainternacional_change", args=[visita.pk])
    )
    assert {"miembros", "actividades", "items"} <= {
        f.formset.prefix for f in ficha.context["inline_admin_formsets"]
    }
    historia = client.get(reverse("admin:cooperacion_alianzas_alianza_history", args=[alianza.pk]))
    assert historia.status_code == 200


def test_the_demo_has_alliances_in_every_state_and_a_reserved_and_a_public_visit(gobierno):
    call_command("cargar_organismos", stdout=io.StringIO())
    usuarios = crear_usuarios_demo(clave="Clave-de-prueba-2026")
    salida = io.StringIO()

    for _vez in range(2):  # idempotent
        demo_alianzas.cargar(usuarios=usuarios, stdout=salida)
        demo_misiones.cargar(usuarios=usuarios, stdout=salida)

    assert set(Alianza.objects.values_list("estado", flat=True)) == set(Alianza.Estado.values)
    assert {"USD", "EUR"} <= set(RecursoAlianza.objects.values_list("moneda", flat=True))
    assert Cooperante.objects.filter(tipo=Cooperante.Tipo.NACIONAL).exists()
    assert Cooperante.objects.exclude(tipo=Cooperante.Tipo.NACIONAL).count() >= 4
    assert VisitaInternacional.objects.filter(reservada=True).count() == 1
    publica = VisitaInternacional.objects.get(institucion="Embajada de Francia en Colombia")
    assert publica.actividades.count() == 2 and publica.items.count() == 4
    assert VisitaInternacional.objects.count() == 3
    # The entries he takes part in are in the Secretario's agenda (P002), the reserved one
    # private: others read «Ocupado».
    audiencia = publica.actividades.get(participa_secretario=True).actividad_agenda
    assert (audiencia.tipo, audiencia.estado, audiencia.privada) == ("visita", "confirmada", False)
    dia = timezone.localtime(audiencia.inicio).date()
    semana = calendario.entradas(usuarios["despacho"], dia, dia + timedelta(days=6))
    assert audiencia.titulo in [e.titulo for e in semana]
    reservada = VisitaInternacional.objects.get(reservada=True).actividades.get()
    assert reservada.actividad_agenda.privada
