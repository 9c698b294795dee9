"""A commitment's due date is the Despacho's to move: its responsible person requests a new
date with a reason, and the Despacho or the meeting's convener approves or rejects it; the
compliance is measured against the original date (issue 11, item 11)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from buengobierno.avisos.models import Notificacion
from buengobierno.plazos.calendario import sumar_dias_habiles
from compromisos import services
from compromisos.models import Compromiso, ErrorDeEstado, Reprogramacion

pytestmark = pytest.mark.django_db
Estado = Compromiso.Estado


@pytest.fixture
def compromiso(crear_compromiso, directivo_salud):
    return crear_compromiso(directivo_salud)


def pedir(compromiso, persona, dias=15, justificacion="El INS entrega los datos tarde"):
    return services.solicitar_reprogramacion(
        compromiso=compromiso,
        nueva_fecha=sumar_dias_habiles(timezone.localdate(), dias),
        justificacion=justificacion,
        usuario=persona,
    )


def test_the_responsible_cannot_move_their_own_due_date(compromiso, directivo_salud, hoy):
    with pytest.raises(PermissionDenied):
        services.reprogramar_compromiso(
            compromiso=compromiso,
            nueva_fecha=sumar_dias_habiles(hoy, 15),
            justificacion="Me conviene",
            usuario=directivo_salud,
        )

    compromiso.refresh_from_db()
    assert compromiso.fecha_limite == compromiso.fecha_limite_original
    assert not Reprogramacion.objects.exists()


def test_a_request_moves_nothing_until_the_despacho_approves_it(
    compromiso, directivo_salud, secretaria
):
    original = compromiso.fecha_limite

    solicitud = pedir(compromiso, directivo_salud)

    compromiso.refresh_from_db()
    assert solicitud.estado == Reprogramacion.Estado.SOLICITADA
    assert (compromiso.fecha_limite, compromiso.estado) == (original, Estado.PENDIENTE)
    assert Notificacion.objects.filter(destinatario=secretaria).exists()

    services.aprobar_reprogramacion(compromiso=compromiso, usuario=secretaria, observacion="Bien")

    compromiso.refresh_from_db()
    solicitud.refresh_from_db()
    assert compromiso.fecha_limite == solicitud.fecha_nueva
    assert compromiso.fecha_limite_original == original
    assert compromiso.estado == Estado.REPROGRAMADO
    assert (solicitud.estado, solicitud.resuelta_por) == (
        Reprogramacion.Estado.APROBADA,
        secretaria,
    )
    assert Notificacion.objects.filter(destinatario=directivo_salud, titulo__contains="aprobada")


def test_a_rejected_request_keeps_the_date_and_needs_a_reason(
    compromiso, directivo_salud, secretaria
):
    original = compromiso.fecha_limite
    pedir(compromiso, directivo_salud)

    with pytest.raises(ValidationError) as error:
        services.rechazar_reprogramacion(compromiso=compromiso, usuario=secretaria, observacion="")
    assert error.value.message_dict["observacion"] == [
        "Explique por qué se rechaza la nueva fecha."
    ]
    services.rechazar_reprogramacion(
        compromiso=compromiso, usuario=secretaria, observacion="El plazo es legal."
    )

    compromiso.refresh_from_db()
    assert compromiso.fecha_limite == original
    assert Reprogramacion.objects.get().estado == Reprogramacion.Estado.RECHAZADA
    # Once resolved, a new request may be made.
    assert pedir(compromiso, directivo_salud).estado == Reprogramacion.Estado.SOLICITADA


def test_the_responsible_cannot_approve_their_own_request(compromiso, directivo_salud):
    pedir(compromiso, directivo_salud)

    with pytest.raises(PermissionDenied):
        services.aprobar_reprogramacion(compromiso=compromiso, usuario=directivo_salud)


def test_a_colleague_of_the_responsible_cannot_approve_either(
    compromiso, directivo_salud, enlace_salud
):
    # The enlace of the same organism may edit the commitment, but not move its date.
    pedir(compromiso, directivo_salud)

    with pytest.raises(PermissionDenied):
        services.aprobar_reprogramacion(compromiso=compromiso, usuario=enlace_salud)

    assert Reprogramacion.objects.get().estado == Reprogramacion.Estado.SOLICITADA


def test_one_request_at_a_time(compromiso, directivo_salud):
    pedir(compromiso, directivo_salud)

    with pytest.raises(ErrorDeEstado):
        pedir(compromiso, directivo_salud, dias=20)

    assert Reprogramacion.objects.count() == 1


@pytest.mark.parametrize(
    ("dias", "justificacion", "campo", "mensaje"),
    [
        (15, "  ", "justificacion", "Explique por qué necesita una nueva fecha."),
        (-1, "Motivo", "nueva_fecha", "La nueva fecha no puede ser anterior a hoy."),
    ],
)
def test_a_request_without_reason_or_before_today_is_refused(
    compromiso, directivo_salud, dias, justificacion, campo, mensaje
):
    with pytest.raises(ValidationError) as error:
        services.solicitar_reprogramacion(
            compromiso=compromiso,
            nueva_fecha=timezone.localdate() + timedelta(days=dias),
            justificacion=justificacion,
            usuario=directivo_salud,
        )

    assert error.value.message_dict[campo] == [mensaje]
    assert not Reprogramacion.objects.exists()


def test_compliance_counts_against_the_original_date(compromiso, directivo_salud, secretaria):
    pedir(compromiso, directivo_salud)
    services.aprobar_reprogramacion(compromiso=compromiso, usuario=secretaria)
    services.marcar_cumplido(compromiso=compromiso, nota="Entregado", usuario=directivo_salud)
    # Fulfilled after the original date, before the new one.
    Compromiso.objects.filter(pk=compromiso.pk).update(
        fecha_cumplimiento=compromiso.fecha_limite_original + timedelta(days=1)
    )
    compromiso.refresh_from_db()

    assert compromiso.cumplido_a_tiempo is False
    assert compromiso.cumplido_en_plazo_reprogramado is True


# --- through the page --------------------------------------------------------------------


def test_the_responsible_requests_and_the_despacho_approves_through_the_page(
    client, compromiso, directivo_salud, secretaria, hoy
):
    nueva = sumar_dias_habiles(hoy, 12)
    client.force_login(directivo_salud)
    pagina = client.get(compromiso.get_absolute_url())
    acciones = [f.accion for f in pagina.context["formularios"]]
    assert "solicitar_reprogramacion" in acciones and "reprogramar" not in acciones

    client.post(
        reverse("compromisos:solicitar_reprogramacion", args=[compromiso.pk]),
        {"nueva_fecha": nueva.isoformat(), "justificacion": "Faltan datos del INS"},
    )
    despues = client.get(compromiso.get_absolute_url())
    assert "solicitar_reprogramacion" not in [f.accion for f in despues.context["formularios"]]
    assert "Solicitada, por resolver" in despues.content.decode()

    client.force_login(secretaria)
    pagina = client.get(compromiso.get_absolute_url())
    assert [f.accion for f in pagina.context["formularios"]][-3:-1] == [
        "aprobar_reprogramacion",
        "rechazar_reprogramacion",
    ]
    respuesta = client.post(
        reverse("compromisos:aprobar_reprogramacion", args=[compromiso.pk]), {"observacion": ""}
    )

    assert respuesta.status_code == 302
    compromiso.refresh_from_db()
    assert compromiso.fecha_limite == nueva


def test_a_request_dated_before_today_is_refused_beside_the_field(
    client, compromiso, directivo_salud, hoy
):
    client.force_login(directivo_salud)

    respuesta = client.post(
        reverse("compromisos:solicitar_reprogramacion", args=[compromiso.pk]),
        {"nueva_fecha": (hoy - timedelta(days=1)).isoformat(), "justificacion": "Motivo"},
    )

    form = next(
        f for f in respuesta.context["formularios"] if f.accion == "solicitar_reprogramacion"
    )
    assert respuesta.status_code == 422
    assert form.errors["nueva_fecha"] == ["La nueva fecha no puede ser anterior a hoy."]
    assert not Reprogramacion.objects.exists()


def test_the_responsible_gets_403_moving_the_date_directly(
    client, compromiso, directivo_salud, hoy
):
    client.force_login(directivo_salud)

    respuesta = client.post(
        reverse("compromisos:reprogramar", args=[compromiso.pk]),
        {"nueva_fecha": sumar_dias_habiles(hoy, 9).isoformat(), "justificacion": "Motivo"},
    )

    assert respuesta.status_code == 403
    assert not Reprogramacion.objects.exists()
