from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from buengobierno.plazos.calendario import es_dia_habil, sumar_dias_habiles
from buengobierno.plazos.models import DiaNoHabil
from compromisos import services
from compromisos.filtros import FiltroCompromisos
from compromisos.indicadores import Cifras, cifras_por, totales
from compromisos.models import Compromiso, MetaEstrategica
from tests.compromisos.conftest import reunion_cerrada_con
from tests.exportaciones import leer_csv, leer_xlsx

pytestmark = pytest.mark.django_db


def crear_varios(n, *, responsables, creado_por, hoy, origen=None):
    return services.crear_compromisos(
        origen=origen,
        compromisos=[
            {
                "descripcion": f"Compromiso número {i}",
                "responsable": responsables[i % len(responsables)],
                "fecha_limite": hoy + timedelta(days=i % 7),
                "corresponsables": responsables[:1],
            }
            for i in range(n)
        ],
        creado_por=creado_por,
    )


@pytest.mark.parametrize("vista", ["compromisos:inicio", "compromisos:mis_compromisos"])
def test_the_boards_run_the_same_queries_for_1_and_50_rows(
    client, secretaria, directivo_salud, enlace_salud, hoy, vista, django_assert_max_num_queries
):
    client.force_login(directivo_salud)
    crear_varios(1, responsables=[directivo_salud], creado_por=secretaria, hoy=hoy)
    url = reverse(vista)
    client.get(url)  # warm caches (content types, session)

    with django_assert_max_num_queries(14) as uno:
        assert len(client.get(url, {"q": "número"}).context["object_list"]) == 1
    crear_varios(49, responsables=[directivo_salud, enlace_salud], creado_por=secretaria, hoy=hoy)
    with django_assert_max_num_queries(len(uno.captured_queries)) as cincuenta:
        respuesta = client.get(url, {"q": "número"})

    assert len(respuesta.context["object_list"]) == 25  # one page
    assert len(cincuenta.captured_queries) == len(uno.captured_queries)


def test_the_meetings_list_runs_the_same_queries_for_1_and_50_rows(
    client, secretaria, nueva_reunion, django_assert_max_num_queries
):
    client.force_login(secretaria)
    nueva_reunion()
    url = reverse("compromisos:reuniones")
    client.get(url)
    with django_assert_max_num_queries(12) as una:
        client.get(url)
    for i in range(49):
        nueva_reunion(titulo=f"Mesa {i}")

    with django_assert_max_num_queries(len(una.captured_queries)):
        respuesta = client.get(url)

    assert respuesta.context["paginator"].count == 50


def test_overdue_rows_are_highlighted_and_filterable(
    client, secretaria, directivo_salud, crear_compromiso, hoy
):
    vencido = crear_compromiso(
        directivo_salud,
        descripcion="Vencido",
        fecha_limite=hoy - timedelta(days=4),
        fecha_origen=hoy - timedelta(days=10),
    )
    crear_compromiso(directivo_salud, descripcion="Al día")
    client.force_login(secretaria)

    todos = client.get(reverse("compromisos:inicio"))
    solo_vencidos = client.get(reverse("compromisos:inicio"), {"estado": "vencido"})

    assert todos.content.decode().count("compromiso-vencido") == 1
    assert list(solo_vencidos.context["object_list"]) == [vencido]


def test_filters_by_organism_responsible_due_range_origin_type_and_meta(
    client,
    secretaria,
    directivo_salud,
    directivo_educacion,
    crear_compromiso,
    reunion_en_curso,
    hoy,
):
    meta = MetaEstrategica.objects.create(codigo="52010030002", nombre="Vacunación rural")
    de_reunion = reunion_cerrada_con(
        reunion_en_curso, secretaria, [("De la reunión", directivo_salud, hoy)]
    ).compromisos.get()
    a_mano = crear_compromiso(
        directivo_educacion,
        descripcion="A mano",
        fecha_limite=sumar_dias_habiles(hoy, 10),
        meta=meta,
    )
    client.force_login(secretaria)
    url = reverse("compromisos:inicio")

    def filtrar(**filtros):
        return [c.pk for c in client.get(url, filtros).context["object_list"]]

    assert filtrar(organismo=directivo_salud.organismo_id) == [de_reunion.pk]
    assert filtrar(responsable=directivo_educacion.pk) == [a_mano.pk]
    assert filtrar(vence_desde=sumar_dias_habiles(hoy, 1).isoformat()) == [a_mano.pk]
    assert filtrar(vence_hasta=hoy.isoformat()) == [de_reunion.pk]
    assert filtrar(origen=str(de_reunion.origen_tipo_id)) == [de_reunion.pk]
    assert filtrar(origen="ninguno") == [a_mano.pk]
    assert filtrar(meta=meta.pk) == [a_mano.pk]
    assert filtrar(q="reunión") == [de_reunion.pk]


def test_filter_choices_come_from_small_tables_never_from_the_commitments(
    secretaria, directivo_salud, enlace_salud, crear_compromiso, reunion_en_curso, hoy
):
    reunion_cerrada_con(reunion_en_curso, secretaria, [("De la reunión", directivo_salud, hoy)])
    crear_compromiso(directivo_salud, descripcion="A mano")

    with CaptureQueriesContext(connection) as consultas:
        formulario = FiltroCompromisos(data={}, queryset=Compromiso.objects.none()).form
        responsables = [str(p) for p in formulario.fields["responsable"].queryset]
        origenes = [texto for _valor, texto in formulario.fields["origen"].choices]

    assert not [q for q in consultas.captured_queries if "compromisos_compromiso" in q["sql"]]
    # The directory: also whoever has no commitment yet.
    assert str(enlace_salud) in responsables
    assert origenes == ["Todos", "Reuniones", "Registrados a mano"]


def test_drafts_of_an_open_meeting_stay_off_the_board(
    client, secretaria, reunion_en_curso, directivo_salud, hoy
):
    services.agregar_compromiso_en_reunion(
        reunion=reunion_en_curso,
        descripcion="Borrador",
        responsable=directivo_salud,
        fecha_limite=hoy,
        prioridad="media",
        usuario=secretaria,
    )
    client.force_login(secretaria)

    assert list(client.get(reverse("compromisos:inicio")).context["object_list"]) == []


def test_the_board_exports_the_filtered_rows_to_csv_and_xlsx(
    client, secretaria, directivo_salud, crear_compromiso, hoy
):
    crear_compromiso(directivo_salud, descripcion="Plan de choque, fase 1")
    crear_compromiso(directivo_salud, descripcion="Otro", fecha_limite=hoy + timedelta(days=30))
    client.force_login(secretaria)
    url = reverse("compromisos:inicio")

    filas = leer_csv(client.get(url, {"q": "choque", "exportar": "csv"}))
    libro = leer_xlsx(client.get(url, {"exportar": "xlsx"}))

    assert filas[0][:3] == ["Compromiso", "Responsable", "Organismo"]
    assert len(filas) == 2
    assert filas[1][0] == "Plan de choque, fase 1"
    assert filas[1][1] == str(directivo_salud)
    assert libro.max_row == 3
    assert libro["A1"].value == "Compromiso"


def test_my_commitments_include_those_where_i_am_co_responsible(
    client, secretaria, directivo_salud, enlace_salud, crear_compromiso
):
    propio = crear_compromiso(enlace_salud, descripcion="Propio")
    compartido = crear_compromiso(
        directivo_salud, descripcion="Compartido", corresponsables=[enlace_salud]
    )
    crear_compromiso(directivo_salud, descripcion="Ajeno")
    client.force_login(enlace_salud)

    respuesta = client.get(reverse("compromisos:mis_compromisos"))

    assert {c.pk for c in respuesta.context["object_list"]} == {propio.pk, compartido.pk}


# --- indicators ---------------------------------------------------------------------------


@pytest.fixture
def historial_de_cumplimiento(crear_compromiso, directivo_salud, secretaria, hoy):
    """Salud: one fulfilled on time, one fulfilled 2 business days late, one overdue by 3
    business days, one open on time, one cancelled."""
    antes = hoy - timedelta(days=30)
    # The last business day up to today: counted from it, delays do not depend on the weekday
    # the suite runs on.
    referencia = hoy if es_dia_habil(hoy) else sumar_dias_habiles(hoy, -1)
    a_tiempo = crear_compromiso(directivo_salud, fecha_origen=antes)
    services.marcar_cumplido(compromiso=a_tiempo, nota="ok", usuario=directivo_salud)
    tarde = crear_compromiso(
        directivo_salud, fecha_origen=antes, fecha_limite=sumar_dias_habiles(referencia, -2)
    )
    services.marcar_cumplido(compromiso=tarde, nota="tarde", usuario=directivo_salud)
    crear_compromiso(
        directivo_salud, fecha_origen=antes, fecha_limite=sumar_dias_habiles(referencia, -3)
    )
    crear_compromiso(directivo_salud)
    cancelado = crear_compromiso(directivo_salud)
    services.cancelar_compromiso(compromiso=cancelado, usuario=secretaria, motivo="No aplica")


def test_indicators_give_on_time_percentage_overdue_and_average_delay_in_business_days(
    historial_de_cumplimiento, otro_organismo
):
    (salud,) = cifras_por(Compromiso.objects.all(), "organismo")

    assert salud.clave == otro_organismo.pk
    assert (salud.total, salud.abiertos, salud.vencidos, salud.cumplidos) == (5, 2, 1, 2)
    assert salud.a_tiempo == 1
    assert salud.porcentaje_a_tiempo == pytest.approx(33.3)  # 1 of (2 fulfilled + 1 overdue)
    assert salud.retraso_promedio == 2.5  # (2 + 3) / 2 business days
    assert totales(Compromiso.objects.all()).cancelados == 1


def test_indicators_match_figures_computed_by_hand_across_a_holiday_and_a_civic_day(
    crear_compromiso, directivo_salud, directivo_educacion, otro_organismo, tercer_organismo
):
    """Friday 20 November 2026; Monday 16 is a holiday, Thursday 19 a civic day."""
    DiaNoHabil.objects.create(fecha=date(2026, 11, 19), motivo="Día cívico")
    hoy = date(2026, 11, 20)

    def con(responsable, fecha_limite, estado="pendiente", cumplido_en=None):
        compromiso = crear_compromiso(
            responsable, fecha_limite=fecha_limite, fecha_origen=date(2026, 10, 1)
        )
        Compromiso.objects.filter(pk=compromiso.pk).update(
            estado=estado, fecha_cumplimiento=cumplido_en, motivo_cancelacion="No aplica"
        )

    # Salud: due Fri 13, fulfilled Tue 17: 1 business day late (Monday is a holiday).
    con(directivo_salud, date(2026, 11, 13), "verificado", date(2026, 11, 17))
    # Due Fri 6, fulfilled Sat 7: late, by 0 business days.
    con(directivo_salud, date(2026, 11, 6), "cumplido", date(2026, 11, 7))
    con(directivo_salud, date(2026, 11, 18), "cumplido", date(2026, 11, 18))  # on time
    # Open, due Thu 12: overdue by Fri 13, Tue 17, Wed 18, Fri 20 = 4 business days.
    con(directivo_salud, date(2026, 11, 12), "en_progreso")
    con(directivo_salud, date(2026, 11, 27))  # open, not due yet
    con(directivo_salud, date(2026, 11, 10), "cancelado")
    # Educación: one fulfilled before its due date.
    con(directivo_educacion, date(2026, 11, 25), "verificado", date(2026, 11, 20))

    salud, educacion = cifras_por(Compromiso.objects.all(), "organismo", hoy=hoy)
    total = totales(Compromiso.objects.all(), hoy=hoy)

    assert (salud.clave, educacion.clave) == (otro_organismo.pk, tercer_organismo.pk)
    assert (salud.total, salud.abiertos, salud.vencidos, salud.cumplidos) == (6, 2, 1, 3)
    assert (salud.a_tiempo, salud.cancelados) == (1, 1)
    assert salud.porcentaje_a_tiempo == 25.0  # 1 on time of 3 fulfilled + 1 overdue
    assert (salud.con_retraso, salud.dias_de_retraso) == (3, 5)  # 1 + 0 + 4
    assert salud.retraso_promedio == 1.7
    assert (educacion.porcentaje_a_tiempo, educacion.retraso_promedio) == (100.0, None)
    assert total == Cifras.suma([salud, educacion])
    assert (total.total, total.a_tiempo, total.porcentaje_a_tiempo) == (7, 2, 40.0)


@pytest.mark.parametrize("vista", ["compromisos:indicadores", "escritorio"])
def test_the_indicators_cost_the_same_queries_for_few_and_many_commitments(
    client,
    secretaria,
    directivo_salud,
    directivo_educacion,
    hoy,
    vista,
    django_assert_max_num_queries,
):
    crear_varios(2, responsables=[directivo_salud], creado_por=secretaria, hoy=hoy)
    client.force_login(secretaria)
    url = reverse(vista)
    client.get(url)

    # Mi escritorio asks every procedure for what waits (a few queries each, eight procedures).
    with django_assert_max_num_queries(40) as pocos:
        client.get(url)
    crear_varios(
        40, responsables=[directivo_salud, directivo_educacion], creado_por=secretaria, hoy=hoy
    )
    with django_assert_max_num_queries(len(pocos.captured_queries)) as muchos:
        client.get(url)

    assert len(muchos.captured_queries) == len(pocos.captured_queries)


def test_the_indicators_page_draws_a_chart_per_organism(
    client, historial_de_cumplimiento, secretaria, otro_organismo
):
    client.force_login(secretaria)

    respuesta = client.get(reverse("compromisos:indicadores"))

    html = respuesta.content.decode()
    assert respuesta.context["graficos"][0]["config"]["data"]["labels"] == ["SSP"]
    assert 'id="graficos-escritorio"' in html
    assert "chart.umd.min.js" in html
    assert reverse("compromisos:organismo", args=[otro_organismo.pk]) in html


def test_the_organism_page_shows_each_persons_figures(
    client, historial_de_cumplimiento, directivo_salud, otro_organismo
):
    client.force_login(directivo_salud)

    respuesta = client.get(reverse("compromisos:organismo", args=[otro_organismo.pk]))

    assert [c.nombre for c in respuesta.context["cifras"]] == [str(directivo_salud)]
    assert respuesta.context["cifras_total"].vencidos == 1
    assert respuesta.context["paginator"].count == 5


def test_the_person_page_lists_their_commitments(
    client, historial_de_cumplimiento, directivo_salud, secretaria
):
    client.force_login(secretaria)

    respuesta = client.get(reverse("compromisos:persona", args=[directivo_salud.pk]))

    assert respuesta.context["paginator"].count == 5
    assert respuesta.context["cifras_total"].cumplidos == 2


def test_my_desk_lists_my_open_commitments_and_what_waits_for_my_verification(
    client, crear_compromiso, directivo_salud, secretaria
):
    propio = crear_compromiso(directivo_salud, descripcion="Entregar el plan")
    por_verificar = crear_compromiso(directivo_salud, descripcion="Informe")
    services.marcar_cumplido(compromiso=por_verificar, nota="ok", usuario=directivo_salud)

    client.force_login(directivo_salud)
    mio = client.get(reverse("escritorio")).context["pendientes"]
    client.force_login(secretaria)
    suyo = client.get(reverse("escritorio")).context["pendientes"]

    assert [p.url for p in mio if p.procedimiento == "P005"] == [propio.get_absolute_url()]
    assert [p.url for p in suyo if p.procedimiento == "P005"] == [por_verificar.get_absolute_url()]
