from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from buengobierno.organizacion.roles import Rol
from buengobierno.web.escritorio import Indicador, Pendiente
from buengobierno.web.procedimientos import procedimientos

pytestmark = pytest.mark.django_db


def test_escritorio_shows_the_pendientes_registered_for_that_user_only(
    client, crear_usuario, registrar
):
    ana = crear_usuario(Rol.ENLACE, username="ana")
    beto = crear_usuario(Rol.ENLACE, username="beto")

    def fichas(usuario):
        if usuario == ana:
            yield Pendiente(
                "Enviar la ficha técnica de la Junta Directiva de EMCALI",
                "/delegaciones/",
                "P001",
                date(2026, 11, 25),
                False,
            )

    registrar(fichas)
    client.force_login(ana)
    pagina_ana = client.get(reverse("escritorio")).content.decode()
    client.force_login(beto)
    pagina_beto = client.get(reverse("escritorio")).content.decode()

    assert "Enviar la ficha técnica de la Junta Directiva de EMCALI" in pagina_ana
    assert "25 de noviembre de 2026" in pagina_ana
    assert "Enviar la ficha técnica" not in pagina_beto
    assert "No tiene pendientes. ¡Todo al día!" in pagina_beto


def test_overdue_pendientes_come_first_and_are_highlighted(client, crear_usuario, registrar):
    usuario = crear_usuario(Rol.DIRECTIVO)
    registrar(
        lambda u: [
            Pendiente("Sin fecha", "/c/", "P005"),
            Pendiente("Vence pronto", "/b/", "P005", date(2026, 12, 1)),
            Pendiente("Venció ayer", "/a/", "P003", date(2026, 11, 21), vencido=True),
            Pendiente("Vence antes", "/d/", "P004", date(2026, 11, 28), detalle="Concepto técnico"),
        ]
    )
    client.force_login(usuario)

    html = client.get(reverse("escritorio")).content.decode()

    orden = [html.index(t) for t in ("Venció ayer", "Vence antes", "Vence pronto", "Sin fecha")]
    assert orden == sorted(orden)
    assert 'class="list-group-item vencido"' in html
    assert "Venció el" in html
    assert "1 vencido" in html
    assert "Concepto técnico" in html


def test_without_providers_the_desk_shows_the_empty_state_and_the_process_map(client, despacho):
    client.force_login(despacho)

    respuesta = client.get(reverse("escritorio"))

    html = respuesta.content.decode()
    assert respuesta.status_code == 200
    assert "Mi escritorio" in html
    assert "No tiene pendientes. ¡Todo al día!" in html
    assert "Mapa de procesos — Gestión del Buen Gobierno" in html
    assert html.count('class="tarjeta-procedimiento"') == 8


def test_indicators_are_shown_to_managers_only(client, crear_usuario, gobierno, registrar):
    grafico = {
        "type": "bar",
        "data": {"labels": ["A tiempo", "Vencidos"], "datasets": [{"data": [7, 2]}]},
    }
    registrar(
        lambda u: [Indicador("Compromisos vencidos", 2, "de 9 abiertos", grafico)], "indicadores"
    )
    gestores = [crear_usuario(rol, gobierno) for rol in (Rol.SECRETARIO, Rol.DESPACHO)]
    gestores.append(crear_usuario(Rol.RELACIONES))
    gestores.append(crear_usuario(is_superuser=True))
    otros = [crear_usuario(rol) for rol in (Rol.DIRECTIVO, Rol.ENLACE, Rol.CONSULTA)]

    def pagina(usuario):
        client.force_login(usuario)
        return client.get(reverse("escritorio")).content.decode()

    for gestor in gestores:
        html = pagina(gestor)
        assert "Compromisos vencidos" in html
        assert 'id="graficos-escritorio"' in html
        assert "chart.umd.min.js" in html
    for usuario in otros:
        html = pagina(usuario)
        assert "Compromisos vencidos" not in html
        assert "chart.umd.min.js" not in html


def test_a_failing_provider_leaves_the_rest_of_the_desk_working(
    client, crear_usuario, registrar, caplog
):
    usuario = crear_usuario(Rol.ENLACE)

    def roto(usuario):
        raise RuntimeError("tabla inexistente")

    registrar(roto)
    registrar(lambda u: [Pendiente("Actualizar el avance del compromiso", "/x/", "P005")])
    client.force_login(usuario)

    html = client.get(reverse("escritorio")).content.decode()

    assert "Actualizar el avance del compromiso" in html
    assert "no se pudo cargar" in html
    assert "tabla inexistente" in caplog.text


def test_the_procedures_are_listed_once_the_map_only_for_a_new_user(client, crear_usuario):
    veterano = crear_usuario(Rol.VIABILIZADOR, date_joined=timezone.now() - timedelta(days=90))
    nuevo = crear_usuario(Rol.VIABILIZADOR)

    client.force_login(veterano)
    html_veterano = client.get(reverse("escritorio")).content.decode()
    client.force_login(nuevo)
    html_nuevo = client.get(reverse("escritorio")).content.decode()

    # The sidebar lists each procedure once; a new user also gets the map with descriptions.
    assert "Mis procedimientos" not in html_veterano
    assert html_veterano.count("P004</span>") == 1
    assert "Mapa de procesos — Gestión del Buen Gobierno" not in html_veterano
    assert "Mapa de procesos — Gestión del Buen Gobierno" in html_nuevo
    # Procedures not built yet say so, in the sidebar and on the map.
    assert html_veterano.count("En construcción") == sum(
        p.en_construccion for p in procedimientos()
    )


def test_my_commitments_are_apart_from_the_tasks_of_the_procedures(
    client, crear_usuario, registrar
):
    usuario = crear_usuario(Rol.DIRECTIVO)
    registrar(
        lambda u: [
            Pendiente("Notificar la delegación: Junta", "/t/", "P001", date(2026, 12, 1)),
            Pendiente(
                "Entregar el informe de cartera",
                "/c/",
                "P005",
                date(2026, 12, 2),
                grupo=Pendiente.COMPROMISO,
            ),
        ]
    )
    client.force_login(usuario)

    respuesta = client.get(reverse("escritorio"))

    assert [p.titulo for p in respuesta.context["tareas"]] == ["Notificar la delegación: Junta"]
    assert [p.titulo for p in respuesta.context["compromisos"]] == [
        "Entregar el informe de cartera"
    ]
    html = respuesta.content.decode()
    assert html.index("Lo que espera de mí") < html.index("Notificar la delegación")
    assert html.index("Mis compromisos") < html.index("Entregar el informe de cartera")


def test_the_desk_asks_anonymous_visitors_to_log_in(client):
    respuesta = client.get(reverse("escritorio"))

    assert respuesta.status_code == 302
    assert respuesta.url.startswith(reverse("login"))
