"""The life of a delegation through its services: deadlines, states, bad input, the ficha and
its commitments in P005."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from buengobierno.plazos.calendario import sumar_dias_habiles
from buengobierno.plazos.models import DiaNoHabil
from compromisos.models import Compromiso
from compromisos.services import CompromisosInvalidos
from delegaciones import services
from delegaciones.models import CompromisoFicha, Delegacion, ErrorDeEstado, FichaTecnica, Sesion
from tests.concurrencia import en_paralelo
from tests.delegaciones.conftest import momento

pytestmark = pytest.mark.django_db
Estado = Delegacion.Estado


def test_the_ficha_is_due_three_business_days_after_the_session_across_a_holiday_weekend(
    instancia,
):
    # Friday 13 November 2026; Monday 16 is a holiday (Independencia de Cartagena, moved).
    sesion = Sesion(instancia=instancia, inicio=momento(date(2026, 11, 13)))

    assert services.plazo_de_ficha(sesion) == date(2026, 11, 19)


def test_a_civic_day_decreed_by_the_alcalde_also_moves_the_deadline(instancia):
    DiaNoHabil.objects.create(fecha=date(2026, 11, 18), motivo="Día cívico")
    sesion = Sesion(instancia=instancia, inicio=momento(date(2026, 11, 13)))

    assert services.plazo_de_ficha(sesion) == date(2026, 11, 20)


def test_delegating_computes_the_deadline_numbers_the_letter_and_notifies(
    nueva_sesion, delegar, directivo_salud, hoy
):
    sesion = nueva_sesion(dias=5)

    delegacion = delegar(sesion)

    assert delegacion.estado == Estado.NOTIFICADA
    assert delegacion.fecha_limite_ficha == sumar_dias_habiles(hoy + timedelta(days=5), 3)
    assert delegacion.numero_carta == f"{hoy.year}-0001"
    assert delegacion.organismo == directivo_salud.organismo
    assert delegacion.notificada_en is not None
    sesion.refresh_from_db()
    assert sesion.asistencia == Sesion.Asistencia.DELEGA


def test_a_draft_delegation_has_no_letter_until_it_is_issued_for_signature(
    nueva_sesion, delegar, despacho
):
    borrador = delegar(nueva_sesion(), notificar_ahora=False)
    assert (borrador.estado, borrador.numero_carta) == (Estado.BORRADOR, "")

    emitida = services.emitir_carta(delegacion=borrador, usuario=despacho)

    assert emitida.estado == Estado.PENDIENTE_FIRMA
    assert emitida.numero_carta.endswith("-0001")
    assert emitida.notificada_en is None


def test_the_first_delegate_of_an_instancia_becomes_its_usual_delegate(
    nueva_sesion, delegar, instancia, enlace_salud
):
    instancia.delegado_habitual = None
    instancia.save()

    delegar(nueva_sesion(), delegado=enlace_salud)

    instancia.refresh_from_db()
    assert instancia.delegado_habitual == enlace_salud


def test_a_session_in_the_past_cannot_be_delegated(nueva_sesion, delegar):
    sesion = nueva_sesion()
    Sesion.objects.filter(pk=sesion.pk).update(inicio=timezone.now() - timedelta(hours=1))
    sesion.refresh_from_db()

    with pytest.raises(ValidationError) as error:
        delegar(sesion)

    assert "La sesión ya pasó" in error.value.message_dict["inicio"][0]
    assert not Delegacion.objects.exists()


def test_a_delegate_without_email_is_refused_and_nothing_is_saved(
    instancia, despacho, crear_usuario, otro_organismo, hoy
):
    sin_correo = crear_usuario("Directivo", otro_organismo, username="sin.correo", email="")

    with pytest.raises(ValidationError) as error:
        services.registrar_sesion(
            datos={"instancia": instancia, "inicio": momento(hoy + timedelta(days=3))},
            archivos={},
            usuario=despacho,
            delegacion={"delegado": sin_correo, "instrucciones": "Asistir."},
        )

    assert "no tiene correo electrónico" in error.value.message_dict["delegado"][0]
    assert not Sesion.objects.exists()  # the session of the same form is not half-saved


def test_a_session_has_one_delegation_in_force_at_a_time(nueva_sesion, delegar, enlace_salud):
    sesion = nueva_sesion()
    delegar(sesion)

    with pytest.raises(ValidationError) as error:
        delegar(sesion, delegado=enlace_salud)

    assert "ya tiene una delegación vigente" in error.value.message_dict["delegado"][0]


def test_only_the_despacho_delegates(nueva_sesion, directivo_salud):
    with pytest.raises(PermissionDenied):
        services.delegar(
            sesion=nueva_sesion(),
            delegado=directivo_salud,
            usuario=directivo_salud,
            instrucciones="Asistir.",
        )


def test_only_the_delegate_accepts(nueva_sesion, delegar, despacho, directivo_salud):
    delegacion = delegar(nueva_sesion())

    with pytest.raises(PermissionDenied):
        services.aceptar_delegacion(delegacion=delegacion, usuario=despacho)
    aceptada = services.aceptar_delegacion(delegacion=delegacion, usuario=directivo_salud)

    assert aceptada.estado == Estado.ACEPTADA
    assert aceptada.respondida_en is not None


def test_a_rejection_needs_a_reason_and_then_someone_else_can_be_delegated(
    nueva_sesion, delegar, directivo_salud, enlace_salud, despacho
):
    sesion = nueva_sesion()
    delegacion = delegar(sesion)
    with pytest.raises(ValidationError):
        services.rechazar_delegacion(delegacion=delegacion, usuario=directivo_salud, motivo=" ")

    services.rechazar_delegacion(
        delegacion=delegacion, usuario=directivo_salud, motivo="Estoy en comisión en Bogotá."
    )
    otra = delegar(sesion, delegado=enlace_salud)

    delegacion.refresh_from_db()
    assert delegacion.estado == Estado.RECHAZADA
    assert otra.estado == Estado.NOTIFICADA
    assert otra.numero_carta.endswith("-0002")
    assert despacho.notificaciones.filter(titulo__contains="no puede asistir").exists()


def test_a_delegation_is_cancelled_only_before_the_session(
    nueva_sesion, delegar, aceptada_pasada, despacho
):
    futura = delegar(nueva_sesion())
    cancelada = services.cancelar_delegacion(
        delegacion=futura, usuario=despacho, motivo="Asistirá el Alcalde."
    )
    assert cancelada.estado == Estado.CANCELADA

    with pytest.raises(ErrorDeEstado, match="ya se realizó"):
        services.cancelar_delegacion(
            delegacion=aceptada_pasada(), usuario=despacho, motivo="Ya no aplica."
        )


def test_the_ficha_cannot_be_filled_before_the_session(
    nueva_sesion, delegar, directivo_salud, enviar_ficha
):
    delegacion = delegar(nueva_sesion())
    services.aceptar_delegacion(delegacion=delegacion, usuario=directivo_salud)

    with pytest.raises(ErrorDeEstado, match="después de la sesión"):
        enviar_ficha(delegacion)


def test_sending_the_ficha_turns_its_commitments_into_p005_commitments_with_a_link_back(
    aceptada_pasada, enviar_ficha, directivo_salud, enlace_salud, hoy
):
    delegacion = aceptada_pasada()
    vence = sumar_dias_habiles(hoy, 10)

    ficha = enviar_ficha(
        delegacion,
        compromisos=[
            ("Presentar el plan de saneamiento fiscal de la E.S.E.", directivo_salud, vence),
            ("Enviar el informe de cartera a la Junta.", enlace_salud, vence),
        ],
    )

    delegacion.refresh_from_db()
    assert delegacion.estado == Estado.FICHA_ENTREGADA
    assert ficha.entregada_en is not None and ficha.entregada_a_tiempo
    compromisos = Compromiso.objects.filter(origen_id=ficha.pk).order_by("pk")
    assert [(c.responsable, c.fecha_limite, c.origen) for c in compromisos] == [
        (directivo_salud, vence, ficha),
        (enlace_salud, vence, ficha),
    ]
    assert compromisos[0].origen_url == ficha.get_absolute_url()
    assert set(ficha.compromisos_adoptados.values_list("compromiso", flat=True)) == {
        c.pk for c in compromisos
    }


def test_a_ficha_without_development_or_decisions_is_refused_and_nothing_is_saved(
    aceptada_pasada, enviar_ficha, directivo_salud, hoy
):
    delegacion = aceptada_pasada()

    with pytest.raises(ValidationError) as error:
        enviar_ficha(
            delegacion,
            desarrollo="",
            decisiones="  ",
            compromisos=[("Un compromiso", directivo_salud, hoy)],
        )

    assert "Escriba lo acontecido" in error.value.message_dict["desarrollo"][0]
    delegacion.refresh_from_db()
    assert delegacion.estado == Estado.ACEPTADA
    assert not FichaTecnica.objects.exists()
    assert not Compromiso.objects.exists()


def test_a_bad_commitment_stops_the_whole_ficha(aceptada_pasada, enviar_ficha, directivo_salud):
    delegacion = aceptada_pasada(dias_atras=3)
    antes_de_la_sesion = delegacion.sesion.fecha - timedelta(days=1)

    with pytest.raises(CompromisosInvalidos) as error:
        enviar_ficha(
            delegacion,
            compromisos=[
                ("Bien", directivo_salud, delegacion.sesion.fecha),
                ("Con fecha anterior a la sesión", directivo_salud, antes_de_la_sesion),
            ],
        )

    assert list(error.value.por_fila) == [1]
    assert "fecha_limite" in error.value.por_fila[1]
    assert not FichaTecnica.objects.exists()
    assert not Compromiso.objects.exists()


def test_a_draft_keeps_its_commitments_out_of_follow_up_until_sent(
    aceptada_pasada, enviar_ficha, directivo_salud, hoy
):
    delegacion = aceptada_pasada()

    enviar_ficha(delegacion, compromisos=[("Borrador", directivo_salud, hoy)], enviar=False)

    delegacion.refresh_from_db()
    assert delegacion.estado == Estado.REALIZADA
    assert CompromisoFicha.objects.filter(compromiso__isnull=True).count() == 1
    assert not Compromiso.objects.exists()


def test_a_late_ficha_is_recorded_as_late(aceptada_pasada, enviar_ficha):
    delegacion = aceptada_pasada(dias_atras=20)
    assert delegacion.ficha_vencida is True

    ficha = enviar_ficha(delegacion)

    assert ficha.entregada_a_tiempo is False
    delegacion = Delegacion.objects.select_related("ficha").get(pk=delegacion.pk)
    assert delegacion.ficha_vencida is False


def test_a_returned_ficha_is_sent_again_without_duplicating_its_commitments(
    aceptada_pasada, enviar_ficha, despacho, directivo_salud, hoy
):
    delegacion = aceptada_pasada()
    ficha = enviar_ficha(delegacion, compromisos=[("Primero", directivo_salud, hoy)])
    primera_entrega = ficha.entregada_en

    services.devolver_ficha(delegacion=delegacion, usuario=despacho, observaciones="Falta el acta.")
    delegacion.refresh_from_db()
    assert delegacion.estado == Estado.REALIZADA
    ficha = enviar_ficha(delegacion, compromisos=[("Segundo", directivo_salud, hoy)])
    services.revisar_ficha(delegacion=delegacion, usuario=despacho)

    delegacion.refresh_from_db()
    assert delegacion.estado == Estado.FICHA_REVISADA
    assert ficha.entregada_en == primera_entrega and ficha.reenviada_en is not None
    assert sorted(Compromiso.objects.values_list("descripcion", flat=True)) == [
        "Primero",
        "Segundo",
    ]


def test_only_the_despacho_reviews_or_returns_a_ficha(
    aceptada_pasada, enviar_ficha, directivo_salud
):
    delegacion = aceptada_pasada()
    enviar_ficha(delegacion)

    with pytest.raises(PermissionDenied):
        services.revisar_ficha(delegacion=delegacion, usuario=directivo_salud)
    with pytest.raises(PermissionDenied):
        services.devolver_ficha(delegacion=delegacion, usuario=directivo_salud, observaciones="x")


def test_moving_a_session_moves_the_deadline_of_its_ficha(nueva_sesion, delegar, despacho, hoy):
    sesion = nueva_sesion(dias=5)
    delegacion = delegar(sesion)
    nuevo_inicio = momento(hoy + timedelta(days=12))

    services.actualizar_sesion(
        sesion=sesion, datos={"inicio": nuevo_inicio}, archivos={}, usuario=despacho
    )

    delegacion.refresh_from_db()
    assert delegacion.fecha_limite_ficha == sumar_dias_habiles(hoy + timedelta(days=12), 3)


def test_the_actions_offered_follow_the_state_and_the_person(
    nueva_sesion, delegar, despacho, directivo_salud, consulta
):
    delegacion = delegar(nueva_sesion())

    assert services.acciones_para(delegacion, directivo_salud) == ["aceptar", "rechazar"]
    assert services.acciones_para(delegacion, despacho) == ["cancelar"]
    assert services.acciones_para(delegacion, consulta) == []


@pytest.mark.django_db(transaction=True)
def test_two_despacho_users_delegating_the_same_session_at_once_leave_one_delegation(
    nueva_sesion, delegar, enlace_salud
):
    sesion = nueva_sesion()

    def intentar():
        try:
            return delegar(sesion, delegado=enlace_salud, notificar_ahora=False)
        except ValidationError as error:
            return error.message_dict["delegado"][0]

    resultados = en_paralelo(intentar, hilos=2)

    assert Delegacion.objects.filter(sesion=sesion).count() == 1
    assert sum(isinstance(r, Delegacion) for r in resultados) == 1
    assert any("ya tiene una delegación vigente" in str(r) for r in resultados)
