"""The shared pieces every procedure inherits (issue 10): the error summary, cards from a
list's columns, the admin in Spanish, a 404 that helps."""

import pytest
from django.urls import reverse

from buengobierno.organizacion.roles import Rol
from buengobierno.web.procedimientos import procedimientos
from buengobierno.web.resumen_errores import errores_del_contexto
from compromisos.forms import CompromisoForm
from tests.factories import UsuarioFactory

pytestmark = pytest.mark.django_db


def test_a_form_sent_with_errors_gets_a_summary_at_the_top_linking_each_field(client, despacho):
    client.force_login(despacho)

    respuesta = client.post(
        reverse("compromisos:nuevo"), {"descripcion": "", "fecha_limite": "31/02/2026"}
    )

    html = respuesta.content.decode()
    resumen = html[
        html.index("data-resumen-errores") : html.index("</ul>", html.index("data-resumen-errores"))
    ]
    assert respuesta.status_code == 422
    assert html.index("data-resumen-errores") < html.index("<h1>")
    assert 'href="#id_descripcion"' in resumen and 'href="#id_fecha_limite"' in resumen
    assert 'href="#id_responsable"' in resumen
    assert "<title>Error: " in html


def test_the_summary_finds_forms_inside_lists_and_never_unbound_ones():
    vacio = CompromisoForm()
    con_errores = CompromisoForm({"descripcion": "x", "prioridad": "media"})
    con_errores.is_valid()

    errores = errores_del_contexto({"formularios": [vacio, con_errores], "otro": vacio})

    assert {e.ancla for e in errores} == {"id_responsable", "id_fecha_limite"}
    assert all(e.mensaje for e in errores)


def test_a_list_without_its_own_cards_shows_its_columns_as_cards(client, despacho, gobierno):
    UsuarioFactory(first_name="Nelly", last_name="Rivas", cargo="Abogada", organismo=gobierno)
    client.force_login(despacho)

    respuesta = client.get(reverse("directorio"), {"q": "nelly"})

    (tarjeta,) = respuesta.context["tarjetas"]
    assert tarjeta.titulo == "Nelly Rivas"
    assert ("Cargo", "Abogada") in tarjeta.detalles
    assert 'class="lista-tarjetas d-md-none' in respuesta.content.decode()


def test_the_admin_speaks_spanish_and_offers_only_the_schedules_in_use(admin_client):
    html = admin_client.get(reverse("admin:index")).content.decode()

    assert "Intentos de acceso" in html and "Registros de acceso" in html
    assert "Access attempts" not in html and "Access logs" not in html
    assert "Tareas periódicas" in html
    assert "Eventos solares" not in html and "Cronometrado" not in html
    formulario = admin_client.get(reverse("admin:django_celery_beat_periodictask_add"))
    assert formulario.status_code == 200
    assert 'name="solar"' not in formulario.content.decode()


def test_a_mistyped_address_says_what_may_have_happened_and_where_to_go(client, despacho):
    client.force_login(despacho)

    html = client.get("/delegaciones/no-existe/").content.decode()

    assert "No encontramos la dirección <code>/delegaciones/no-existe/</code>" in html
    assert "Volver a P001" in html and "Ir a Mi escritorio" in html


def test_a_procedure_not_built_yet_says_so_where_it_is_listed(client, crear_usuario):
    client.force_login(crear_usuario(Rol.CONSULTA))

    html = client.get(reverse("agenda:inicio")).content.decode()

    sidebar = html[html.index('id="barra-lateral"') : html.index("</aside>")]
    assert sidebar.count("En construcción") == sum(p.en_construccion for p in procedimientos())
    p001 = sidebar[sidebar.index("P001") : sidebar.index("P002")]
    assert "En construcción" not in p001
