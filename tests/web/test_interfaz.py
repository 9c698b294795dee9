import re

import pytest
from django.test import override_settings
from django.urls import resolve, reverse

from buengobierno.organizacion.roles import Rol
from buengobierno.web.procedimientos import procedimientos
from buengobierno.web.views import inicio_procedimiento

pytestmark = pytest.mark.django_db

CODIGOS = [f"P00{n}" for n in range(1, 9)]


def test_the_sidebar_lists_the_eight_procedures_in_their_two_areas(client, despacho):
    client.force_login(despacho)

    html = client.get(reverse("escritorio")).content.decode()

    barra = html[html.index('id="barra-lateral"') : html.index("</aside>")]
    assert re.findall(r"P00\d", barra) == CODIGOS
    despacho_, relaciones = (
        barra.index("Despacho de Gobierno"),
        barra.index("Relaciones y Cooperación"),
    )
    assert despacho_ < barra.index("P005") < relaciones < barra.index("P006")
    assert "Gestión de delegaciones del alcalde a instancias" in barra
    assert 'data-bs-toggle="offcanvas"' in html


def _aun_sin_construir(procedimiento) -> bool:
    return resolve(reverse(procedimiento.url_inicio)).func is inicio_procedimiento


@pytest.mark.parametrize("procedimiento", procedimientos(), ids=lambda p: p.codigo_corto)
def test_each_procedure_home_page_is_reachable_and_marked_in_the_sidebar(
    client, despacho, procedimiento
):
    client.force_login(despacho)

    respuesta = client.get(reverse(procedimiento.url_inicio))

    html = respuesta.content.decode()
    assert respuesta.status_code == 200
    activo = re.search(r'class="nav-link active" aria-current="page" href="([^"]+)"', html)
    assert activo.group(1) == reverse(procedimiento.url_inicio)


@pytest.mark.parametrize(
    "procedimiento",
    [p for p in procedimientos() if _aun_sin_construir(p)],
    ids=lambda p: p.codigo_corto,
)
def test_a_procedure_not_built_yet_says_what_it_will_hold(client, despacho, procedimiento):
    client.force_login(despacho)

    html = client.get(reverse(procedimiento.url_inicio)).content.decode()

    assert procedimiento.codigo in html
    assert str(procedimiento.descripcion) in html
    assert all(str(elemento) in html for elemento in procedimiento.contenido)


def test_the_shell_is_spanish_accessible_and_loads_nothing_from_a_cdn(client, despacho):
    client.force_login(despacho)

    html = client.get(reverse("escritorio")).content.decode()

    assert '<html lang="es">' in html
    assert 'href="#contenido"' in html and 'id="contenido"' in html
    assert re.search(r"hx-headers='\{\"X-CSRFToken\": \"\w+\"\}'", html)
    assert "/static/vendor/htmx/htmx.min.js" in html
    assert "/static/vendor/bootstrap/bootstrap.min.css" in html
    assert not re.search(r'(src|href)="(https?:)?//', html)


def test_the_user_menu_shows_who_is_logged_in_and_logs_out_by_post(client, crear_usuario, gobierno):
    usuario = crear_usuario(
        Rol.DESPACHO, gobierno, first_name="Luisa", last_name="Caicedo", cargo="Profesional"
    )
    client.force_login(usuario)

    html = client.get(reverse("escritorio")).content.decode()

    assert "Luisa Caicedo" in html
    assert "Secretaría de Gobierno" in html
    assert "Despacho de Gobierno</span>" in html
    assert "Cambiar contraseña" in html
    assert re.search(r'<form method="post" action="/cuentas/salir/">', html)
    assert reverse("admin:index") not in html


def test_staff_see_the_way_to_the_administration(client, crear_usuario):
    client.force_login(crear_usuario(Rol.ADMINISTRADOR, is_staff=True))

    html = client.get(reverse("escritorio")).content.decode()

    assert f'href="{reverse("admin:index")}"' in html


def test_messages_appear_as_dismissible_alerts(client, crear_usuario):
    usuario = crear_usuario(Rol.ENLACE, password="Clave-Vieja-2026")
    client.force_login(usuario)

    respuesta = client.post(
        reverse("password_change"),
        {
            "old_password": "Clave-Vieja-2026",
            "new_password1": "Otra-Clave-Segura-91",
            "new_password2": "Otra-Clave-Segura-91",
        },
        follow=True,
    )

    html = respuesta.content.decode()
    assert respuesta.redirect_chain[-1][0] == reverse("escritorio")
    assert "alert-success alert-dismissible" in html
    assert "Su contraseña fue cambiada." in html


def test_page_not_found_is_spanish_and_keeps_the_shell(client, despacho):
    client.force_login(despacho)

    respuesta = client.get("/no-existe/")

    html = respuesta.content.decode()
    assert respuesta.status_code == 404
    assert "Página no encontrada" in html
    assert 'id="barra-lateral"' in html


def test_page_not_found_also_works_for_anonymous_visitors(client):
    respuesta = client.get("/no-existe/")

    assert respuesta.status_code == 404
    assert "Página no encontrada" in respuesta.content.decode()


@override_settings(ROOT_URLCONF="tests.web.urls_errores")
def test_forbidden_is_spanish(client, despacho):
    client.force_login(despacho)

    respuesta = client.get("/prohibido/")

    assert respuesta.status_code == 403
    assert "Acceso no permitido" in respuesta.content.decode()
    assert "Su rol no le permite realizar esta acción" in respuesta.content.decode()


@override_settings(ROOT_URLCONF="tests.web.urls_errores")
def test_server_error_page_is_spanish_and_standalone(client, despacho):
    client.force_login(despacho)
    client.raise_request_exception = False

    respuesta = client.get("/falla/")

    html = respuesta.content.decode()
    assert respuesta.status_code == 500
    assert "Algo salió mal" in html
    assert 'lang="es"' in html
    assert "barra-lateral" not in html  # no context processors, no user, no database
