"""The Django admin cannot bypass a workflow: states and numbers are read-only, numbered
records are not deleted, and a wrong state is corrected by an action that asks why and
records it in the history (issue 9)."""

import pytest
from django.contrib import admin
from django.contrib.admin import helpers
from django.test import RequestFactory
from django.urls import reverse

from buengobierno.documentos.historial import entradas_de_historial
from buengobierno.organizacion.roles import Rol
from compromisos import services
from compromisos.admin import ReunionAdmin
from compromisos.models import Reunion
from delegaciones.models import Delegacion

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrador(crear_usuario, gobierno):
    return crear_usuario(Rol.ADMINISTRADOR, gobierno, is_staff=True, is_superuser=True)


@pytest.fixture
def notificada(nueva_sesion, delegar):
    delegacion = delegar(nueva_sesion(dias=8))
    assert delegacion.numero_carta
    return delegacion


def test_a_delegations_state_and_letter_number_cannot_be_edited_in_the_admin(
    client, administrador, notificada
):
    client.force_login(administrador)
    url = reverse("admin:delegaciones_delegacion_change", args=[notificada.pk])

    formulario = client.get(url).context["adminform"].form

    assert "estado" not in formulario.fields
    assert "numero_carta" not in formulario.fields


def test_a_commitments_state_cannot_be_edited_in_the_admin(
    client, administrador, notificada, despacho, directivo_salud, hoy
):
    (compromiso,) = services.crear_compromisos(
        origen=None,
        compromisos=[
            {"descripcion": "Informe", "responsable": directivo_salud, "fecha_limite": hoy}
        ],
        creado_por=despacho,
    )
    client.force_login(administrador)

    formulario = (
        client.get(reverse("admin:compromisos_compromiso_change", args=[compromiso.pk]))
        .context["adminform"]
        .form
    )

    assert not {"estado", "avance", "fecha_cumplimiento"} & set(formulario.fields)


def test_a_numbered_letter_cannot_be_deleted_one_by_one_or_in_bulk(
    client, administrador, notificada, nueva_sesion, delegar
):
    borrador = delegar(nueva_sesion(dias=9), notificar_ahora=False)
    client.force_login(administrador)
    lista = reverse("admin:delegaciones_delegacion_changelist")
    en_lote = {"action": "delete_selected", "post": "yes"}

    una = client.post(
        reverse("admin:delegaciones_delegacion_delete", args=[notificada.pk]), {"post": "yes"}
    )
    lote = client.post(
        lista, {**en_lote, helpers.ACTION_CHECKBOX_NAME: [notificada.pk, borrador.pk]}
    )

    assert una.status_code == 403
    assert lote.status_code == 403  # the whole batch is refused
    assert Delegacion.objects.filter(pk__in=[notificada.pk, borrador.pk]).count() == 2
    client.post(lista, {**en_lote, helpers.ACTION_CHECKBOX_NAME: [borrador.pk]})
    assert not Delegacion.objects.filter(pk=borrador.pk).exists()  # a draft has no number


def corregir(client, delegacion, **datos):
    return client.post(
        reverse("admin:delegaciones_delegacion_changelist"),
        {"action": "corregir_estado", helpers.ACTION_CHECKBOX_NAME: [delegacion.pk], **datos},
    )


def test_a_state_correction_without_a_reason_changes_nothing(client, administrador, notificada):
    client.force_login(administrador)

    pregunta = corregir(client, notificada)
    sin_motivo = corregir(
        client, notificada, estado="aceptada", motivo="", confirmar_correccion="1"
    )

    assert pregunta.status_code == 200
    assert "Justificación" in pregunta.content.decode()
    assert "Escriba la justificación de la corrección." in sin_motivo.content.decode()
    notificada.refresh_from_db()
    assert notificada.estado == Delegacion.Estado.NOTIFICADA


def test_a_justified_state_correction_is_recorded_in_the_history(client, administrador, notificada):
    client.force_login(administrador)

    respuesta = corregir(
        client,
        notificada,
        estado="aceptada",
        motivo="El delegado aceptó por oficio radicado 2026-1234",
        confirmar_correccion="1",
    )

    assert respuesta.status_code == 302
    notificada.refresh_from_db()
    assert notificada.estado == Delegacion.Estado.ACEPTADA
    ultima = entradas_de_historial(notificada)[0]
    assert ultima.motivo == "Corrección: El delegado aceptó por oficio radicado 2026-1234"
    assert [(c.anterior, c.nuevo) for c in ultima.cambios] == [("Notificada", "Aceptada")]
    assert notificada.history.first().history_user == administrador


def test_a_correction_that_breaks_a_rule_of_the_table_is_refused_with_the_reason(
    client, administrador, notificada
):
    client.force_login(administrador)

    respuesta = corregir(
        client,
        notificada,
        estado="rechazada",
        motivo="Rechazó por teléfono el día de ayer",
        confirmar_correccion="1",
    )

    notificada.refresh_from_db()
    assert notificada.estado == Delegacion.Estado.NOTIFICADA
    textos = [str(m) for m in respuesta.wsgi_request._messages]
    assert any("Indique por qué no puede asistir." in t for t in textos)


def test_every_workflow_admin_offers_the_correction_action(client, administrador):
    client.force_login(administrador)

    for modelo in ("delegaciones_delegacion", "compromisos_compromiso", "compromisos_reunion"):
        acciones = client.get(reverse(f"admin:{modelo}_changelist")).context["action_form"]
        assert "corregir_estado" in dict(acciones.fields["action"].choices), modelo


def test_a_numbered_acta_cannot_be_deleted_but_an_unnumbered_meeting_can(administrador):
    modelo_admin = ReunionAdmin(Reunion, admin.site)
    pedido = RequestFactory().get("/")
    pedido.user = administrador

    assert not modelo_admin.has_delete_permission(pedido, Reunion(numero_acta="CG-2026-0001"))
    assert modelo_admin.has_delete_permission(pedido, Reunion())
