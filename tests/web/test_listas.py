from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django import forms
from django.db.models import Q
from django.test.html import parse_html
from django.urls import reverse

from buengobierno.organizacion.models import Usuario
from buengobierno.organizacion.roles import Rol
from buengobierno.web.claves import EnLista
from buengobierno.web.exportar import respuesta_exportacion
from buengobierno.web.listas import Paginador, SelectoRapido, ajustar_formulario_de_filtros
from compromisos.filtros import FiltroCompromisos
from tests.exportaciones import leer_csv, leer_xlsx
from tests.factories import OrganismoFactory, UsuarioFactory

pytestmark = pytest.mark.django_db

BOGOTA = ZoneInfo("America/Bogota")


@pytest.fixture
def personas(gobierno, otro_organismo):
    UsuarioFactory(
        username="luisa",
        first_name="Luisa Fernanda",
        last_name="Caicedo",
        cargo="Profesional universitaria",
        organismo=gobierno,
        telefono="+57 602 885 6000",
    )
    UsuarioFactory(
        username="carlos",
        first_name="Carlos",
        last_name="Valencia",
        cargo="Secretario de Salud Pública",
        organismo=otro_organismo,
    )
    UsuarioFactory(username="inactivo", first_name="Ñoño", organismo=gobierno, is_active=False)


def test_the_directory_lists_active_people_and_searches_every_word(client, despacho, personas):
    client.force_login(despacho)

    todos = client.get(reverse("directorio"))
    busqueda = client.get(reverse("directorio"), {"q": "luisa gobierno"})

    assert "Carlos Valencia" in todos.content.decode()
    assert "Ñoño" not in todos.content.decode()
    nombres = [str(p) for p in busqueda.context["object_list"]]
    assert nombres == ["Luisa Fernanda Caicedo"]


def test_the_directory_filters_by_organism_and_by_role(client, despacho, personas, otro_organismo):
    client.force_login(despacho)

    por_organismo = client.get(reverse("directorio"), {"organismo": otro_organismo.pk})
    por_rol = client.get(reverse("directorio"), {"rol": despacho.groups.get().pk})

    assert [p.username for p in por_organismo.context["object_list"]] == ["carlos"]
    assert [p.username for p in por_rol.context["object_list"]] == ["despacho"]
    assert por_rol.context["chips_filtros"][0].etiqueta == "Rol"


def test_the_filters_fold_behind_one_button_and_those_in_use_are_chips_that_remove_them(
    client, despacho, personas, otro_organismo
):
    client.force_login(despacho)

    sin_filtros = client.get(reverse("directorio")).content.decode()
    filtrada = client.get(
        reverse("directorio"), {"organismo": otro_organismo.pk, "q": "carlos"}
    ).content.decode()

    assert 'data-bs-target="#mas-filtros"' in sin_filtros
    assert 'class="collapse" id="mas-filtros"' in sin_filtros
    assert "Quitar el filtro" not in sin_filtros
    # Each chip links to the same list without it; "Todos" is the empty choice.
    assert 'aria-label="Quitar el filtro Organismo: SSP — Secretaría de Salud Pública"' in filtrada
    assert f'href="/cuentas/directorio/?organismo={otro_organismo.pk}"' in filtrada
    assert '<option value="">Todos</option>' in filtrada


def test_lists_page_by_25_and_keep_the_filters_in_the_page_links(client, despacho, gobierno):
    UsuarioFactory.create_batch(30, organismo=gobierno, cargo="Contratista")
    client.force_login(despacho)

    primera = client.get(reverse("directorio"), {"q": "contratista"})
    segunda = client.get(reverse("directorio"), {"q": "contratista", "page": 2})

    assert len(primera.context["object_list"]) == 25
    assert len(segunda.context["object_list"]) == 5
    assert 'href="?q=contratista&amp;page=2"' in primera.content.decode()
    assert "Registros 1 a 25 de 30" in primera.content.decode()


def test_a_list_page_runs_the_same_queries_for_one_row_or_many(
    client, despacho, gobierno, django_assert_max_num_queries
):
    client.force_login(despacho)
    with django_assert_max_num_queries(12) as una:
        client.get(reverse("directorio"))
    UsuarioFactory.create_batch(24, organismo=OrganismoFactory())

    with django_assert_max_num_queries(len(una.captured_queries)):
        client.get(reverse("directorio"))


def test_the_directory_exports_the_filtered_rows_to_csv(client, despacho, personas):
    client.force_login(despacho)

    respuesta = client.get(reverse("directorio"), {"q": "luisa", "exportar": "csv", "page": 1})

    assert respuesta["Content-Type"] == "text/csv; charset=utf-8"
    assert respuesta["Content-Disposition"].startswith('attachment; filename="directorio-')
    filas = leer_csv(respuesta)
    assert filas[0] == ["Nombre", "Cargo", "Organismo", "Sigla", "Correo", "Teléfono"]
    assert filas[1:] == [
        [
            "Luisa Fernanda Caicedo",
            "Profesional universitaria",
            "Secretaría de Gobierno",
            "SG",
            "luisa@cali.gov.co",
            "+57 602 885 6000",
        ]
    ]


def test_the_organisms_list_exports_to_xlsx_with_a_bold_header(
    client, despacho, personas, otro_organismo
):
    client.force_login(despacho)

    respuesta = client.get(reverse("organismos"), {"q": "salud", "exportar": "xlsx"})

    hoja = leer_xlsx(respuesta)
    filas = list(hoja.values)
    assert respuesta["Content-Disposition"].endswith('.xlsx"')
    assert filas[0][:4] == ("Código", "Nombre", "Sigla", "Tipo")
    assert hoja["A1"].font.bold
    assert filas[1:] == [
        ("4161", "Secretaría de Salud Pública", "SSP", "Secretaría", None, None, None, 1)
    ]


def test_exports_write_dates_as_dates_and_never_formulas(gobierno):
    usuario = UsuarioFactory(
        first_name='=HYPERLINK("http://x")',
        date_joined=datetime(2026, 11, 22, 9, 30, tzinfo=BOGOTA),
        organismo=gobierno,
    )
    columnas = [
        ("Nombre", "first_name"),
        ("Ingresó", "date_joined"),
        ("Vence", lambda u: date(2026, 12, 1)),
        ("Activo", "is_active"),
        ("Organismo", "organismo.sigla"),
        ("Grupos", "groups"),
    ]

    xlsx = leer_xlsx(
        respuesta_exportacion(
            Usuario.objects.filter(pk=usuario.pk), columnas, formato="xlsx", nombre="prueba"
        )
    )
    filas_csv = leer_csv(
        respuesta_exportacion(
            Usuario.objects.filter(pk=usuario.pk), columnas, formato="csv", nombre="prueba"
        )
    )

    assert xlsx["A2"].value == '=HYPERLINK("http://x")'
    assert xlsx["A2"].data_type == "s"
    assert xlsx["B2"].value == datetime(2026, 11, 22, 9, 30)
    assert xlsx["B2"].is_date
    assert xlsx["C2"].value == datetime(2026, 12, 1)
    assert xlsx["C2"].is_date
    assert xlsx["D2"].value == "Sí"
    assert filas_csv[1] == [
        '\'=HYPERLINK("http://x")',
        "22/11/2026 09:30",
        "01/12/2026",
        "Sí",
        "SG",
        "",
    ]


def test_lists_need_a_login(client):
    respuesta = client.get(reverse("directorio"))

    assert respuesta.status_code == 302
    assert respuesta.url.startswith(reverse("login"))


def test_a_list_without_export_columns_offers_no_export(rf, despacho):
    from buengobierno.web.listas import ListaView

    class SinExportar(ListaView):
        modelo = Usuario

        def consulta_base(self):
            return Usuario.objects.all()

    peticion = rf.get("/", {"exportar": "csv"})
    peticion.user = despacho
    respuesta = SinExportar.as_view()(peticion)

    assert respuesta.status_code == 200
    assert respuesta.context_data["formatos_exportacion"] == ()
    assert Rol.DESPACHO in {g.name for g in despacho.groups.all()}


def test_the_organisms_page_counts_people_and_links_to_them(
    client, despacho, personas, otro_organismo
):
    client.force_login(despacho)

    respuesta = client.get(reverse("organismos"), {"q": "secretar"})

    html = respuesta.content.decode()
    assert respuesta.status_code == 200
    assert [o.nombre for o in respuesta.context["object_list"]] == [
        "Secretaría de Gobierno",
        "Secretaría de Salud Pública",
    ]
    assert f'href="/cuentas/directorio/?organismo={otro_organismo.pk}"' in html


def test_a_long_list_counts_its_rows_once_a_minute_and_a_short_one_every_time(
    client, despacho, gobierno, monkeypatch
):
    monkeypatch.setattr(Paginador, "CONTAR_SIEMPRE_HASTA", 3)
    UsuarioFactory.create_batch(5, organismo=gobierno, cargo="Contratista")
    client.force_login(despacho)

    def total(**filtros):
        return client.get(reverse("directorio"), filtros).context["paginator"].count

    assert total() == 6
    assert total(q="despacho") == 1
    UsuarioFactory.create_batch(2, organismo=gobierno, cargo="Contratista")
    UsuarioFactory(username="despacho2", organismo=gobierno)

    assert total() == 6  # kept: many rows
    assert total(q="despacho") == 2  # counted again: few rows
    assert total(q="contratista") == 7  # another filter, another count


@pytest.mark.parametrize("vista", ["directorio", "organismos"])
@pytest.mark.parametrize("exportar", [None, "csv", "xlsx"])
def test_an_account_without_a_role_gets_neither_the_directory_nor_the_organisms(
    client, crear_usuario, personas, vista, exportar
):
    # Named, so that a random name cannot be the «Luisa» of the directory it must not see.
    client.force_login(
        crear_usuario(None, username="sin.rol", first_name="Ramiro", last_name="Sin Rol")
    )

    respuesta = client.get(reverse(vista), {"exportar": exportar} if exportar else {})

    assert respuesta.status_code == 403
    assert "Luisa" not in respuesta.content.decode()


@pytest.mark.parametrize("vista", ["directorio", "organismos"])
def test_every_role_reads_the_directory_and_the_organisms(client, crear_usuario, vista):
    for rol in Rol.values:
        client.force_login(crear_usuario(rol))

        assert client.get(reverse(vista)).status_code == 200, rol


@pytest.mark.parametrize("valor", [None, "", "a", "y", 3])
def test_the_filters_fast_select_writes_what_djangos_select_writes(valor):
    opciones = [("", "Todos"), ("a", 'A & "b" <c>'), ("Grupo", [("x", "X"), ("y", "Y")]), (3, "3")]
    atributos = {"class": "form-select", "id": "id_campo", "data-buscador": ""}

    rapido = SelectoRapido(choices=opciones, attrs=atributos).render("campo", valor)
    de_django = forms.Select(choices=opciones, attrs=atributos).render("campo", valor)

    assert parse_html(rapido) == parse_html(de_django)


def test_filter_forms_render_their_plain_selects_with_the_fast_select():
    filtro = FiltroCompromisos()
    ajustar_formulario_de_filtros(filtro.form)

    assert {
        nombre
        for nombre, campo in filtro.form.fields.items()
        if isinstance(campo.widget, SelectoRapido)
    } >= {"estado", "organismo", "responsable", "origen", "meta", "prioridad"}


def test_a_key_list_condition_keeps_exactly_the_rows_listed(gobierno):
    ana, luis, _otra = (UsuarioFactory(organismo=gobierno) for _ in range(3))

    assert set(Usuario.objects.filter(EnLista("pk", [ana.pk, luis.pk, ana.pk]))) == {ana, luis}
    assert not Usuario.objects.filter(EnLista("pk", [])).exists()
    assert set(Usuario.objects.filter(Q(EnLista("pk", [])) | Q(pk=luis.pk))) == {luis}
