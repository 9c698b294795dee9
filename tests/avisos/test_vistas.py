import pytest
from django.db import connection
from django.template import engines
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from buengobierno.avisos.models import Notificacion
from buengobierno.avisos.servicios import notificar


@pytest.fixture
def ana(administrador, client):
    client.force_login(administrador)
    return administrador


@pytest.fixture
def otro(crear_usuario, otro_organismo):
    return crear_usuario(None, otro_organismo, username="otro", email="otro@cali.gov.co")


def _avisos(usuario, cuantos, **campos):
    return [
        notificar(destinatario=usuario, titulo=f"Aviso {n}", url=f"/actos/{n}/", **campos)
        for n in range(1, cuantos + 1)
    ]


def test_the_bell_include_renders_with_only_the_request_and_no_query(administrador):
    request = RequestFactory().get("/")
    request.user = administrador
    plantilla = engines["django"].from_string('{% include "avisos/_campana.html" %}')

    with CaptureQueriesContext(connection) as consultas:
        html = plantilla.render({"request": request})

    assert len(consultas) == 0
    assert f'hx-get="{reverse("avisos:campana")}"' in html
    assert 'hx-trigger="load, every 60s"' in html
    assert "bi-bell" in html


def test_the_bell_shows_the_unread_count_and_the_latest_five(ana, otro, client):
    avisos = _avisos(ana, 7)
    avisos[0].marcar_leida()
    _avisos(otro, 3)

    respuesta = client.get(reverse("avisos:campana"), HTTP_HX_REQUEST="true")

    html = respuesta.content.decode()
    assert respuesta.status_code == 200
    assert "bi-bell" in html
    assert 'data-sin-leer="6"' in html
    assert ">6</span>" in html
    assert sum(f"Aviso {n}<" in html for n in range(1, 8)) == 5
    assert "Aviso 7<" in html and "Aviso 2<" not in html


def test_the_bell_without_unread_notices_shows_no_badge(ana, client):
    html = client.get(reverse("avisos:campana")).content.decode()

    assert "data-sin-leer" not in html
    assert "No tiene notificaciones." in html


def test_the_bell_answers_an_expired_session_with_no_content(client):
    assert client.get(reverse("avisos:campana")).status_code == 204


def test_the_list_shows_only_my_notices_newest_first(ana, otro, client):
    _avisos(ana, 2)
    notificar(destinatario=otro, titulo="Ajeno")

    respuesta = client.get(reverse("avisos:lista"))

    html = respuesta.content.decode()
    assert respuesta.status_code == 200
    assert html.index("Aviso 2") < html.index("Aviso 1")
    assert "Ajeno" not in html
    assert "Marcar todas como leídas" in html


def test_the_list_is_paginated(ana, client):
    _avisos(ana, 30)

    primera = client.get(reverse("avisos:lista")).content.decode()
    segunda = client.get(reverse("avisos:lista"), {"page": 2}).content.decode()

    assert "Aviso 30<" in primera and "Aviso 5<" not in primera
    assert "Aviso 5<" in segunda and "Aviso 30<" not in segunda


def test_the_list_runs_the_same_queries_for_one_notice_or_many(ana, client):
    _avisos(ana, 1)
    with CaptureQueriesContext(connection) as con_uno:
        client.get(reverse("avisos:lista"))
    _avisos(ana, 40)
    with CaptureQueriesContext(connection) as con_muchos:
        client.get(reverse("avisos:lista"))

    assert len(con_muchos) == len(con_uno)


def test_the_list_requires_login(client):
    respuesta = client.get(reverse("avisos:lista"))

    assert respuesta.status_code == 302
    assert reverse("login") in respuesta["Location"]


def test_opening_a_notice_marks_it_read_and_follows_its_link(ana, client):
    (aviso,) = _avisos(ana, 1)

    respuesta = client.post(reverse("avisos:leer", args=[aviso.pk]))

    aviso.refresh_from_db()
    assert respuesta.status_code == 302
    assert respuesta["Location"] == "/actos/1/"
    assert aviso.leida_en is not None


def test_a_notice_without_a_safe_link_returns_to_the_list(ana, client):
    aviso = notificar(destinatario=ana, titulo="Externo", url="https://otro-sitio.example/x")

    respuesta = client.post(reverse("avisos:leer", args=[aviso.pk]))

    assert respuesta["Location"] == reverse("avisos:lista")


def test_someone_elses_notice_is_a_404_and_stays_unread(ana, otro, client):
    (ajeno,) = _avisos(otro, 1)

    respuesta = client.post(reverse("avisos:leer", args=[ajeno.pk]))

    ajeno.refresh_from_db()
    assert respuesta.status_code == 404
    assert ajeno.leida_en is None


def test_marking_read_needs_a_post(ana, client):
    (aviso,) = _avisos(ana, 1)

    assert client.get(reverse("avisos:leer", args=[aviso.pk])).status_code == 405
    aviso.refresh_from_db()
    assert aviso.leida_en is None


def test_mark_all_read_touches_only_my_unread_notices(ana, otro, client):
    leido = _avisos(ana, 1)[0]
    leido.marcar_leida()
    antes = Notificacion.objects.get(pk=leido.pk).leida_en
    _avisos(ana, 3)
    (ajeno,) = _avisos(otro, 1)

    respuesta = client.post(reverse("avisos:leer_todas"), follow=True)

    assert Notificacion.objects.de(ana).no_leidas().count() == 0
    assert Notificacion.objects.get(pk=leido.pk).leida_en == antes
    ajeno.refresh_from_db()
    assert ajeno.leida_en is None
    assert "Se marcaron 3 notificaciones como leídas." in respuesta.content.decode()


def test_mark_all_read_from_the_bell_returns_to_the_page_it_was_on(ana, client):
    _avisos(ana, 1)

    respuesta = client.post(reverse("avisos:leer_todas"), {"siguiente": "/actos/"})

    assert respuesta["Location"] == "/actos/"


def test_a_notice_knows_when_it_was_read(ana):
    (aviso,) = _avisos(ana, 1)
    antes = timezone.now()

    aviso.marcar_leida()

    assert aviso.leida
    assert aviso.leida_en >= antes
