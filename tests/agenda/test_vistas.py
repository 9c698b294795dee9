"""P002 pages: the calendar in three views, forms with bad input, the flows through the pages,
the day's agenda PDF, the ICS feed and the lists' query counts."""

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from icalendar import Calendar
from pypdf import PdfReader

from agenda import services
from agenda.models import Actividad, CalendarioAgenda, SolicitudAgenda
from delegaciones.models import Delegacion

pytestmark = pytest.mark.django_db


def fecha_hora(momento):
    from django.utils import timezone

    local = timezone.localtime(momento)
    return {"": local.strftime("%d/%m/%Y"), "_hora": local.strftime("%H:%M")}


def campos_fecha(nombre, momento):
    return {f"{nombre}{k}": v for k, v in fecha_hora(momento).items()}


@pytest.mark.parametrize("vista", ["dia", "semana", "mes"])
def test_the_calendar_shows_activities_and_flags_conflicts(
    client, despacho, nueva_actividad, vista
):
    una = nueva_actividad(hora=9, horas=2, titulo="Consejo de seguridad")
    nueva_actividad(hora=10, titulo="Entrevista en Telepacífico")
    client.force_login(despacho)

    respuesta = client.get(reverse("agenda:inicio"), {"vista": vista, "fecha": f"{una.fecha}"})

    pagina = respuesta.content.decode()
    assert respuesta.status_code == 200
    assert "Consejo de seguridad" in pagina and "Entrevista en Telepacífico" in pagina
    assert "Cruce de horario con:" in pagina or vista == "mes"
    assert respuesta.context["cruces"] == 2


@pytest.mark.parametrize("fecha", ["abc", "9999-01-01", "1-1-1", "2026-13-45", "9" * 30])
def test_a_wrong_date_in_the_calendar_shows_today(client, despacho, fecha):
    client.force_login(despacho)
    assert client.get(reverse("agenda:inicio"), {"fecha": fecha}).status_code == 200


def test_an_activity_ending_before_it_starts_gets_a_message_beside_the_field(
    client, despacho, otro_organismo, hoy
):
    from tests.conftest import momento

    client.force_login(despacho)
    inicio = momento(hoy + timedelta(days=2), 10)
    datos = {
        "titulo": "Visita a la comuna 18",
        "tipo": "visita",
        "estado": "confirmada",
        "organismo": otro_organismo.pk,
        **campos_fecha("inicio", inicio),
        **campos_fecha("fin", inicio - timedelta(hours=1)),
    }
    respuesta = client.post(reverse("agenda:nueva_actividad"), datos)

    assert respuesta.status_code == 400
    assert (
        "La actividad no puede terminar antes de empezar."
        in respuesta.context["form"].errors["fin"]
    )
    assert not Actividad.objects.exists()


def test_saving_a_conflicting_activity_warns(client, despacho, nueva_actividad, otro_organismo):
    una = nueva_actividad(hora=9, horas=2, titulo="Consejo de seguridad")
    client.force_login(despacho)
    datos = {
        "titulo": "Reunión con la JAL de Siloé",
        "tipo": "jal",
        "estado": "confirmada",
        "organismo": otro_organismo.pk,
        **campos_fecha("inicio", una.inicio + timedelta(minutes=30)),
        **campos_fecha("fin", una.fin + timedelta(minutes=30)),
    }
    respuesta = client.post(reverse("agenda:nueva_actividad"), datos, follow=True)

    assert respuesta.status_code == 200
    mensajes = [str(m) for m in respuesta.context["messages"]]
    assert any("Cruce de horario con: Consejo de seguridad" in m for m in mensajes)
    assert "Cruce de horario" in respuesta.content.decode()


def test_a_request_without_a_date_gets_a_message(client, enlace_salud):
    client.force_login(enlace_salud)
    respuesta = client.post(
        reverse("agenda:nueva_solicitud"),
        {"tema": "Foro", "tipo": "evento", "duracion_minutos": 60, "justificacion": "Foro"},
    )

    assert respuesta.status_code == 400
    assert (
        "Proponga al menos una fecha y hora." in respuesta.context["form"].errors["fecha_propuesta"]
    )
    assert not SolicitudAgenda.objects.exists()


def test_request_approve_and_delegate_through_the_pages(
    client, enlace_salud, despacho, directivo_salud, hoy
):
    from tests.conftest import momento

    client.force_login(enlace_salud)
    datos = {
        "tema": "Instalación de la mesa de convivencia",
        "tipo": "reunion",
        "duracion_minutos": 60,
        "justificacion": "Lo pidió la comunidad.",
        **campos_fecha("fecha_propuesta", momento(hoy + timedelta(days=5), 11)),
    }
    respuesta = client.post(reverse("agenda:nueva_solicitud"), datos)
    solicitud = SolicitudAgenda.objects.get()
    assert respuesta.status_code == 302

    client.force_login(despacho)
    assert client.get(solicitud.get_absolute_url()).status_code == 200
    client.post(reverse("agenda:aprobar", args=[solicitud.pk]), {"aprobar-respuesta": ""})
    solicitud.refresh_from_db()
    assert solicitud.estado == SolicitudAgenda.Estado.APROBADA

    actividad = solicitud.actividad
    respuesta = client.post(
        reverse("agenda:delegar", args=[actividad.pk]),
        {"delegado": directivo_salud.pk, "instrucciones": "Instalar la mesa."},
    )
    assert respuesta.status_code == 302
    actividad.refresh_from_db()
    assert actividad.delegacion.delegante == Delegacion.Delegante.SECRETARIO


def test_delegating_without_instructions_says_so_beside_the_field(
    client, despacho, nueva_actividad, directivo_salud
):
    actividad = nueva_actividad()
    client.force_login(despacho)
    respuesta = client.post(
        reverse("agenda:delegar", args=[actividad.pk]), {"delegado": directivo_salud.pk}
    )

    assert respuesta.status_code == 400
    assert "Escriba las instrucciones para el delegado." in respuesta.content.decode()
    assert not Delegacion.objects.exists()


def test_the_days_agenda_pdf_lists_the_days_activities(
    client, despacho, nueva_actividad, directivo_salud
):
    una = nueva_actividad(titulo="Consejo de seguridad")
    otra = nueva_actividad(hora=15, titulo="Foro de convivencia")
    services.delegar_actividad(
        actividad=otra, delegado=directivo_salud, instrucciones="Asistir", usuario=despacho
    )
    client.force_login(despacho)

    respuesta = client.get(reverse("agenda:agenda_pdf"), {"fecha": f"{una.fecha}"})

    contenido = b"".join(respuesta.streaming_content)
    assert contenido.startswith(b"%PDF-")
    texto = " ".join(
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(contenido)).pages).split()
    )
    assert "MEDE01.09.P002.F001" in texto
    assert "Consejo de seguridad" in texto and "Foro de convivencia" in texto
    assert "Delegada en" in texto


def test_the_ics_feed_parses_and_carries_the_agenda_masking_what_the_user_cannot_see(
    client, despacho, directivo_educacion, nueva_actividad
):
    una = nueva_actividad(titulo="Consejo de seguridad")
    client.force_login(despacho)
    client.post(reverse("agenda:generar_calendario"))
    token = CalendarioAgenda.objects.get(usuario=despacho).token

    client.logout()
    respuesta = client.get(reverse("agenda:feed_ics", args=[token]))
    assert respuesta.status_code == 200
    eventos = Calendar.from_ical(respuesta.content).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in eventos] == ["Consejo de seguridad"]
    assert eventos[0].decoded("DTSTART") == una.inicio

    otro = services.generar_calendario(usuario=directivo_educacion)
    eventos = Calendar.from_ical(
        client.get(reverse("agenda:feed_ics", args=[otro.token])).content
    ).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in eventos] == ["Ocupado"]


def test_a_wrong_or_revoked_ics_token_is_404(client, despacho):
    cal = services.generar_calendario(usuario=despacho)
    assert client.get(reverse("agenda:feed_ics", args=["no-existe"])).status_code == 404

    client.force_login(despacho)
    client.post(reverse("agenda:revocar_calendario"))
    client.logout()
    assert client.get(reverse("agenda:feed_ics", args=[cal.token])).status_code == 404


@pytest.mark.parametrize(
    ("url", "crear"),
    [("agenda:actividades", "actividad"), ("agenda:solicitudes", "solicitud")],
)
def test_the_lists_run_the_same_queries_for_1_and_50_rows(
    client, despacho, nueva_actividad, nueva_solicitud, url, crear, django_assert_max_num_queries
):
    def uno(i):
        if crear == "actividad":
            nueva_actividad(dias=2 + i % 20, titulo=f"Actividad {i}")
        else:
            nueva_solicitud(tema=f"Solicitud {i}")

    uno(0)
    client.force_login(despacho)
    client.get(reverse(url))
    with django_assert_max_num_queries(14) as una:
        client.get(reverse(url))
    for i in range(1, 50):
        uno(i)

    with django_assert_max_num_queries(len(una.captured_queries)):
        respuesta = client.get(reverse(url))

    assert respuesta.context["paginator"].count == 50
