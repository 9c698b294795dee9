"""P008 → P002: an itinerary entry the Secretario takes part in is an activity of his agenda,
kept in step when the entry, or the visit, changes (issue 15, item 3)."""

from datetime import timedelta

import pytest
from django.urls import reverse

from agenda import calendario
from agenda.models import Actividad
from cooperacion.misiones import services as misiones
from cooperacion.misiones.forms import VisitaForm
from tests.conftest import momento

pytestmark = pytest.mark.django_db


@pytest.fixture
def dia(hoy):
    return hoy + timedelta(days=10)


def _entrada(visita, relaciones, anfitrion, inicio, participa=True):
    return misiones.agregar_actividad(
        visita=visita,
        datos={
            "inicio": inicio,
            "actividad": "Audiencia con el Alcalde",
            "lugar": "CAM, Despacho del Alcalde",
            "anfitrion": anfitrion,
            "participa_secretario": participa,
        },
        usuario=relaciones,
    )


def test_the_entry_follows_the_itinerary_and_leaves_when_he_no_longer_takes_part(
    nueva_visita, relaciones, despacho, dia
):
    visita = nueva_visita()
    entrada = _entrada(visita, relaciones, despacho, momento(dia, 10))
    agenda = entrada.actividad_agenda
    assert (agenda.tipo, agenda.estado, agenda.privada) == ("visita", "confirmada", False)
    assert agenda.organismo == visita.organismo
    assert agenda.lugar == "CAM, Despacho del Alcalde"
    assert agenda.titulo.startswith("Audiencia con el Alcalde — Visita de Embajada de Francia")
    assert agenda.fin - agenda.inicio == timedelta(hours=1)

    datos = {
        "inicio": momento(dia, 15),
        "actividad": "Almuerzo de trabajo",
        "lugar": "Hotel Intercontinental",
        "anfitrion": despacho,
        "participa_secretario": True,
    }
    misiones.editar_actividad(visita=visita, actividad=entrada, datos=datos, usuario=relaciones)
    agenda.refresh_from_db()
    assert (agenda.inicio, agenda.lugar) == (momento(dia, 15), "Hotel Intercontinental")
    assert agenda.titulo.startswith("Almuerzo de trabajo")
    assert agenda.history.first().history_change_reason == "Cambió el itinerario de la visita."

    misiones.editar_actividad(
        visita=visita,
        actividad=entrada,
        datos={**datos, "participa_secretario": False},
        usuario=relaciones,
    )
    agenda.refresh_from_db()
    assert agenda.estado == "cancelada" and agenda.motivo_cancelacion

    # He takes part again: a new entry (a cancelled activity stays cancelled).
    entrada = misiones.editar_actividad(
        visita=visita, actividad=entrada, datos=datos, usuario=relaciones
    )
    assert entrada.actividad_agenda != agenda
    assert entrada.actividad_agenda.estado == "confirmada"

    misiones.quitar_actividad(visita=visita, actividad=entrada, usuario=relaciones)
    assert not visita.actividades.exists()
    assert Actividad.objects.vigentes().count() == 0


def test_a_reserved_visit_gives_a_private_entry_others_read_as_busy(
    nueva_visita, relaciones, despacho, directivo_salud, dia
):
    visita = nueva_visita(reservada=True, motivo_reserva="Seguridad (Ley 1712, art. 19).")
    agenda = _entrada(visita, relaciones, despacho, momento(dia, 10)).actividad_agenda
    assert agenda.privada
    assert "Francia" not in agenda.titulo
    ajenas = calendario.entradas(directivo_salud, dia, dia)
    assert [(e.titulo, e.ocupado) for e in ajenas] == [("Ocupado", True)]
    assert calendario.entradas(despacho, dia, dia)[0].titulo == agenda.titulo
    assert not Actividad.objects.visibles_para(relaciones).exists()


def test_editing_and_cancelling_the_visit_carry_to_the_agenda(
    nueva_visita, relaciones, despacho, dia
):
    visita = nueva_visita()
    agenda = _entrada(visita, relaciones, despacho, momento(dia, 10)).actividad_agenda
    datos = {campo: getattr(visita, campo) for campo in VisitaForm.campos_version}
    datos.update(reservada=True, motivo_reserva="Relaciones internacionales.")
    misiones.actualizar_visita(visita=visita, datos=datos, acompanantes=[], usuario=relaciones)
    agenda.refresh_from_db()
    assert agenda.privada and "Francia" not in agenda.titulo

    misiones.cancelar_visita(
        visita=visita, motivo="La embajada aplazó el viaje.", usuario=relaciones
    )
    agenda.refresh_from_db()
    assert agenda.estado == "cancelada"
    assert "aplazó" in agenda.motivo_cancelacion


def test_through_the_page_a_conflict_is_flagged_and_the_entry_edited_and_removed(
    client, nueva_visita, nueva_actividad_agenda, relaciones, despacho, dia
):
    visita = nueva_visita()
    client.force_login(relaciones)
    url = reverse("cooperacion_misiones:actividad", args=[visita.pk])
    formulario = {
        "inicio": f"{dia:%Y-%m-%d}T10:00",
        "actividad": "Audiencia con el Alcalde",
        "lugar": "CAM",
        "anfitrion": despacho.pk,
        "participa_secretario": "on",
    }
    respuesta = client.post(url, formulario, follow=True)
    texto = respuesta.content.decode()
    assert "Cruce de horario con: Consejo de Gobierno" in texto
    entrada = visita.actividades.get()
    assert entrada.actividad_agenda.get_absolute_url() in texto

    editar = reverse("cooperacion_misiones:editar_actividad", args=[visita.pk, entrada.pk])
    respuesta = client.post(editar, {**formulario, "inicio": f"{dia:%Y-%m-%d}T16:00"}, follow=True)
    assert "Cruce de horario" not in respuesta.content.decode()
    entrada.actividad_agenda.refresh_from_db()
    assert entrada.actividad_agenda.inicio == momento(dia, 16)

    respuesta = client.post(editar, {**formulario, "inicio": "2099-01-01T10:00"})
    assert "entre la llegada y la salida" in respuesta.content.decode()

    quitar = reverse("cooperacion_misiones:quitar_actividad", args=[visita.pk, entrada.pk])
    assert client.get(quitar).status_code == 405
    client.post(quitar)
    assert not visita.actividades.exists()
    assert not Actividad.objects.filter(tipo="visita").vigentes().exists()


@pytest.fixture
def nueva_actividad_agenda(despacho, gobierno, dia):
    return Actividad.objects.create(
        titulo="Consejo de Gobierno",
        tipo="consejo",
        inicio=momento(dia, 9),
        fin=momento(dia, 11),
        organismo=gobierno,
        estado="confirmada",
        creado_por=despacho,
    )
