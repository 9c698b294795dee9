"""Who sees and who writes alliances, cooperantes and visits — and the «reservada» mark
(Ley 1712 de 2014, art. 19): a reserved visit does not exist for anyone outside the Oficina,
the Despacho and the people named on it — pages, lists, counts, exports, search, the
dashboard, the cooperante's history, the P005 board and the admin."""

from datetime import timedelta

import pytest
from django.urls import reverse

from buengobierno.organizacion.roles import Rol
from compromisos.models import Compromiso
from cooperacion.alianzas.tablero import cifras
from cooperacion.misiones import services as misiones
from cooperacion.misiones.models import VisitaInternacional
from tests.conftest import momento

pytestmark = pytest.mark.django_db

SECRETA = "Ministerio de Defensa de Utopía"


@pytest.fixture
def administrador(crear_usuario):
    return crear_usuario(Rol.ADMINISTRADOR, username="admin.plataforma", is_staff=True)


@pytest.fixture
def enlace_oficina(crear_usuario, oficina):
    return crear_usuario(Rol.ENLACE, oficina, username="enlace.oficina")


@pytest.fixture
def reservada(nueva_visita, relaciones, directivo_salud, cooperante, hoy):
    visita = nueva_visita(
        institucion=SECRETA,
        pais="US",
        cooperante=cooperante,
        reservada=True,
        motivo_reserva="Seguridad y defensa nacional (art. 19, literal b).",
    )
    misiones.agregar_actividad(
        visita=visita,
        datos={
            "inicio": momento(hoy + timedelta(days=10), 11),
            "actividad": "Reunión técnica",
            "lugar": "CAM, piso 9",
            "anfitrion": directivo_salud,
        },
        usuario=relaciones,
    )
    misiones.registrar_compromisos(
        visita=visita,
        compromisos_=[
            {
                "descripcion": "Enviar la propuesta técnica",
                "responsable": directivo_salud,
                "fecha_limite": hoy + timedelta(days=20),
            }
        ],
        usuario=relaciones,
    )
    return visita


@pytest.fixture
def publica(nueva_visita):
    return nueva_visita(institucion="Embajada de Francia")


def _ver(client, usuario, url):
    client.force_login(usuario)
    return client.get(url)


@pytest.mark.parametrize(
    "quien, esperado",
    [
        ("relaciones", 200),
        ("despacho", 200),
        ("secretario", 200),
        ("enlace_oficina", 200),  # the Oficina
        ("directivo_salud", 200),  # named: host of an activity
        ("consulta", 404),
        ("administrador", 404),
        ("directivo_educacion", 404),
    ],
)
def test_a_reserved_visit_is_seen_only_by_the_oficina_the_despacho_and_who_is_named_on_it(
    client, request, reservada, quien, esperado
):
    usuario = request.getfixturevalue(quien)
    for nombre in ("visita", "ficha_pdf"):
        url = reverse(f"cooperacion_misiones:{nombre}", args=[reservada.pk])
        assert _ver(client, usuario, url).status_code == esperado, nombre


@pytest.mark.parametrize("quien", ["consulta", "administrador", "directivo_educacion"])
def test_outsiders_find_no_trace_of_a_reserved_visit(
    client, request, reservada, publica, cooperante, quien
):
    usuario = request.getfixturevalue(quien)
    client.force_login(usuario)
    lista = reverse("cooperacion_misiones:inicio")

    pagina = client.get(lista)
    texto = pagina.content.decode()
    assert SECRETA not in texto
    assert pagina.context["total"] == (0 if quien == "directivo_educacion" else 1)
    assert client.get(lista, {"q": "Utopía"}).context["total"] == 0
    assert client.get(lista, {"pais": "US"}).context["total"] == 0
    exportado = b"".join(client.get(lista, {"exportar": "csv"}).streaming_content).decode(
        "utf-8-sig"
    )
    assert "reservada" not in exportado.lower() and "Utopía" not in exportado
    assert VisitaInternacional.objects.visibles_para(usuario).filter(pk=reservada.pk).count() == 0
    assert cifras(usuario)["total_visitas"] == (0 if quien == "directivo_educacion" else 1)
    if quien != "directivo_educacion":
        historia = client.get(reverse("cooperacion_alianzas:cooperante", args=[cooperante.pk]))
        assert historia.status_code == 200 and SECRETA not in historia.content.decode()
    tablero = client.get(reverse("cooperacion_alianzas:tablero"))
    assert "Estados Unidos" not in tablero.content.decode()


def test_the_admin_changelist_applies_the_reserve(client, administrador, reservada, publica):
    client.force_login(administrador)
    pagina = client.get("/admin/cooperacion_misiones/visitainternacional/")
    assert pagina.status_code == 200
    assert pagina.context["cl"].result_count == 1
    respuesta = client.get(
        f"/admin/cooperacion_misiones/visitainternacional/{reservada.pk}/change/"
    )
    assert respuesta.status_code in (302, 404)


def test_what_a_reserved_visit_produced_does_not_name_it(reservada, directivo_salud):
    """Its commitment lands on the P005 board of the person named on it; the origin shown
    there (and in every e-mail and notice) says only that it is a reserved visit."""
    compromiso = Compromiso.objects.get(origen_id=reservada.pk)
    assert SECRETA not in compromiso.origen_descripcion
    assert "reservada" in compromiso.origen_descripcion.lower()
    assert SECRETA not in str(reservada)


def test_a_public_visit_is_read_by_control_interno_but_not_written(
    client, consulta, publica, directivo_educacion
):
    client.force_login(consulta)
    assert client.get(reverse("cooperacion_misiones:visita", args=[publica.pk])).status_code == 200
    assert client.get(reverse("cooperacion_misiones:editar", args=[publica.pk])).status_code == 403
    respuesta = client.post(
        reverse("cooperacion_misiones:resultados", args=[publica.pk]), {"resultados": "x"}
    )
    assert respuesta.status_code == 403
    client.force_login(directivo_educacion)
    assert client.get(reverse("cooperacion_misiones:visita", args=[publica.pk])).status_code == 404


@pytest.mark.parametrize(
    "quien, ver, editar",
    [
        ("relaciones", 200, 200),
        ("despacho", 200, 403),
        ("juridica", 200, 403),
        ("consulta", 200, 403),
        ("directivo_educacion", 404, 404),
    ],
)
def test_alliances_and_cooperantes_by_role(
    client, request, alianza, cooperante, quien, ver, editar
):
    usuario = request.getfixturevalue(quien)
    client.force_login(usuario)
    for nombre, registro in (("alianza", alianza), ("cooperante", cooperante)):
        url = reverse(f"cooperacion_alianzas:{nombre}", args=[registro.pk])
        assert client.get(url).status_code == ver, nombre
    editar_url = reverse("cooperacion_alianzas:editar", args=[alianza.pk])
    assert client.get(editar_url).status_code == editar
    recurso = reverse("cooperacion_alianzas:recurso", args=[alianza.pk])
    assert client.post(recurso, {"tipo": "tecnico"}).status_code in (
        (422,) if editar == 200 else (editar,)
    )
