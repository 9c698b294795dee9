"""Policy 1 of the circular: a meeting is recorded during the meeting. Closing it needs
someone present, the objective, the agenda and the development of each point, and each
meeting shows whether it was recorded live or afterwards (issue 11, item 12)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from compromisos import services
from compromisos.models import Asistente, PuntoOrden, Reunion
from tests.compromisos.conftest import completar_registro

pytestmark = pytest.mark.django_db


def test_closing_an_empty_record_says_what_is_missing_and_changes_nothing(
    reunion_en_curso, secretaria
):
    punto = reunion_en_curso.puntos.first()

    with pytest.raises(services.ReunionIncompleta) as error:
        services.cerrar_reunion(reunion=reunion_en_curso, usuario=secretaria)

    por_campo = error.value.por_campo
    assert por_campo["asistentes"] == ["Marque como presente al menos a una persona asistente."]
    assert por_campo["objetivo"] == ["Escriba el objetivo de la reunión."]
    assert por_campo[f"punto.{punto.pk}.desarrollo"] == ["Escriba el desarrollo de este punto."]
    assert Reunion.objects.get().estado == Reunion.Estado.EN_CURSO
    assert Reunion.objects.get().numero_acta == ""


def test_an_invited_but_absent_attendee_is_not_enough(reunion_en_curso, secretaria):
    completar_registro(reunion_en_curso, secretaria)
    Asistente.objects.update(asistencia=Asistente.Asistencia.CONVOCADO)

    with pytest.raises(services.ReunionIncompleta) as error:
        services.cerrar_reunion(reunion=reunion_en_curso, usuario=secretaria)

    assert list(error.value.por_campo) == ["asistentes"]


def test_a_meeting_without_agenda_cannot_close(reunion_en_curso, secretaria):
    completar_registro(reunion_en_curso, secretaria)
    PuntoOrden.objects.all().delete()

    with pytest.raises(services.ReunionIncompleta) as error:
        services.cerrar_reunion(reunion=reunion_en_curso, usuario=secretaria)

    assert error.value.por_campo == {"puntos": ["Agregue al menos un punto al orden del día."]}


@pytest.fixture
def reunion_ahora(nueva_reunion, secretaria):
    """A meeting taking place right now, under way."""
    ahora = timezone.now()
    reunion = nueva_reunion(inicio=ahora - timedelta(hours=1), fin=ahora + timedelta(hours=1))
    return services.iniciar_reunion(reunion=reunion, usuario=secretaria)


def test_a_meeting_edited_while_under_way_is_recorded_live(reunion_ahora, secretaria):
    completar_registro(reunion_ahora, secretaria)
    services.agregar_decision(reunion=reunion_ahora, texto="Se aprobó.", usuario=secretaria)

    reunion = services.cerrar_reunion(reunion=reunion_ahora, usuario=secretaria)

    assert reunion.registrada_en_vivo is True


def test_a_meeting_edited_today_after_its_hours_was_recorded_afterwards(nueva_reunion, secretaria):
    ahora = timezone.now()
    reunion = nueva_reunion(inicio=ahora - timedelta(hours=5), fin=ahora - timedelta(hours=3))
    completar_registro(reunion, secretaria)  # starts it, then edits it: all after its hours
    services.agregar_decision(reunion=reunion, texto="Se aprobó.", usuario=secretaria)

    assert services.cerrar_reunion(reunion=reunion, usuario=secretaria).registrada_en_vivo is False


def test_a_meeting_edited_more_than_two_hours_after_its_end_was_recorded_afterwards(
    reunion_en_curso, secretaria
):
    completar_registro(reunion_en_curso, secretaria)
    reunion = Reunion.objects.get()
    # Its last edit came three hours after it ended.
    Reunion.objects.update(ultima_edicion_en=reunion.fin + timedelta(hours=3))

    cerrada = services.cerrar_reunion(reunion=reunion, usuario=secretaria)

    assert cerrada.registrada_en_vivo is False


def test_a_meeting_never_edited_while_under_way_was_recorded_afterwards(
    reunion_en_curso, secretaria
):
    completar_registro(reunion_en_curso, secretaria)
    Reunion.objects.update(primera_edicion_en=None, ultima_edicion_en=None)

    cerrada = services.cerrar_reunion(reunion=reunion_en_curso, usuario=secretaria)

    assert cerrada.registrada_en_vivo is False


def test_a_live_edit_stamps_the_time_it_was_made(reunion_en_curso, secretaria):
    punto = reunion_en_curso.puntos.first()

    services.guardar_campo(
        reunion=reunion_en_curso,
        clave=f"punto.{punto.pk}.desarrollo",
        valor="Se verificó el quórum.",
        version=0,
        usuario=secretaria,
    )

    reunion = Reunion.objects.get()
    assert reunion.primera_edicion_en is not None
    assert reunion.ultima_edicion_en >= reunion.primera_edicion_en


def test_closing_an_incomplete_record_through_the_page_marks_each_field(
    client, reunion_en_curso, secretaria
):
    client.force_login(secretaria)
    punto = reunion_en_curso.puntos.first()

    respuesta = client.post(reverse("compromisos:cerrar", args=[reunion_en_curso.pk]))

    html = respuesta.content.decode()
    assert respuesta.status_code == 422
    assert 'id="error-asistentes"' in html
    assert "Marque como presente al menos a una persona asistente." in html
    assert respuesta.context["objetivo"].errors["objetivo"] == [
        "Escriba el objetivo de la reunión."
    ]
    formulario = next(f for f in respuesta.context["puntos"] if f.objeto == punto)
    assert formulario.errors["desarrollo"] == ["Escriba el desarrollo de este punto."]
    assert Reunion.objects.get().estado == Reunion.Estado.EN_CURSO


def test_the_meeting_page_says_it_was_recorded_live(client, reunion_ahora, secretaria):
    completar_registro(reunion_ahora, secretaria)
    services.agregar_decision(reunion=reunion_ahora, texto="Se aprobó.", usuario=secretaria)
    services.cerrar_reunion(reunion=reunion_ahora, usuario=secretaria)
    client.force_login(secretaria)

    html = client.get(reunion_ahora.get_absolute_url()).content.decode()

    assert "Registrada en vivo" in html
