"""Role × view matrix: who sees and who writes commitments and meetings.

secretaria (Despacho de Gobierno) runs everything; directivo_salud is responsible for a
commitment and invited to the meeting; consulta (Control Interno) reads all, writes nothing;
directivo_educacion, of another organism, must not even learn that the records exist.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from buengobierno.documentos.models import Adjunto
from buengobierno.plazos.calendario import sumar_dias_habiles
from compromisos import services
from compromisos.models import Compromiso, Reunion
from tests.compromisos.conftest import reunion_cerrada_con
from tests.conftest import momento
from tests.documentos.conftest import bytes_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def registros(nueva_reunion, secretaria, directivo_salud, hoy):
    cerrada = reunion_cerrada_con(
        nueva_reunion(titulo="Consejo cerrado", invitados=[directivo_salud]),
        secretaria,
        [("Plan de vacunación rural", directivo_salud, sumar_dias_habiles(hoy, 5))],
    )
    abierta = nueva_reunion(titulo="Consejo abierto", invitados=[directivo_salud])
    return {
        "reunion": cerrada,
        "reunion_abierta": abierta,
        "compromiso": cerrada.compromisos.get(),
        "organismo": directivo_salud.organismo,
        "persona": directivo_salud,
    }


@pytest.fixture
def usuarios(secretaria, directivo_salud, consulta, directivo_educacion):
    return {
        "secretaria": secretaria,
        "directivo_salud": directivo_salud,
        "consulta": consulta,
        "directivo_educacion": directivo_educacion,
    }


LECTURAS = [
    ("compromisos:compromiso", "compromiso"),
    ("compromisos:reunion", "reunion"),
    ("compromisos:acta_pdf", "reunion"),
    ("compromisos:planilla_pdf", "reunion"),
    ("compromisos:reunion", "reunion_abierta"),
    ("compromisos:organismo", "organismo"),
    ("compromisos:persona", "persona"),
]


@pytest.mark.parametrize(
    ("usuario", "esperado"),
    [
        ("secretaria", 200),
        ("directivo_salud", 200),
        ("consulta", 200),
        ("directivo_educacion", 404),
    ],
)
@pytest.mark.parametrize(("vista", "objeto"), LECTURAS)
def test_reading_a_record_is_allowed_to_its_people_and_404_to_another_organism(
    client, registros, usuarios, usuario, esperado, vista, objeto
):
    client.force_login(usuarios[usuario])

    respuesta = client.get(reverse(vista, args=[registros[objeto].pk]))

    assert respuesta.status_code == esperado


ESCRITURAS = [
    # view, record, data, expected per user
    (
        "compromisos:avance",
        "compromiso",
        {"nota": "Avance", "porcentaje": "20"},
        {"secretaria": 302, "directivo_salud": 302, "consulta": 403, "directivo_educacion": 404},
    ),
    (
        "compromisos:reprogramar",
        "compromiso",
        {"nueva_fecha": "2099-01-05", "justificacion": "Motivo"},
        # The due date is the Despacho's to move; its responsible person requests a new one.
        {"secretaria": 302, "directivo_salud": 403, "consulta": 403, "directivo_educacion": 404},
    ),
    (
        "compromisos:solicitar_reprogramacion",
        "compromiso",
        {"nueva_fecha": "2099-01-05", "justificacion": "Motivo"},
        {"secretaria": 302, "directivo_salud": 302, "consulta": 403, "directivo_educacion": 404},
    ),
    (
        "compromisos:cancelar",
        "compromiso",
        {"motivo": "Ya no aplica"},
        # Only the follow-up cancels; the responsible person may not drop their own commitment.
        {"secretaria": 302, "directivo_salud": 403, "consulta": 403, "directivo_educacion": 404},
    ),
    (
        "compromisos:guardar_campo",
        "reunion_abierta",
        {"clave": "reunion.objetivo", "valor": "Nuevo objetivo", "version": "0"},
        {"secretaria": 200, "directivo_salud": 403, "consulta": 403, "directivo_educacion": 404},
    ),
    (
        "compromisos:agregar_punto",
        "reunion_abierta",
        {"titulo": "Proposiciones"},
        {"secretaria": 302, "directivo_salud": 403, "consulta": 403, "directivo_educacion": 404},
    ),
    (
        "compromisos:iniciar",
        "reunion_abierta",
        {},
        {"secretaria": 302, "directivo_salud": 403, "consulta": 403, "directivo_educacion": 404},
    ),
]


@pytest.mark.parametrize(
    "usuario", ["secretaria", "directivo_salud", "consulta", "directivo_educacion"]
)
@pytest.mark.parametrize(("vista", "objeto", "datos", "esperados"), ESCRITURAS)
def test_writing_is_for_editors_403_for_read_only_and_404_for_another_organism(
    client, registros, usuarios, usuario, vista, objeto, datos, esperados
):
    client.force_login(usuarios[usuario])

    respuesta = client.post(reverse(vista, args=[registros[objeto].pk]), datos)

    assert respuesta.status_code == esperados[usuario]


def test_a_refused_write_changes_nothing(client, registros, directivo_salud, consulta):
    for persona, vista, datos in (
        (directivo_salud, "compromisos:cancelar", {"motivo": "x"}),
        (consulta, "compromisos:avance", {"nota": "x", "porcentaje": "50"}),
    ):
        client.force_login(persona)
        client.post(reverse(vista, args=[registros["compromiso"].pk]), datos)

    compromiso = Compromiso.objects.get()
    assert (compromiso.estado, compromiso.avance) == (Compromiso.Estado.PENDIENTE, 0)
    assert not compromiso.avances.exists()


@pytest.mark.parametrize(
    ("usuario", "esperado"),
    [
        ("secretaria", 200),
        ("directivo_salud", 403),
        ("consulta", 403),
        ("directivo_educacion", 404),
    ],
)
def test_only_editors_open_the_live_page(client, registros, usuarios, usuario, esperado):
    client.force_login(usuarios[usuario])

    respuesta = client.get(reverse("compromisos:en_vivo", args=[registros["reunion_abierta"].pk]))

    assert respuesta.status_code == esperado


@pytest.mark.parametrize(
    ("usuario", "esperado"),
    [("secretaria", 200), ("directivo_salud", 200), ("consulta", 403)],
)
@pytest.mark.parametrize("vista", ["compromisos:nueva_reunion", "compromisos:nuevo"])
def test_read_only_roles_cannot_create(client, usuarios, usuario, esperado, vista):
    client.force_login(usuarios[usuario])

    assert client.get(reverse(vista)).status_code == esperado


def test_the_board_shows_each_person_only_what_they_may_see(
    client, registros, enlace_salud, directivo_educacion, consulta
):
    vistos = {}
    for persona in (enlace_salud, directivo_educacion, consulta):
        client.force_login(persona)
        respuesta = client.get(reverse("compromisos:inicio"))
        vistos[persona.username] = [c.pk for c in respuesta.context["object_list"]]

    compromiso = registros["compromiso"].pk
    assert vistos == {
        "enlace.salud": [compromiso],  # same organism as the responsible
        "jefe.educacion": [],
        "consulta": [compromiso],
    }


def test_a_directivo_convenes_only_in_the_name_of_their_organism(client, directivo_salud):
    client.force_login(directivo_salud)

    respuesta = client.get(reverse("compromisos:nueva_reunion"))

    opciones = list(respuesta.context["form"].fields["organismo_convocante"].queryset)
    assert opciones == [directivo_salud.organismo]


def test_anonymous_visitors_are_sent_to_log_in(client, registros):
    respuesta = client.get(reverse("compromisos:compromiso", args=[registros["compromiso"].pk]))

    assert respuesta.status_code == 302
    assert "/cuentas/" in respuesta.url


# --- role checks inside the services, not only in the pages (issue 9) -------------------------


@pytest.mark.parametrize("quien", ["consulta", "directivo_educacion"])
def test_the_meeting_and_commitment_services_refuse_who_may_not_write(
    registros, usuarios, quien, hoy
):

    usuario = usuarios[quien]
    abierta, compromiso = registros["reunion_abierta"], registros["compromiso"]
    llamadas = [
        lambda: services.iniciar_reunion(reunion=abierta, usuario=usuario),
        lambda: services.actualizar_reunion(reunion=abierta, datos={"lugar": "X"}, usuario=usuario),
        lambda: services.agregar_decision(reunion=abierta, texto="Intrusa", usuario=usuario),
        lambda: services.agregar_punto(
            reunion=abierta, titulo="Intruso", presentador="", usuario=usuario
        ),
        lambda: services.guardar_campo(
            reunion=abierta, clave="reunion.objetivo", valor="X", version=0, usuario=usuario
        ),
        lambda: services.cerrar_reunion(reunion=abierta, usuario=usuario),
        lambda: services.registrar_avance(
            compromiso=compromiso, nota="Intruso", porcentaje=50, usuario=usuario
        ),
        lambda: services.marcar_cumplido(compromiso=compromiso, nota="Intruso", usuario=usuario),
        lambda: services.reprogramar_compromiso(
            compromiso=compromiso,
            nueva_fecha=sumar_dias_habiles(hoy, 20),
            justificacion="Intruso",
            usuario=usuario,
        ),
        lambda: services.solicitar_reprogramacion(
            compromiso=compromiso,
            nueva_fecha=sumar_dias_habiles(hoy, 20),
            justificacion="Intruso",
            usuario=usuario,
        ),
    ]

    for llamada in llamadas:
        with pytest.raises(PermissionDenied):
            llamada()

    abierta.refresh_from_db()
    compromiso.refresh_from_db()
    assert abierta.estado == Reunion.Estado.PROGRAMADA and not abierta.decisiones.exists()
    assert compromiso.estado == Compromiso.Estado.PENDIENTE and compromiso.avance == 0


def test_a_directivo_cannot_convene_in_the_name_of_another_organism_through_the_service(
    directivo_educacion, directivo_salud, consejo, hoy
):

    with pytest.raises(PermissionDenied):
        services.convocar_reunion(
            tipo=consejo,
            titulo="Mesa ajena",
            inicio=momento(hoy, 9),
            fin=momento(hoy, 10),
            organismo_convocante=directivo_salud.organismo,
            puntos=[],
            invitados=[],
            creado_por=directivo_educacion,
        )


# --- no attachments to closed records (issue 9) -----------------------------------------------


def adjuntar(client, objeto):
    tipo = ContentType.objects.get_for_model(objeto)
    archivo = SimpleUploadedFile("acta-alterna.pdf", bytes_pdf(), content_type="application/pdf")
    return client.post(
        reverse("documentos:adjuntar", args=[tipo.pk, objeto.pk]), {"archivo": archivo}
    )


@pytest.fixture
def verificado(registros, secretaria, directivo_salud):
    compromiso = registros["compromiso"]
    services.marcar_cumplido(compromiso=compromiso, nota="Entregado.", usuario=directivo_salud)
    return services.verificar_compromiso(compromiso=compromiso, usuario=secretaria)


def test_nothing_is_attached_by_post_to_a_closed_meeting(
    client, registros, secretaria, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(secretaria)

    respuesta = adjuntar(client, registros["reunion"])

    assert respuesta.status_code == 403
    assert not Adjunto.objects.de(registros["reunion"]).filter(subido_por=secretaria).exists()


def test_nothing_is_attached_by_post_to_a_verified_commitment(
    client, verificado, directivo_salud, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(directivo_salud)

    respuesta = adjuntar(client, verificado)

    assert respuesta.status_code == 403
    assert not Adjunto.objects.de(verificado).exists()


def test_an_open_meeting_still_takes_attachments(client, registros, secretaria, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(secretaria)

    respuesta = adjuntar(client, registros["reunion_abierta"])

    assert respuesta.status_code == 302
    assert Adjunto.objects.de(registros["reunion_abierta"]).count() == 1


def test_a_read_only_role_cannot_register_a_commitment_through_the_service(
    consulta, directivo_salud, hoy
):
    with pytest.raises(PermissionDenied):
        services.crear_compromisos(
            origen=None,
            compromisos=[
                {"descripcion": "Intruso", "responsable": directivo_salud, "fecha_limite": hoy}
            ],
            creado_por=consulta,
        )

    assert not Compromiso.objects.filter(descripcion="Intruso").exists()
