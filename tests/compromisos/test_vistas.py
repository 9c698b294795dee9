"""The pages a secretary and a responsible person use, with good and bad input."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from buengobierno.documentos.models import Adjunto
from buengobierno.plazos.calendario import sumar_dias_habiles
from compromisos.models import Compromiso, Reprogramacion, Reunion
from tests.compromisos.conftest import completar_registro, reunion_cerrada_con

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def cliente(client, secretaria):
    client.force_login(secretaria)
    return client


def guardar(cliente, reunion, clave, valor, version=0):
    return cliente.post(
        reverse("compromisos:guardar_campo", args=[reunion.pk]),
        {"clave": clave, "valor": valor, "version": version},
        **HTMX,
    )


# --- scheduling --------------------------------------------------------------------------


def test_a_secretary_schedules_a_consejo_with_agenda_and_invitations(
    cliente, consejo, gobierno, directivo_salud, hoy
):
    respuesta = cliente.post(
        reverse("compromisos:nueva_reunion"),
        {
            "tipo": consejo.pk,
            "titulo": "Consejo de Gobierno extraordinario",
            "inicio": f"{hoy:%Y-%m-%d}T08:00",
            "fin": f"{hoy:%Y-%m-%d}T10:00",
            "organismo_convocante": gobierno.pk,
            "puntos": "Quórum\nTemporada de lluvias\n",
            "invitados": [directivo_salud.pk],
        },
    )

    reunion = Reunion.objects.get()
    assert respuesta.status_code == 302
    assert respuesta.url == reverse("compromisos:en_vivo", args=[reunion.pk])
    assert [p.titulo for p in reunion.puntos.all()] == ["Quórum", "Temporada de lluvias"]
    assert reunion.asistentes.get().usuario == directivo_salud


def test_a_meeting_that_ends_before_it_starts_is_refused_beside_the_end_field(
    cliente, consejo, gobierno, hoy
):
    respuesta = cliente.post(
        reverse("compromisos:nueva_reunion"),
        {
            "tipo": consejo.pk,
            "titulo": "Al revés",
            "inicio": f"{hoy:%Y-%m-%d}T10:00",
            "fin": f"{hoy:%Y-%m-%d}T08:00",
            "organismo_convocante": gobierno.pk,
        },
    )

    assert respuesta.status_code == 422
    assert respuesta.context["form"].errors["fin"] == [
        "La reunión no puede terminar antes de empezar."
    ]
    assert not Reunion.objects.exists()


# --- the live page -------------------------------------------------------------------------


def test_the_live_page_shows_every_section_and_the_business_day_shortcuts(cliente, reunion, hoy):
    respuesta = cliente.get(reverse("compromisos:en_vivo", args=[reunion.pk]))

    html = respuesta.content.decode()
    assert respuesta.status_code == 200
    for texto in ("Asistentes", "Orden del día y desarrollo", "Decisiones", "Compromisos"):
        assert texto in html
    assert f'data-atajo-fecha="{sumar_dias_habiles(hoy, 5):%d/%m/%Y}"' in html
    assert "+5 días hábiles" in html
    assert 'hx-trigger="keyup changed delay:800ms, change"' in html
    assert "js/compromisos/en_vivo.js" in html


def test_saving_a_field_answers_its_version_and_the_time(cliente, reunion):
    punto = reunion.puntos.first()

    respuesta = guardar(cliente, reunion, f"punto.{punto.pk}.desarrollo", "Hay quórum.")

    datos = respuesta.json()
    assert respuesta.status_code == 200
    assert datos["version"] == 1
    assert datos["mensaje"].startswith("Guardado ")
    punto.refresh_from_db()
    assert punto.desarrollo == "Hay quórum."


def test_a_stale_save_gets_409_with_the_other_persons_text(
    client, cliente, reunion, crear_usuario, gobierno
):
    punto = reunion.puntos.first()
    clave = f"punto.{punto.pk}.desarrollo"
    colega = crear_usuario("Despacho de Gobierno", gobierno, username="colega")
    from django.test import Client

    otro = Client()
    otro.force_login(colega)
    guardar(otro, reunion, clave, "Lo que escribió la colega")

    respuesta = guardar(cliente, reunion, clave, "Lo mío", version=0)

    assert respuesta.status_code == 409
    assert respuesta.json()["valor"] == "Lo que escribió la colega"
    punto.refresh_from_db()
    assert punto.desarrollo == "Lo que escribió la colega"


def test_a_bad_live_value_gets_422_with_a_spanish_message(
    cliente, reunion, secretaria, directivo_salud, hoy
):
    cliente.post(
        reverse("compromisos:agregar_compromiso", args=[reunion.pk]),
        {"descripcion": "Tarea", "prioridad": "media"},
        **HTMX,
    )
    compromiso = Compromiso.objects.get()

    respuesta = guardar(
        cliente,
        reunion,
        f"compromiso.{compromiso.pk}.fecha_limite",
        (hoy - timedelta(days=1)).isoformat(),
    )

    assert respuesta.status_code == 422
    assert "no puede ser anterior a la reunión" in respuesta.json()["error"]


def test_saving_into_a_closed_meeting_gets_423(cliente, reunion_en_curso, secretaria):
    reunion_cerrada_con(reunion_en_curso, secretaria, [])

    respuesta = guardar(cliente, reunion_en_curso, "reunion.objetivo", "Tarde")

    assert respuesta.status_code == 423
    assert "cerrada" in respuesta.json()["error"]


def test_adding_a_commitment_inline_re_renders_its_section(cliente, reunion, directivo_salud, hoy):
    fecha = sumar_dias_habiles(hoy, 5)

    respuesta = cliente.post(
        reverse("compromisos:agregar_compromiso", args=[reunion.pk]),
        {
            "descripcion": "Presentar el plan de choque",
            "responsable": directivo_salud.pk,
            "fecha_limite": fecha.isoformat(),
            "prioridad": "alta",
        },
        **HTMX,
    )

    compromiso = Compromiso.objects.get()
    assert respuesta.status_code == 200
    assert 'id="seccion-compromisos"' in respuesta.content.decode()
    assert "Presentar el plan de choque" in respuesta.content.decode()
    assert (compromiso.estado, compromiso.fecha_limite) == (Compromiso.Estado.BORRADOR, fecha)


def test_an_inline_commitment_due_before_the_meeting_shows_the_message_beside_the_date(
    cliente, reunion, directivo_salud, hoy
):
    respuesta = cliente.post(
        reverse("compromisos:agregar_compromiso", args=[reunion.pk]),
        {
            "descripcion": "Tarde",
            "responsable": directivo_salud.pk,
            "fecha_limite": (hoy - timedelta(days=3)).isoformat(),
            "prioridad": "media",
        },
        **HTMX,
    )

    form = respuesta.context["form_compromiso"]
    assert "no puede ser anterior a la reunión" in form.errors["fecha_limite"][0]
    assert "is-invalid" in respuesta.content.decode()
    assert not Compromiso.objects.exists()


def test_attendance_is_marked_through_the_live_field(cliente, reunion, directivo_salud):
    cliente.post(
        reverse("compromisos:agregar_asistentes", args=[reunion.pk]),
        {"usuarios": [directivo_salud.pk]},
        **HTMX,
    )
    asistente = reunion.asistentes.get()

    respuesta = guardar(cliente, reunion, f"asistente.{asistente.pk}.asistencia", "asistio")

    asistente.refresh_from_db()
    assert respuesta.status_code == 200
    assert asistente.asistencia == "asistio"


def test_a_whole_organism_can_be_invited_at_once(cliente, reunion, directivo_salud, enlace_salud):
    cliente.post(
        reverse("compromisos:agregar_asistentes", args=[reunion.pk]),
        {"organismo": directivo_salud.organismo_id},
        **HTMX,
    )

    assert {a.usuario for a in reunion.asistentes.all()} == {directivo_salud, enlace_salud}


def test_an_external_attendee_without_the_data_notice_is_refused_beside_the_checkbox(
    cliente, reunion
):
    respuesta = cliente.post(
        reverse("compromisos:agregar_externo", args=[reunion.pk]),
        {"nombre": "María Ortiz", "entidad": "Cruz Roja"},
        **HTMX,
    )

    assert "Ley 1581" in respuesta.context["form_externo"].errors["aviso_datos_aceptado"][0]
    assert not reunion.asistentes.exists()


def test_closing_with_an_incomplete_commitment_marks_it_and_keeps_the_meeting_open(
    cliente, reunion_en_curso, directivo_salud
):
    cliente.post(
        reverse("compromisos:agregar_compromiso", args=[reunion_en_curso.pk]),
        {"descripcion": "Sin responsable", "prioridad": "media"},
        **HTMX,
    )

    respuesta = cliente.post(reverse("compromisos:cerrar", args=[reunion_en_curso.pk]))

    html = respuesta.content.decode()
    assert respuesta.status_code == 422
    assert "No se puede cerrar" in html
    assert "Indique quién es el responsable." in html
    assert "Indique la fecha límite de cumplimiento." in html
    reunion_en_curso.refresh_from_db()
    assert reunion_en_curso.estado == Reunion.Estado.EN_CURSO


def test_closing_through_the_page_freezes_the_meeting_and_shows_the_acta_number(
    cliente, reunion_en_curso, directivo_salud, secretaria, hoy
):
    completar_registro(reunion_en_curso, secretaria)
    cliente.post(
        reverse("compromisos:agregar_compromiso", args=[reunion_en_curso.pk]),
        {
            "descripcion": "Plan",
            "responsable": directivo_salud.pk,
            "fecha_limite": hoy.isoformat(),
            "prioridad": "media",
        },
        **HTMX,
    )

    respuesta = cliente.post(reverse("compromisos:cerrar", args=[reunion_en_curso.pk]), follow=True)

    assert f"Acta No. {hoy.year}-0001" in respuesta.content.decode()
    en_vivo = cliente.get(reverse("compromisos:en_vivo", args=[reunion_en_curso.pk]))
    assert en_vivo.status_code == 302  # a closed meeting has no live page any more
    assert Compromiso.objects.get().estado == Compromiso.Estado.PENDIENTE


# --- the commitment page -------------------------------------------------------------------


@pytest.fixture
def compromiso(crear_compromiso, directivo_salud):
    return crear_compromiso(directivo_salud)


def test_the_responsible_sees_the_actions_and_the_link_back_to_the_origin(
    client, reunion, crear_compromiso, directivo_salud
):
    compromiso = crear_compromiso(directivo_salud, origen=reunion)
    client.force_login(directivo_salud)

    respuesta = client.get(compromiso.get_absolute_url())

    html = respuesta.content.decode()
    assert [f.accion for f in respuesta.context["formularios"]] == [
        "avance",
        "cumplido",
        "solicitar_reprogramacion",
    ]
    assert f'href="{reunion.get_absolute_url()}" id="enlace-origen"' in html
    assert "Historial" in html


def test_reporting_fulfilment_with_a_disguised_file_shows_the_reason_beside_the_file(
    client, compromiso, directivo_salud
):
    client.force_login(directivo_salud)

    respuesta = client.post(
        reverse("compromisos:cumplido", args=[compromiso.pk]),
        {"nota": "Listo", "archivo": SimpleUploadedFile("foto.png", b"<html>no es imagen</html>")},
    )

    assert respuesta.status_code == 422
    form = next(f for f in respuesta.context["formularios"] if f.accion == "cumplido")
    assert "no corresponde a una imagen PNG" in form.errors["archivo"][0]
    compromiso.refresh_from_db()
    assert compromiso.estado == Compromiso.Estado.PENDIENTE
    assert not Adjunto.objects.exists()


def test_reporting_fulfilment_with_evidence_makes_it_downloadable(
    client, compromiso, directivo_salud
):
    client.force_login(directivo_salud)

    client.post(
        reverse("compromisos:cumplido", args=[compromiso.pk]),
        {"nota": "Plan entregado", "archivo": SimpleUploadedFile("plan.pdf", b"%PDF-1.4\n%x\n")},
    )

    adjunto = Adjunto.objects.get()
    descarga = client.get(reverse("documentos:adjunto", args=[adjunto.pk]))
    assert descarga.status_code == 200
    assert Compromiso.objects.get().estado == Compromiso.Estado.CUMPLIDO


def test_rescheduling_without_justification_is_refused_beside_the_field(
    client, compromiso, directivo_salud, hoy
):
    client.force_login(directivo_salud)

    respuesta = client.post(
        reverse("compromisos:solicitar_reprogramacion", args=[compromiso.pk]),
        {"nueva_fecha": sumar_dias_habiles(hoy, 20).isoformat(), "justificacion": ""},
    )

    form = next(
        f for f in respuesta.context["formularios"] if f.accion == "solicitar_reprogramacion"
    )
    assert respuesta.status_code == 422
    assert form.errors["justificacion"] == ["Explique por qué necesita una nueva fecha."]
    assert "Explique por qué necesita una nueva fecha." in respuesta.content.decode()
    assert not Reprogramacion.objects.exists()


def test_a_progress_percentage_above_100_is_refused(client, compromiso, directivo_salud):
    client.force_login(directivo_salud)

    respuesta = client.post(
        reverse("compromisos:avance", args=[compromiso.pk]), {"nota": "x", "porcentaje": "120"}
    )

    form = next(f for f in respuesta.context["formularios"] if f.accion == "avance")
    assert form.errors["porcentaje"] == ["El porcentaje debe estar entre 0 y 100."]
    assert not compromiso.avances.exists()


def test_a_commitment_registered_by_hand_cannot_be_due_in_the_past(cliente, directivo_salud, hoy):
    respuesta = cliente.post(
        reverse("compromisos:nuevo"),
        {
            "descripcion": "Rendición de cuentas",
            "responsable": directivo_salud.pk,
            "fecha_limite": (hoy - timedelta(days=1)).isoformat(),
            "prioridad": "media",
        },
    )

    assert respuesta.status_code == 422
    assert "no puede ser anterior" in respuesta.context["form"].errors["fecha_limite"][0]
    assert not Compromiso.objects.exists()


def test_a_commitment_registered_by_hand_lands_on_the_board(cliente, directivo_salud, hoy):
    respuesta = cliente.post(
        reverse("compromisos:nuevo"),
        {
            "descripcion": "Rendición de cuentas",
            "responsable": directivo_salud.pk,
            "fecha_limite": sumar_dias_habiles(hoy, 10).isoformat(),
            "prioridad": "alta",
        },
    )

    compromiso = Compromiso.objects.get()
    assert respuesta.url == compromiso.get_absolute_url()
    tablero = cliente.get(reverse("compromisos:inicio"))
    assert list(tablero.context["object_list"]) == [compromiso]


def test_editing_a_meeting_changes_its_data_until_it_is_closed(
    cliente, reunion_en_curso, secretaria, consejo, gobierno, hoy
):
    datos = {
        "tipo": consejo.pk,
        "titulo": "Consejo de Gobierno ampliado",
        "inicio": f"{hoy:%Y-%m-%d}T08:00",
        "fin": f"{hoy:%Y-%m-%d}T12:00",
        "lugar": "Salón de la Alcaldía",
        "organismo_convocante": gobierno.pk,
    }
    url = reverse("compromisos:editar_reunion", args=[reunion_en_curso.pk])

    cliente.post(url, datos)
    reunion_en_curso.refresh_from_db()
    reunion_cerrada_con(reunion_en_curso, secretaria, [])
    tarde = cliente.post(url, {**datos, "titulo": "Cambiado después"})

    reunion_en_curso.refresh_from_db()
    assert reunion_en_curso.titulo == "Consejo de Gobierno ampliado"
    assert reunion_en_curso.lugar == "Salón de la Alcaldía"
    assert tarde.status_code == 302
