"""The board, the lists (bounded queries, filters, exports), the calendar, the indicators and
Mi escritorio of P001."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from buengobierno.avisos.servicios import sin_avisos
from buengobierno.plazos.calendario import sumar_dias_habiles
from delegaciones import services
from delegaciones.indicadores import cifras_por, totales
from delegaciones.models import Delegacion, Instancia, Sesion
from tests.conftest import momento
from tests.delegaciones.conftest import INSTRUCCIONES

pytestmark = pytest.mark.django_db


def con_plazo(delegacion, plazo):
    Delegacion.objects.filter(pk=delegacion.pk).update(fecha_limite_ficha=plazo)
    delegacion.refresh_from_db()
    return delegacion


def sembrar(n, *, instancia, despacho, delegados, hoy):
    """n sessions of `instancia` in the coming days, each delegated and accepted half the
    time: the rows of every list, built in bulk where the services are not the point."""
    sesiones = Sesion.objects.bulk_create(
        Sesion(
            instancia=instancia,
            inicio=momento(hoy + timedelta(days=1 + i % 20), 8 + i % 9),
            creado_por=despacho,
        )
        for i in range(n)
    )
    Delegacion.objects.bulk_create(
        Delegacion(
            sesion=sesion,
            delegado=delegados[i % len(delegados)],
            organismo=delegados[i % len(delegados)].organismo,
            instrucciones=INSTRUCCIONES,
            estado="aceptada" if i % 2 else "notificada",
            numero_carta=f"P-{sesion.pk}",
            fecha_limite_ficha=sumar_dias_habiles(hoy + timedelta(days=1 + i % 20), 3),
            creado_por=despacho,
        )
        for i, sesion in enumerate(sesiones)
    )


LISTAS = [
    "delegaciones:delegaciones",
    "delegaciones:mis_delegaciones",
    "delegaciones:sesiones",
    "delegaciones:instancias",
    "delegaciones:inicio",
    "delegaciones:calendario",
]


@pytest.mark.parametrize("vista", LISTAS)
def test_the_lists_and_boards_run_the_same_queries_for_1_and_50_rows(
    client,
    instancia,
    despacho,
    directivo_salud,
    enlace_salud,
    otro_organismo,
    hoy,
    vista,
    django_assert_max_num_queries,
):
    client.force_login(directivo_salud)
    sembrar(1, instancia=instancia, despacho=despacho, delegados=[directivo_salud], hoy=hoy)
    url = reverse(vista)
    client.get(url)  # warm caches (content types, session)

    with django_assert_max_num_queries(16) as uno:
        client.get(url)
    sembrar(
        49,
        instancia=instancia,
        despacho=despacho,
        delegados=[directivo_salud, enlace_salud],
        hoy=hoy,
    )
    Instancia.objects.bulk_create(
        Instancia(
            nombre=f"Comité de prueba {i}",
            tipo="comite",
            entidad_convocante="Alcaldía",
            norma="Decreto",
            periodicidad="mensual",
            organismo=otro_organismo,
            delegado_habitual=enlace_salud,
            creado_por=despacho,
        )
        for i in range(49)
    )
    with django_assert_max_num_queries(len(uno.captured_queries)) as cincuenta:
        respuesta = client.get(url)

    assert respuesta.status_code == 200
    assert len(cincuenta.captured_queries) == len(uno.captured_queries)


def test_the_delegations_list_filters_overdue_fichas_by_instancia_and_organism(
    client, despacho, aceptada_pasada, nueva_sesion, delegar, enlace_salud, hoy
):
    vencida = con_plazo(aceptada_pasada(dias_atras=5), hoy - timedelta(days=1))
    al_dia = con_plazo(aceptada_pasada(dias_atras=1), hoy + timedelta(days=2))
    futura = delegar(nueva_sesion(dias=10), delegado=enlace_salud)
    client.force_login(despacho)
    url = reverse("delegaciones:delegaciones")

    def filas(**filtros):
        return set(client.get(url, filtros).context["object_list"])

    assert filas(estado="vencida") == {vencida}
    assert filas(estado="notificada") == {futura}
    assert filas(instancia=vencida.sesion.instancia_id) == {vencida, al_dia, futura}
    assert filas(organismo=enlace_salud.organismo_id) == {vencida, al_dia, futura}
    assert filas(q="Junta") == {vencida, al_dia, futura}


def test_the_delegations_list_exports_the_filtered_rows_to_csv_and_xlsx(
    client, despacho, nueva_sesion, delegar, instancia, directivo_salud
):
    delegacion = delegar(nueva_sesion())
    client.force_login(despacho)
    url = reverse("delegaciones:delegaciones")

    texto = client.get(url, {"exportar": "csv"}).content.decode("utf-8-sig")
    libro = load_workbook(io.BytesIO(client.get(url, {"exportar": "xlsx"}).content))

    filas = list(csv.reader(io.StringIO(texto)))
    assert filas[0][:3] == ["Instancia", "Sesión", "Delegado"]
    assert filas[1][0] == instancia.nombre and filas[1][2] == str(directivo_salud)
    assert delegacion.numero_carta in filas[1]
    assert libro.active.cell(row=2, column=1).value == instancia.nombre


def test_my_delegations_list_only_mine_with_what_waits_for_me_first(
    client, nueva_sesion, delegar, directivo_salud, enlace_salud
):
    aceptada = delegar(nueva_sesion(dias=2))
    services.aceptar_delegacion(delegacion=aceptada, usuario=directivo_salud)
    por_aceptar = delegar(nueva_sesion(dias=9))
    delegar(nueva_sesion(dias=4), delegado=enlace_salud)
    client.force_login(directivo_salud)

    filas = list(client.get(reverse("delegaciones:mis_delegaciones")).context["object_list"])

    assert filas == [por_aceptar, aceptada]


def test_the_board_shows_upcoming_sessions_pending_acceptance_and_fichas_due_and_overdue(
    client, despacho, nueva_sesion, delegar, aceptada_pasada, enviar_ficha, hoy
):
    proxima = nueva_sesion(dias=3)
    por_aceptar = delegar(proxima)
    por_vencer = con_plazo(aceptada_pasada(dias_atras=1), hoy + timedelta(days=2))
    vencida = con_plazo(aceptada_pasada(dias_atras=6), hoy - timedelta(days=1))
    entregada = aceptada_pasada(dias_atras=2)
    enviar_ficha(entregada)
    client.force_login(despacho)

    contexto = client.get(reverse("delegaciones:inicio")).context

    assert [s for s, _d in contexto["proximas"]] == [proxima]
    assert contexto["por_aceptar"] == [por_aceptar]
    assert contexto["por_vencer"] == [por_vencer]
    assert contexto["vencidas"] == [vencida]
    assert contexto["por_revisar"] == [entregada]


def test_on_time_rates_per_organism_and_per_instancia(
    client, despacho, aceptada_pasada, enviar_ficha, enlace_salud, hoy
):
    a_tiempo = aceptada_pasada(dias_atras=1)
    enviar_ficha(a_tiempo)
    tarde = aceptada_pasada(dias_atras=20, delegado=enlace_salud)
    enviar_ficha(tarde)
    con_plazo(aceptada_pasada(dias_atras=8), hoy - timedelta(days=2))  # overdue
    con_plazo(aceptada_pasada(dias_atras=2), hoy + timedelta(days=1))  # not yet due

    total = totales(Delegacion.objects.all())
    (organismo,) = cifras_por(Delegacion.objects.all(), "organismo")
    (instancia,) = cifras_por(Delegacion.objects.all(), "instancia")
    client.force_login(despacho)
    pagina = client.get(reverse("delegaciones:indicadores"))

    assert (total.a_tiempo, total.tarde, total.vencidas, total.por_vencer) == (1, 1, 1, 1)
    assert total.porcentaje_a_tiempo == pytest.approx(33.3)
    assert organismo.nombre == "SSP" and organismo.porcentaje_a_tiempo == pytest.approx(33.3)
    assert instancia.nombre == a_tiempo.sesion.instancia.nombre
    assert [g["id"] for g in pagina.context["graficos"]] == [
        "grafico-organismos",
        "grafico-instancias",
    ]
    assert "33 %" in pagina.content.decode()


def test_my_desk_shows_what_p001_waits_from_me(
    client,
    despacho,
    nueva_sesion,
    delegar,
    aceptada_pasada,
    enviar_ficha,
    directivo_salud,
    enlace_salud,
):
    with sin_avisos():
        delegar(nueva_sesion(dias=6))
        debida = aceptada_pasada(dias_atras=1)
        entregada = aceptada_pasada(dias_atras=3)
        enviar_ficha(entregada)

    def pendientes(usuario):
        client.force_login(usuario)
        return [p.titulo for p in client.get(reverse("escritorio")).context["pendientes"]]

    instancia = debida.sesion.instancia
    mios = pendientes(directivo_salud)
    assert f"Aceptar o rechazar: {instancia}" in mios
    assert f"Enviar la ficha técnica: {instancia}" in mios
    assert f"Revisar la ficha técnica: {instancia}" in pendientes(despacho)
    assert pendientes(enlace_salud).count(f"Preparar la ficha técnica: {instancia}") == 1


def test_the_calendar_marks_sessions_without_a_delegate(client, despacho, nueva_sesion, hoy):
    sesion = nueva_sesion(dias=2)
    client.force_login(despacho)

    respuesta = client.get(reverse("delegaciones:calendario"), {"mes": f"{sesion.fecha:%Y-%m}"})

    dia = next(
        d for semana in respuesta.context["semanas"] for d in semana if d["fecha"] == sesion.fecha
    )
    assert dia["sesiones"] == [(sesion, None)]
    assert "border-danger" in respuesta.content.decode()
