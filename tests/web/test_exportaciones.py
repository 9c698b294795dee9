"""Exports as a person in Colombia opens them, produced with flat memory, and the large ones
produced in the background for the person who asked, and only for them."""

from datetime import date, datetime, timedelta

import pytest
from django.core.files.storage import default_storage
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from buengobierno.avisos import registro
from buengobierno.avisos.models import Notificacion
from buengobierno.organizacion.models import Usuario
from buengobierno.plazos.calendario import sumar_dias_habiles
from buengobierno.web.exportar import CSV_ESTANDAR, lineas_csv, respuesta_exportacion
from buengobierno.web.models import Exportacion
from compromisos import services
from tests.exportaciones import contenido, leer_csv, leer_xlsx
from tests.factories import UsuarioFactory

pytestmark = pytest.mark.django_db

COLUMNAS = [
    ("Nombre", "username"),
    ("Ingresó", "date_joined"),
    ("Vence", lambda u: date(2026, 12, 1)),
    ("Cargo", "cargo"),
]


def test_the_csv_leaves_its_first_rows_before_reading_the_rest():
    leidas = []

    def filas():
        for numero in range(1000):
            leidas.append(numero)
            yield Usuario(username=f"persona{numero}", cargo="Contratista")

    partes = lineas_csv(filas(), [("Nombre", "username"), ("Cargo", "cargo")])

    encabezado = next(partes)
    assert encabezado.startswith("\ufeffNombre;Cargo")
    assert leidas == []  # the header left before any row was read
    primeras = next(partes)
    assert primeras.startswith("persona0;Contratista")
    assert len(leidas) <= 101  # one lot, not the thousand
    assert sum(p.count("\r\n") for p in partes) == 1000 - primeras.count("\r\n")


def test_a_list_streams_its_csv_reading_the_queryset_in_chunks(
    client, despacho, gobierno, django_assert_max_num_queries
):
    UsuarioFactory.create_batch(30, organismo=gobierno, cargo="Contratista")
    client.force_login(despacho)

    respuesta = client.get(reverse("directorio"), {"exportar": "csv"})

    assert respuesta.streaming
    assert respuesta["Content-Type"] == "text/csv; charset=utf-8"
    with django_assert_max_num_queries(2):  # the rows, in chunks, as the body is read
        filas = leer_csv(respuesta)
    assert len(filas) == 32  # header, despacho and the 30


def test_the_csv_is_in_excels_colombian_dialect_and_standard_on_request(gobierno):
    persona = UsuarioFactory(
        username="ana",
        cargo="Asesora; jurídica",
        date_joined=timezone.make_aware(datetime(2026, 11, 22, 9, 30)),
        organismo=gobierno,
    )
    filas = Usuario.objects.filter(pk=persona.pk)

    excel = leer_csv(respuesta_exportacion(filas, COLUMNAS, formato="csv", nombre="p"))
    estandar = leer_csv(
        respuesta_exportacion(filas, COLUMNAS, formato="csv", nombre="p", dialecto=CSV_ESTANDAR),
        separador=",",
    )

    assert excel == [
        ["Nombre", "Ingresó", "Vence", "Cargo"],
        ["ana", "22/11/2026 09:30", "01/12/2026", "Asesora; jurídica"],
    ]
    assert estandar[1] == ["ana", "2026-11-22 09:30", "2026-12-01", "Asesora; jurídica"]


def test_a_list_offers_the_standard_csv_with_a_parameter(client, despacho):
    client.force_login(despacho)

    respuesta = client.get(reverse("directorio"), {"exportar": "csv", "separador": "coma"})

    assert leer_csv(respuesta, separador=",")[0][:2] == ["Nombre", "Cargo"]


def test_the_xlsx_has_fitted_widths_real_dates_a_frozen_header_and_a_filter(gobierno):
    UsuarioFactory(
        username="ana",
        cargo="Profesional especializada del Despacho de la Secretaría de Gobierno",
        date_joined=timezone.make_aware(datetime(2026, 11, 22, 9, 30)),
        organismo=gobierno,
    )
    UsuarioFactory(username="luis", cargo="Contratista", organismo=gobierno)

    hoja = leer_xlsx(
        respuesta_exportacion(
            Usuario.objects.order_by("username"), COLUMNAS, formato="xlsx", nombre="Directorio"
        )
    )

    anchos = {letra: hoja.column_dimensions[letra].width for letra in "ABCD"}
    assert anchos["D"] > len("Profesional especializada del Despacho de la Secretaría")
    assert anchos["A"] < 15  # short names, short column: the header does not decide alone
    assert anchos["B"] >= len("22/11/2026 09:30")  # never "#####"
    assert hoja.freeze_panes == "A2"
    assert hoja.auto_filter.ref == "A1:D3"
    assert hoja["A1"].font.bold
    assert hoja["B2"].is_date and hoja["B2"].value == datetime(2026, 11, 22, 9, 30)
    assert hoja["B2"].number_format == "dd/mm/yyyy hh:mm"
    assert hoja["C2"].is_date and hoja["C2"].number_format == "dd/mm/yyyy"


def test_the_xlsx_keeps_text_as_text_numbers_as_numbers_and_lists_prefetched_members(
    gobierno, otro_organismo
):
    UsuarioFactory(username="=SUMA(A1)", cargo='<jefe> & "asesor"', organismo=gobierno)
    UsuarioFactory(username="luis", cargo="", organismo=gobierno)
    columnas = [
        ("Nombre", "username"),
        ("Cargo", "cargo"),
        ("Número", lambda u: 7),
        ("Grupos", "groups"),
    ]

    hoja = leer_xlsx(
        respuesta_exportacion(
            Usuario.objects.order_by("username").prefetch_related("groups"),
            columnas,
            formato="xlsx",
            nombre="Personas: ¿quién?",
        )
    )

    assert hoja.title == "Personas  ¿quién "
    assert hoja["A2"].value == "=SUMA(A1)" and hoja["A2"].data_type == "s"  # never a formula
    assert hoja["B2"].value == '<jefe> & "asesor"'
    assert hoja["B3"].value is None  # an empty text is an empty cell
    assert hoja["C2"].value == 7
    assert hoja["D2"].value is None


def test_the_commitments_export_says_registrado_a_mano_as_the_board_does(
    client, despacho, crear_usuario, gobierno
):
    responsable = crear_usuario("Directivo", gobierno, username="resp")
    services.crear_compromisos(
        origen=None,
        compromisos=[
            {
                "descripcion": "Sin origen",
                "responsable": responsable,
                "fecha_limite": sumar_dias_habiles(timezone.localdate(), 3),
            }
        ],
        creado_por=despacho,
    )
    client.force_login(despacho)
    url = reverse("compromisos:inicio")

    filas = leer_csv(client.get(url, {"exportar": "csv"}))
    hoja = leer_xlsx(client.get(url, {"exportar": "xlsx"}))

    columna = filas[0].index("Origen")
    assert filas[1][columna] == "Registrado a mano"
    assert hoja.cell(row=2, column=columna + 1).value == "Registrado a mano"
    assert "Registrado a mano" in client.get(url).content.decode()


# --- in the background ------------------------------------------------------------------------


@pytest.fixture
def tres_compromisos(despacho, crear_usuario, gobierno, otro_organismo):
    de_gobierno = crear_usuario("Directivo", gobierno, username="dir.gobierno")
    de_salud = crear_usuario("Directivo", otro_organismo, username="dir.salud")
    fecha = sumar_dias_habiles(timezone.localdate(), 3)
    services.crear_compromisos(
        origen=None,
        compromisos=[
            {"descripcion": f"Compromiso {i}", "responsable": r, "fecha_limite": fecha}
            for i, r in enumerate([de_gobierno, de_salud, de_salud])
        ],
        creado_por=despacho,
    )
    return {"gobierno": de_gobierno, "salud": de_salud}


@override_settings(EXPORTACION_FILAS_EN_LINEA=2)
def test_a_large_xlsx_is_produced_in_the_background_and_offered_to_who_asked_only(
    client, despacho, consulta, tres_compromisos, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(despacho)
    url = reverse("compromisos:inicio")

    with django_capture_on_commit_callbacks(execute=True):
        pedida = client.get(url, {"exportar": "xlsx", "q": "compromiso", "page": 2})

    exportacion = Exportacion.objects.get()
    assert pedida.status_code == 302
    assert pedida.url == f"{url}?q=compromiso"
    assert "le avisaremos por correo" in client.get(pedida.url).content.decode()
    assert (exportacion.estado, exportacion.filas) == (Exportacion.Estado.LISTA, 3)
    (correo,) = [m for m in mailoutbox if "archivo está listo" in m.subject]
    assert correo.to == [despacho.email]
    assert exportacion.get_absolute_url() in correo.body
    escritorio = client.get(reverse("escritorio")).context["pendientes"]
    assert [p.url for p in escritorio] == [exportacion.get_absolute_url()]

    descarga = client.get(exportacion.get_absolute_url())
    hoja = leer_xlsx(descarga)
    assert descarga["Content-Disposition"].startswith('attachment; filename="compromisos-')
    assert [c.value for c in hoja["A"][1:]] == ["Compromiso 0", "Compromiso 1", "Compromiso 2"]
    client.force_login(consulta)
    assert client.get(exportacion.get_absolute_url()).status_code == 404


@override_settings(EXPORTACION_FILAS_EN_LINEA=1)
def test_the_background_file_holds_what_the_list_shows_to_who_asked(
    client, tres_compromisos, django_capture_on_commit_callbacks
):
    client.force_login(tres_compromisos["salud"])

    with django_capture_on_commit_callbacks(execute=True):
        client.get(reverse("compromisos:inicio"), {"exportar": "xlsx"})
        client.get(reverse("compromisos:inicio"), {"exportar": "xlsx"})  # asked twice

    exportacion = Exportacion.objects.get()
    hoja = leer_xlsx(client.get(exportacion.get_absolute_url()))
    assert [c.value for c in hoja["A"][1:]] == ["Compromiso 1", "Compromiso 2"]


@override_settings(EXPORTACION_FILAS_EN_LINEA=1)
def test_an_export_whose_list_is_no_longer_visible_fails_with_a_notice(
    client, tres_compromisos, otro_organismo, django_capture_on_commit_callbacks
):
    directivo = tres_compromisos["salud"]
    client.force_login(directivo)
    url = reverse("compromisos:organismo", args=[otro_organismo.pk])
    with django_capture_on_commit_callbacks(execute=False) as pendientes:
        client.get(url, {"exportar": "xlsx"})
    Usuario.objects.filter(pk=directivo.pk).update(organismo=None)  # moved out meanwhile

    for tarea in pendientes:
        tarea()

    exportacion = Exportacion.objects.get()
    assert exportacion.estado == Exportacion.Estado.FALLIDA
    assert not exportacion.archivo
    aviso = Notificacion.objects.get(destinatario=directivo)
    assert aviso.mensaje == "Ya no tiene acceso a esa lista."


@override_settings(EXPORTACION_FILAS_EN_LINEA=1, EXPORTACION_DIAS_VIGENCIA=7)
def test_an_expired_export_is_refused_then_deleted_with_its_file(
    client, despacho, tres_compromisos, django_capture_on_commit_callbacks
):
    client.force_login(despacho)
    with django_capture_on_commit_callbacks(execute=True):
        client.get(reverse("compromisos:inicio"), {"exportar": "xlsx"})
    exportacion = Exportacion.objects.get()
    archivo = exportacion.archivo.name
    assert exportacion.vence_en - exportacion.terminada_en == timedelta(days=7)
    Exportacion.objects.filter(pk=exportacion.pk).update(vence_en=timezone.now())

    respuesta = client.get(exportacion.get_absolute_url())

    assert respuesta.status_code == 302
    assert respuesta.url == reverse("compromisos:inicio")
    assert client.get(reverse("escritorio")).context["pendientes"] == []
    assert registro.ejecutar("exportaciones") == 1
    assert not Exportacion.objects.exists()
    assert not default_storage.exists(archivo)


def test_the_background_export_needs_a_login(client, despacho):
    exportacion = Exportacion.objects.create(
        usuario=despacho, nombre="x", formato="xlsx", ruta=reverse("compromisos:inicio")
    )

    respuesta = client.get(exportacion.get_absolute_url())

    assert respuesta.status_code == 302
    assert respuesta.url.startswith(reverse("login"))
    assert contenido(respuesta) == b""
