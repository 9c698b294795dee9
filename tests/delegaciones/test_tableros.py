"""The board, the lists (bounded queries, filters, exports), the calendar, the indicators and
Mi escritorio of P001."""

from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from buengobierno.avisos.servicios import sin_avisos
from buengobierno.documentos.formato import fecha_larga
from buengobierno.plazos.calendario import sumar_dias_habiles
from delegaciones import services
from delegaciones.indicadores import cifras_por, totales
from delegaciones.models import Delegacion, FichaTecnica, Instancia, Sesion
from tests.conftest import momento
from tests.delegaciones.conftest import INSTRUCCIONES, al_pasado
from tests.exportaciones import leer_csv, leer_xlsx

pytestmark = pytest.mark.django_db

Estado = Delegacion.Estado


def con_plazo(delegacion, plazo):
    Delegacion.objects.filter(pk=delegacion.pk).update(fecha_limite_ficha=plazo)
    delegacion.refresh_from_db()
    return delegacion


def otra_instancia(despacho, organismo, nombre="Consejo Distrital de Paz"):
    return Instancia.objects.create(
        nombre=nombre,
        tipo=Instancia.Tipo.CONSEJO,
        entidad_convocante="Secretaría de Paz y Cultura Ciudadana",
        norma="Acuerdo 0433 de 2017",
        periodicidad=Instancia.Periodicidad.TRIMESTRAL,
        organismo=organismo,
        creado_por=despacho,
    )


# What each seeded row is, in turn: upcoming and notified or accepted; past with the ficha
# overdue, still within its deadline, or delivered.
CLASES = ("notificada", "aceptada", "vencida", "por_vencer", "entregada")
ESTADO_DE_CLASE = {
    "notificada": Estado.NOTIFICADA,
    "aceptada": Estado.ACEPTADA,
    "vencida": Estado.REALIZADA,
    "por_vencer": Estado.ACEPTADA,
    "entregada": Estado.FICHA_ENTREGADA,
}


def sembrar(n, *, instancia, despacho, delegados, hoy, desde=0):
    """n sessions of `instancia`, each with its delegation, one of each CLASES in turn (the
    upcoming ones all tomorrow): rows for every list, every section of the board and the
    calendar, built in bulk where the services are not the point."""
    clases = [CLASES[(desde + i) % len(CLASES)] for i in range(n)]
    futura = [c in ("notificada", "aceptada") for c in clases]
    sesiones = Sesion.objects.bulk_create(
        Sesion(
            instancia=instancia,
            inicio=momento(
                hoy + timedelta(days=1) if futura[i] else hoy - timedelta(days=1 + i % 7),
                8 + i % 9,
            ),
            creado_por=despacho,
        )
        for i in range(n)
    )
    plazos = {"vencida": hoy - timedelta(days=1), "por_vencer": hoy + timedelta(days=2)}
    delegaciones = Delegacion.objects.bulk_create(
        Delegacion(
            sesion=sesion,
            delegado=delegados[i % len(delegados)],
            organismo=delegados[i % len(delegados)].organismo,
            instrucciones=INSTRUCCIONES,
            estado=ESTADO_DE_CLASE[clases[i]],
            numero_carta=f"P-{sesion.pk}",
            fecha_limite_ficha=plazos.get(clases[i], sumar_dias_habiles(sesion.fecha, 3)),
            creado_por=despacho,
        )
        for i, sesion in enumerate(sesiones)
    )
    FichaTecnica.objects.bulk_create(
        FichaTecnica(
            delegacion=d,
            desarrollo="Se sesionó.",
            entregada_en=timezone.now(),
            entregada_por=d.delegado,
        )
        for d in delegaciones
        if d.estado == Estado.FICHA_ENTREGADA
    )


def mostrados(vista, contexto) -> list[int]:
    """How many records each part of the page shows."""
    if vista == "delegaciones:inicio":
        return [
            len(contexto[parte])
            for parte in ("proximas", "por_aceptar", "por_vencer", "vencidas", "por_revisar")
        ]
    if vista == "delegaciones:calendario":
        return [sum(len(sesiones) for _dia, sesiones in contexto["dias_con_sesiones"])]
    return [contexto["paginator"].count]


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
    parametros = {"mes": f"{hoy + timedelta(days=1):%Y-%m}"} if "calendario" in vista else {}
    client.get(url, parametros)  # warm caches (content types, session)

    with django_assert_max_num_queries(14) as uno:
        respuesta_uno = client.get(url, parametros)
    consultas_uno = len(uno.captured_queries)  # read now: a later request clears the log
    sembrar(
        49,
        instancia=instancia,
        despacho=despacho,
        delegados=[directivo_salud, enlace_salud],
        hoy=hoy,
        desde=1,
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
    # Warm again: the filters' option lists are kept per query, and the instancias a person
    # may see are another query now (web.opciones).
    client.get(url, parametros)
    with django_assert_max_num_queries(consultas_uno) as cincuenta:
        respuesta = client.get(url, parametros)

    assert respuesta.status_code == 200
    assert max(mostrados(vista, respuesta_uno.context)) == 1
    assert min(mostrados(vista, respuesta.context)) > 1  # every part of the page has rows
    assert len(cincuenta.captured_queries) == consultas_uno


def test_the_delegations_list_filters_overdue_fichas_by_instancia_and_organism(
    client,
    despacho,
    aceptada_pasada,
    nueva_sesion,
    delegar,
    directivo_educacion,
    tercer_organismo,
    enviar_ficha,
    hoy,
):
    vencida = con_plazo(aceptada_pasada(dias_atras=5), hoy - timedelta(days=1))
    al_dia = con_plazo(aceptada_pasada(dias_atras=1), hoy + timedelta(days=2))
    entregada_tarde = con_plazo(aceptada_pasada(dias_atras=6), hoy - timedelta(days=2))
    enviar_ficha(entregada_tarde)
    de_educacion = delegar(nueva_sesion(dias=10), delegado=directivo_educacion)
    de_otra_instancia = delegar(
        nueva_sesion(dias=11, instancia=otra_instancia(despacho, tercer_organismo))
    )
    client.force_login(despacho)
    url = reverse("delegaciones:delegaciones")
    salud = vencida.organismo_id

    def filas(**filtros):
        return set(client.get(url, filtros).context["object_list"])

    assert filas(estado="vencida") == {vencida}
    assert filas(estado="notificada") == {de_educacion, de_otra_instancia}
    assert filas(estado="ficha_entregada") == {entregada_tarde}
    assert filas(instancia=vencida.sesion.instancia_id) == {
        vencida,
        al_dia,
        entregada_tarde,
        de_educacion,
    }
    assert filas(instancia=de_otra_instancia.sesion.instancia_id) == {de_otra_instancia}
    assert filas(organismo=salud) == {vencida, al_dia, entregada_tarde, de_otra_instancia}
    assert filas(organismo=tercer_organismo.pk) == {de_educacion}
    assert filas(organismo=salud, estado="vencida") == {vencida}
    assert filas(q="Paz") == {de_otra_instancia}


def test_the_delegations_list_exports_the_filtered_rows_to_csv_and_xlsx(
    client, despacho, nueva_sesion, delegar, instancia, directivo_salud, directivo_educacion
):
    de_salud = delegar(nueva_sesion())
    de_educacion = delegar(nueva_sesion(dias=9), delegado=directivo_educacion)
    client.force_login(despacho)
    url = reverse("delegaciones:delegaciones")

    def csv_de(**filtros):
        return leer_csv(client.get(url, {**filtros, "exportar": "csv"}))

    todas = csv_de()
    filtradas = csv_de(organismo=de_salud.organismo_id)
    libro = leer_xlsx(client.get(url, {"organismo": de_salud.organismo_id, "exportar": "xlsx"}))

    assert todas[0][:4] == ["Instancia", "Sesión", "Delegado", "Organismo del delegado"]
    assert {fila[6] for fila in todas[1:]} == {de_salud.numero_carta, de_educacion.numero_carta}
    assert len(filtradas) == 2
    assert filtradas[1][0] == instancia.nombre and filtradas[1][2] == str(directivo_salud)
    assert filtradas[1][6] == de_salud.numero_carta
    assert libro.max_row == 2
    assert libro.cell(row=2, column=1).value == instancia.nombre
    assert libro.cell(row=2, column=7).value == de_salud.numero_carta


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


def test_a_long_section_of_the_board_shows_its_first_rows_and_links_to_the_full_list(
    client, despacho, instancia, directivo_salud, hoy
):
    sembrar(60, instancia=instancia, despacho=despacho, delegados=[directivo_salud], hoy=hoy)
    client.force_login(despacho)

    tablero = client.get(reverse("delegaciones:inicio"))
    lista = client.get(tablero.context["ver_todas"]["vencidas"])
    por_entregar = client.get(tablero.context["ver_todas"]["por_vencer"])

    assert len(tablero.context["vencidas"]) == 10
    assert tablero.context["cuentas"] == {
        "por_aceptar": 12,
        "por_vencer": 12,
        "vencidas": 12,
        "por_revisar": 12,
    }
    assert "Ver las 12 en la lista" in tablero.content.decode()
    assert lista.context["paginator"].count == 12
    assert all(d.ficha_vencida for d in lista.context["object_list"])
    assert por_entregar.context["paginator"].count == 12
    assert {d.fecha_limite_ficha for d in por_entregar.context["object_list"]} == {
        hoy + timedelta(days=2)
    }


def test_date_filters_take_whole_local_days_of_a_timestamp(client, despacho, instancia, hoy):
    noche = Sesion.objects.create(
        instancia=instancia,
        inicio=timezone.make_aware(datetime.combine(hoy, time(23, 30))),
        creado_por=despacho,
    )
    madrugada = Sesion.objects.create(
        instancia=instancia,
        inicio=timezone.make_aware(datetime.combine(hoy + timedelta(1), time(0, 30))),
        creado_por=despacho,
    )
    client.force_login(despacho)

    def sesiones(**filtros):
        respuesta = client.get(reverse("delegaciones:sesiones"), filtros)
        return list(respuesta.context["object_list"])

    assert sesiones(hasta=hoy.isoformat()) == [noche]
    assert sesiones(desde=(hoy + timedelta(1)).isoformat()) == [madrugada]
    assert sesiones(desde=hoy.isoformat(), hasta=hoy.isoformat()) == [noche]


@pytest.fixture
def fichas_de_dos_organismos(
    despacho,
    aceptada_pasada,
    nueva_sesion,
    delegar,
    enviar_ficha,
    enlace_salud,
    directivo_educacion,
    tercer_organismo,
    hoy,
):
    """Salud: a ficha on time, one late, one overdue, one not yet due; Educación, in another
    instancia: one on time. Returns (the on-time one of Salud, the other instancia, Educación's)."""
    a_tiempo = aceptada_pasada(dias_atras=1)
    enviar_ficha(a_tiempo)
    tarde = aceptada_pasada(dias_atras=20, delegado=enlace_salud)
    enviar_ficha(tarde)
    con_plazo(aceptada_pasada(dias_atras=8), hoy - timedelta(days=2))  # overdue
    con_plazo(aceptada_pasada(dias_atras=2), hoy + timedelta(days=1))  # not yet due
    paz = otra_instancia(despacho, tercer_organismo)
    de_educacion = delegar(nueva_sesion(instancia=paz), delegado=directivo_educacion)
    services.aceptar_delegacion(delegacion=de_educacion, usuario=directivo_educacion)
    enviar_ficha(al_pasado(de_educacion, 1))
    return a_tiempo, paz, de_educacion


def test_on_time_rates_per_organism_and_per_instancia(client, despacho, fichas_de_dos_organismos):
    a_tiempo, paz, _de_educacion = fichas_de_dos_organismos
    total = totales(Delegacion.objects.all())
    por_organismo = cifras_por(Delegacion.objects.all(), "organismo")
    por_instancia = cifras_por(Delegacion.objects.all(), "instancia")
    client.force_login(despacho)
    pagina = client.get(reverse("delegaciones:indicadores"))

    assert (total.a_tiempo, total.tarde, total.vencidas, total.por_vencer) == (2, 1, 1, 1)
    assert total.porcentaje_a_tiempo == pytest.approx(50.0)
    assert [(c.nombre, c.porcentaje_a_tiempo) for c in por_organismo] == [
        ("SSP", pytest.approx(33.3)),
        ("SE", pytest.approx(100.0)),
    ]
    assert [(c.nombre, c.porcentaje_a_tiempo) for c in por_instancia] == [
        (a_tiempo.sesion.instancia.nombre, pytest.approx(33.3)),
        (paz.nombre, pytest.approx(100.0)),
    ]
    salud = por_organismo[0]
    assert (salud.a_tiempo, salud.tarde, salud.vencidas, salud.por_vencer) == (1, 1, 1, 1)
    assert [g["id"] for g in pagina.context["graficos"]] == [
        "grafico-organismos",
        "grafico-instancias",
    ]
    html = pagina.content.decode()
    assert "33 %" in html and "100 %" in html and "50 %" in html


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
        por_aceptar = delegar(nueva_sesion(dias=6))
        aceptada_futura = delegar(nueva_sesion(dias=7))
        services.aceptar_delegacion(delegacion=aceptada_futura, usuario=directivo_salud)
        en_borrador = delegar(nueva_sesion(dias=3), notificar_ahora=False)
        sin_delegado = nueva_sesion(dias=2, asistencia=Sesion.Asistencia.DELEGA)
        nueva_sesion(dias=4, asistencia=Sesion.Asistencia.ALCALDE)  # nobody to delegate
        debida = aceptada_pasada(dias_atras=1)
        entregada = aceptada_pasada(dias_atras=3)
        enviar_ficha(entregada)

    def pendientes(usuario):
        client.force_login(usuario)
        return [
            (p.titulo, p.url, p.fecha_limite)
            for p in client.get(reverse("escritorio")).context["tareas"]
            if p.procedimiento == "P001"
        ]

    def titulo(accion, delegacion_o_sesion):
        sesion = getattr(delegacion_o_sesion, "sesion", delegacion_o_sesion)
        return f"{accion}: {sesion.instancia}, sesión del {fecha_larga(sesion.fecha)}"

    mios = pendientes(directivo_salud)
    despacho_ve = pendientes(despacho)
    assert (
        titulo("Aceptar o rechazar la delegación", por_aceptar),
        por_aceptar.get_absolute_url(),
        por_aceptar.sesion.fecha,
    ) in mios
    # Only after the session: the accepted delegation still ahead asks for nothing yet.
    assert [u for t, u, _f in mios if t.startswith("Enviar la ficha técnica")] == [
        debida.get_absolute_url()
    ]
    # The Despacho's own work: a draft to notify and a session nobody was delegated to yet,
    # with the session's date as the deadline, soonest first; and the ficha to review.
    assert [t for t, _u, _f in despacho_ve[:2]] == [
        titulo("Delegar la sesión", sin_delegado),
        titulo("Notificar la delegación", en_borrador),
    ]
    assert despacho_ve[0][1] == sin_delegado.get_absolute_url() + "#form-delegar"
    assert despacho_ve[1][2] == en_borrador.sesion.fecha
    assert (
        titulo("Revisar la ficha técnica", entregada),
        entregada.get_absolute_url(),
        None,
    ) in despacho_ve
    assert not any(t.startswith("Enviar la ficha") for t, _u, _f in despacho_ve)
    assert [t for t, _u, _f in pendientes(enlace_salud)].count(
        titulo("Preparar la ficha técnica", debida)
    ) == 1


def test_the_calendar_marks_sessions_without_a_delegate(client, despacho, nueva_sesion, hoy):
    sesion = nueva_sesion(dias=2)
    client.force_login(despacho)

    respuesta = client.get(reverse("delegaciones:calendario"), {"mes": f"{sesion.fecha:%Y-%m}"})

    dia = next(
        d for semana in respuesta.context["semanas"] for d in semana if d["fecha"] == sesion.fecha
    )
    assert dia["sesiones"] == [(sesion, None)]
    assert "border-danger" in respuesta.content.decode()
