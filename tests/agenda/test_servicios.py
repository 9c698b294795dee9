"""P002 services: activities, conflicts, requests and their answers, delegation into P001,
the P005 meeting of a Consejo de Gobierno, and deadlines that follow the calendar."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from agenda import services
from agenda.models import Actividad, ErrorDeEstado, SolicitudAgenda
from buengobierno.avisos.models import Recordatorio
from buengobierno.plazos.calendario import sumar_dias_habiles
from compromisos.apps import CONSEJO_DE_GOBIERNO
from delegaciones.models import Delegacion, Instancia, Sesion
from tests.conftest import momento

pytestmark = pytest.mark.django_db


def test_an_activity_that_ends_before_it_starts_is_refused_and_nothing_is_saved(
    nueva_actividad, otro_organismo
):
    with pytest.raises(ValidationError) as error:
        nueva_actividad(horas=-1)

    assert "fin" in error.value.message_dict
    assert not Actividad.objects.exists()


def test_overlapping_confirmed_activities_and_his_p001_sessions_are_conflicts(
    nueva_actividad, despacho, otro_organismo, secretario, hoy
):
    primera = nueva_actividad(dias=3, hora=9, horas=2, titulo="Consejo de seguridad")
    segunda = nueva_actividad(dias=3, hora=10, titulo="Entrevista en Telepacífico")
    tentativa = nueva_actividad(
        dias=3, hora=10, titulo="Visita a Siloé", estado=Actividad.Estado.TENTATIVA
    )
    instancia = Instancia.objects.create(
        nombre="Consejo Municipal de Gestión del Riesgo",
        tipo=Instancia.Tipo.CONSEJO,
        entidad_convocante="Alcaldía",
        norma="Ley 1523 de 2012",
        periodicidad=Instancia.Periodicidad.MENSUAL,
        organismo=otro_organismo,
        creado_por=despacho,
    )
    Sesion.objects.create(
        instancia=instancia,
        inicio=momento(hoy + timedelta(days=3), 9),
        asistencia=Sesion.Asistencia.SECRETARIO,
        creado_por=despacho,
    )

    cruces = services.cruces(segunda.inicio, segunda.fin, excluir=segunda.pk)

    assert {c.titulo for c in cruces} == {primera.titulo, str(instancia)}
    assert tentativa.titulo not in {c.titulo for c in cruces}
    assert (
        services.cruces(momento(hoy + timedelta(days=3), 14), momento(hoy + timedelta(days=3), 15))
        == []
    )


def test_a_request_without_a_proposed_date_is_refused(nueva_solicitud):
    with pytest.raises(ValidationError) as error:
        nueva_solicitud(fecha_propuesta=None)

    assert "fecha_propuesta" in error.value.message_dict
    assert not SolicitudAgenda.objects.exists()


def test_a_request_is_due_an_answer_in_three_business_days(nueva_solicitud, hoy):
    solicitud = nueva_solicitud()

    assert solicitud.estado == SolicitudAgenda.Estado.PENDIENTE
    assert solicitud.fecha_limite_respuesta == sumar_dias_habiles(hoy, 3)


def test_approving_a_request_puts_it_in_the_agenda_and_tells_the_requester(
    nueva_solicitud, despacho, enlace_salud
):
    solicitud = services.aprobar_solicitud(solicitud=nueva_solicitud(), usuario=despacho)

    actividad = solicitud.actividad
    assert solicitud.estado == SolicitudAgenda.Estado.APROBADA
    assert actividad.estado == Actividad.Estado.CONFIRMADA
    assert actividad.inicio == solicitud.fecha_propuesta
    assert actividad.fin - actividad.inicio == timedelta(minutes=90)
    assert Recordatorio.objects.filter(destinatario=enlace_salud).count() == 1
    with pytest.raises(ErrorDeEstado):
        services.declinar_solicitud(solicitud=solicitud, usuario=despacho, respuesta="No")


def test_another_time_proposed_by_the_despacho_goes_into_the_agenda_once_accepted(
    nueva_solicitud, despacho, enlace_salud, hoy
):
    otra = momento(hoy + timedelta(days=8), 15)
    solicitud = services.proponer_otra_fecha(
        solicitud=nueva_solicitud(), usuario=despacho, fecha=otra
    )
    assert solicitud.estado == SolicitudAgenda.Estado.OTRA_FECHA

    solicitud = services.aceptar_otra_fecha(solicitud=solicitud, usuario=enlace_salud)

    assert solicitud.estado == SolicitudAgenda.Estado.APROBADA
    assert solicitud.actividad.inicio == otra
    assert Recordatorio.objects.filter(destinatario=enlace_salud).count() == 1


def test_declining_needs_a_reason(nueva_solicitud, despacho):
    solicitud = nueva_solicitud()
    with pytest.raises(ValidationError):
        services.declinar_solicitud(solicitud=solicitud, usuario=despacho, respuesta=" ")

    solicitud = services.declinar_solicitud(
        solicitud=solicitud, usuario=despacho, respuesta="Agenda en Bogotá ese día."
    )
    assert solicitud.estado == SolicitudAgenda.Estado.DECLINADA


def test_a_delegated_activity_opens_a_p001_delegation_from_the_secretario_with_its_ficha_owed(
    nueva_actividad, despacho, directivo_salud
):
    actividad = services.delegar_actividad(
        actividad=nueva_actividad(),
        delegado=directivo_salud,
        instrucciones="Presentar el balance del plan de salud mental.",
        usuario=despacho,
    )

    delegacion = actividad.delegacion
    assert actividad.participacion == Actividad.Participacion.DELEGADA
    assert delegacion.delegante == Delegacion.Delegante.SECRETARIO
    assert delegacion.delegado == directivo_salud
    assert delegacion.sesion.inicio == actividad.inicio
    assert delegacion.fecha_limite_ficha == sumar_dias_habiles(actividad.fecha, 3)
    assert delegacion.estado == Delegacion.Estado.PENDIENTE_FIRMA


def test_a_delegation_refused_by_p001_leaves_nothing_half_saved(
    nueva_actividad, despacho, consulta
):
    actividad = nueva_actividad()
    with pytest.raises(ValidationError):
        services.delegar_actividad(
            actividad=actividad, delegado=consulta, instrucciones="Asistir", usuario=despacho
        )

    actividad.refresh_from_db()
    assert actividad.delegacion is None
    assert not Instancia.objects.exists() and not Sesion.objects.exists()


def test_a_delegated_request_is_delegated_in_p001(nueva_solicitud, despacho, directivo_salud):
    solicitud = services.delegar_solicitud(
        solicitud=nueva_solicitud(),
        usuario=despacho,
        delegado=directivo_salud,
        instrucciones="Instalar la jornada.",
    )

    assert solicitud.estado == SolicitudAgenda.Estado.DELEGADA
    assert solicitud.actividad.delegacion.delegante == Delegacion.Delegante.SECRETARIO


def test_a_consejo_de_gobierno_opens_its_p005_meeting_once(nueva_actividad, despacho, gobierno):
    actividad = nueva_actividad(
        titulo="Consejo de Gobierno", tipo=Actividad.Tipo.CONSEJO, organismo=gobierno
    )

    reunion = services.abrir_reunion(actividad=actividad, usuario=despacho)
    otra_vez = services.abrir_reunion(actividad=actividad, usuario=despacho)

    assert reunion == otra_vez
    assert reunion.tipo.nombre == CONSEJO_DE_GOBIERNO
    assert reunion.tipo.numera_acta
    assert reunion.inicio == actividad.inicio
    actividad.refresh_from_db()
    assert actividad.reunion == reunion


def test_an_event_does_not_open_a_meeting(nueva_actividad, despacho):
    with pytest.raises(ErrorDeEstado):
        services.abrir_reunion(
            actividad=nueva_actividad(tipo=Actividad.Tipo.EVENTO), usuario=despacho
        )


def test_the_answer_deadline_follows_a_new_non_working_day(nueva_solicitud, hoy):
    from buengobierno.plazos.models import DiaNoHabil

    solicitud = nueva_solicitud()
    antes = solicitud.fecha_limite_respuesta
    DiaNoHabil.objects.create(fecha=sumar_dias_habiles(hoy, 1), motivo="Día cívico")

    solicitud.refresh_from_db()
    assert solicitud.fecha_limite_respuesta > antes
    assert solicitud.history.first().history_change_reason


def test_only_the_despacho_answers_requests(nueva_solicitud, enlace_salud):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.aprobar_solicitud(solicitud=nueva_solicitud(), usuario=enlace_salud)
