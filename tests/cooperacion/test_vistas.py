"""The pages of P006 and P008: every page answers, bad input comes back beside its field,
lists run a fixed number of queries, the dashboard shows resources in COP."""

from datetime import timedelta

import pytest
from django.urls import reverse

from compromisos.models import Compromiso
from cooperacion.alianzas import services as alianzas
from cooperacion.alianzas.models import RecursoAlianza
from cooperacion.misiones.models import VisitaInternacional

pytestmark = pytest.mark.django_db


@pytest.fixture
def visita(nueva_visita):
    return nueva_visita()


def test_every_page_answers_to_the_oficina(
    client, relaciones, alianza, cooperante, visita, recurso_usd
):
    client.force_login(relaciones)
    paginas = [
        reverse("cooperacion_alianzas:inicio"),
        reverse("cooperacion_alianzas:nueva"),
        reverse("cooperacion_alianzas:alianza", args=[alianza.pk]),
        reverse("cooperacion_alianzas:editar", args=[alianza.pk]),
        reverse("cooperacion_alianzas:recurso", args=[alianza.pk]),
        reverse("cooperacion_alianzas:compromiso", args=[alianza.pk]),
        reverse("cooperacion_alianzas:reunion", args=[alianza.pk]),
        reverse("cooperacion_alianzas:cooperantes"),
        reverse("cooperacion_alianzas:cooperante_nuevo"),
        reverse("cooperacion_alianzas:cooperante", args=[cooperante.pk]),
        reverse("cooperacion_alianzas:cooperante_editar", args=[cooperante.pk]),
        reverse("cooperacion_alianzas:contacto", args=[cooperante.pk]),
        reverse("cooperacion_alianzas:tablero"),
        reverse("cooperacion_misiones:inicio"),
        reverse("cooperacion_misiones:nueva"),
        reverse("cooperacion_misiones:visita", args=[visita.pk]),
        reverse("cooperacion_misiones:editar", args=[visita.pk]),
        reverse("cooperacion_misiones:miembro", args=[visita.pk]),
        reverse("cooperacion_misiones:actividad", args=[visita.pk]),
        reverse("cooperacion_misiones:item", args=[visita.pk]),
        reverse("cooperacion_misiones:compromiso", args=[visita.pk]),
        reverse("cooperacion_misiones:reunion", args=[visita.pk]),
    ]
    for url in paginas:
        assert client.get(url).status_code == 200, url


def test_a_resource_without_currency_comes_back_with_the_message_beside_it(
    client, relaciones, alianza, hoy
):
    client.force_login(relaciones)
    respuesta = client.post(
        reverse("cooperacion_alianzas:recurso", args=[alianza.pk]),
        {"tipo": "financiero", "descripcion": "Aporte", "anio": hoy.year, "monto": "1000"},
    )
    assert respuesta.status_code == 422
    assert respuesta.context["form"].errors["moneda"] == ["Indique la moneda del monto (ISO 4217)."]
    respuesta = client.post(
        reverse("cooperacion_alianzas:recurso", args=[alianza.pk]),
        {
            "tipo": "financiero",
            "descripcion": "Aporte",
            "anio": hoy.year,
            "monto": "1000",
            "moneda": "EUR",
            "tasa_cambio": "4500",
        },
    )
    assert respuesta.context["form"].errors["fecha_tasa"] == [
        "Indique la fecha de la tasa de cambio."
    ]
    assert not RecursoAlianza.objects.exists()


def test_signing_with_the_end_before_the_signature_is_refused_beside_the_field(
    client, relaciones, juridica, alianza, hoy
):
    alianzas.solicitar_concepto(alianza=alianza, usuario=relaciones)
    alianzas.emitir_concepto(alianza=alianza, favorable=True, observaciones="", usuario=juridica)
    client.force_login(relaciones)
    respuesta = client.post(
        reverse("cooperacion_alianzas:firmar", args=[alianza.pk]),
        {
            "fecha_firma": hoy.isoformat(),
            "fecha_fin_vigencia": (hoy - timedelta(days=2)).isoformat(),
        },
    )
    assert respuesta.status_code == 422
    assert respuesta.context["form"].errors["fecha_fin_vigencia"] == [
        "El fin de la vigencia no puede ser anterior a la fecha de firma."
    ]


def test_the_dashboard_shows_resources_in_cop(client, relaciones, recurso_usd):
    client.force_login(relaciones)
    texto = client.get(reverse("cooperacion_alianzas:tablero")).content.decode()
    assert "COP 400.000.000" in texto
    assert "Japón" in texto


def test_a_commitment_of_a_visit_lands_on_the_p005_board(
    client, relaciones, visita, directivo_salud, hoy
):
    client.force_login(relaciones)
    respuesta = client.post(
        reverse("cooperacion_misiones:compromiso", args=[visita.pk]),
        {
            "descripcion": "Enviar la agenda cultural a la Embajada",
            "responsable": directivo_salud.pk,
            "fecha_limite": (hoy + timedelta(days=20)).isoformat(),
        },
    )
    assert respuesta.status_code == 302
    compromiso = Compromiso.objects.get()
    client.force_login(directivo_salud)
    tablero = client.get(reverse("compromisos:inicio")).content.decode()
    assert "Enviar la agenda cultural" in tablero
    assert compromiso.origen_url == visita.get_absolute_url()


def _muchas_visitas(nueva_visita, n):
    for i in range(n):
        nueva_visita(institucion=f"Delegación {i}")


@pytest.mark.parametrize("lista", ["cooperacion_misiones:inicio", "cooperacion_alianzas:inicio"])
def test_lists_run_the_same_queries_for_one_row_and_fifty(
    client, relaciones, nueva_visita, nueva_alianza, lista, django_assert_max_num_queries
):
    client.force_login(relaciones)
    nueva_visita()
    nueva_alianza()
    with django_assert_max_num_queries(20) as una:
        assert client.get(reverse(lista)).status_code == 200
    for i in range(49):
        nueva_visita(institucion=f"Delegación {i}")
        nueva_alianza(nombre=f"Alianza {i}")
    with django_assert_max_num_queries(len(una.captured_queries)):
        assert client.get(reverse(lista), {"page": 2}).status_code == 200
    assert VisitaInternacional.objects.count() == 50


def test_register_a_visit_through_its_page(client, relaciones, oficina, hoy):
    client.force_login(relaciones)
    llegada = hoy + timedelta(days=5)
    respuesta = client.post(
        reverse("cooperacion_misiones:nueva"),
        {
            "tipo": "tecnica",
            "pais": "DE",
            "institucion": "GIZ",
            "nivel": "tecnico",
            "llegada": llegada.isoformat(),
            "llegada_hora": "09:00",
            "salida": llegada.isoformat(),
            "salida_hora": "08:00",
            "proposito": "Movilidad eléctrica",
            "organismo": oficina.pk,
            "responsable": relaciones.pk,
        },
    )
    assert respuesta.status_code == 422
    assert respuesta.context["form"].errors["salida"] == [
        "La salida no puede ser anterior a la llegada."
    ]
    assert not VisitaInternacional.objects.exists()


def test_the_benchmark_pages_answer(client, despacho, alianza, nueva_visita):
    from cooperacion.alianzas import banco as banco_alianzas
    from cooperacion.misiones import banco as banco_misiones

    nueva_visita()
    client.force_login(despacho)
    for modulo in (banco_alianzas, banco_misiones):
        for pagina in modulo.paginas(despacho):
            assert client.get(pagina.ruta).status_code == 200, pagina.que
