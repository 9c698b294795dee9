"""P003 pages: the role × view matrix, the steps through the pages, and bounded queries."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from actos import muestras, services
from actos.models import ActoAdministrativo, VistoBueno
from proyectos_acuerdo.models import FacultadExtraordinaria
from tests.actos.conftest import vb
from tests.pestanas import cliente_de

pytestmark = pytest.mark.django_db
E = ActoAdministrativo.Estado

USUARIOS = [
    "despacho",
    "directivo_salud",
    "juridica",
    "secretario",
    "consulta",
    "directivo_educacion",
]


@pytest.fixture
def usuarios(despacho, directivo_salud, juridica, secretario, consulta, directivo_educacion):
    return {
        "despacho": despacho,
        "directivo_salud": directivo_salud,
        "juridica": juridica,
        "secretario": secretario,
        "consulta": consulta,
        "directivo_educacion": directivo_educacion,
    }


VEN = {"despacho", "directivo_salud", "juridica", "secretario", "consulta"}


@pytest.mark.parametrize("quien", USUARIOS)
def test_who_sees_an_act_and_an_outsider_gets_404(quien, usuarios, nuevo_acto):
    acto = nuevo_acto()
    cliente = cliente_de(usuarios[quien])

    respuesta = cliente.get(reverse("actos:acto", args=[acto.pk]))

    assert respuesta.status_code == (200 if quien in VEN else 404)
    lista = cliente.get(reverse("actos:actos"))
    assert lista.status_code == 200
    assert (acto.epigrafe[:40] in lista.content.decode()) == (quien in VEN)


@pytest.mark.parametrize("pagina", ["actos:inicio", "actos:actos", "actos:indicadores"])
@pytest.mark.parametrize("quien", USUARIOS)
def test_the_boards_open_for_every_role(pagina, quien, usuarios, nuevo_acto, avanzar):
    avanzar(nuevo_acto(), E.REVISADO)
    assert cliente_de(usuarios[quien]).get(reverse(pagina)).status_code == 200


def test_a_read_only_role_gets_403_on_every_write(consulta, nuevo_acto):
    acto = nuevo_acto()
    cliente = cliente_de(consulta)
    for accion in ("version", "vb_productor", "radicar", "numerar", "anular"):
        assert cliente.post(reverse(f"actos:{accion}", args=[acto.pk]), {}).status_code == 403
    assert cliente.get(reverse("actos:nuevo")).status_code == 403
    assert cliente.get(reverse("actos:revision", args=[acto.pk])).status_code == 403


def test_an_outsider_gets_404_on_writes(directivo_educacion, nuevo_acto):
    acto = nuevo_acto()
    respuesta = cliente_de(directivo_educacion).post(
        reverse("actos:vb_productor", args=[acto.pk]), {"version": acto.version_actual_id}
    )
    assert respuesta.status_code == 404


def test_a_producer_registers_an_act_from_the_page(directivo_salud, decreto):
    cliente = cliente_de(directivo_salud)
    respuesta = cliente.post(
        reverse("actos:nuevo"),
        {
            "tipo": decreto.pk,
            "alcance": "general",
            "epigrafe": "Por el cual se adopta la política de salud mental",
            "urgencia": "normal",
            "relaciones": "Modifica el Decreto 4112.010.20.0100 de 2020",
            "archivo": SimpleUploadedFile("decreto.docx", muestras.bytes_docx("Artículo 1.")),
        },
    )
    acto = ActoAdministrativo.objects.get()
    assert respuesta.status_code == 302
    assert acto.organismo == directivo_salud.organismo
    assert acto.relaciones.get().tipo == "modifica"


def test_a_file_that_is_not_docx_or_pdf_comes_back_beside_the_field(directivo_salud, decreto):
    respuesta = cliente_de(directivo_salud).post(
        reverse("actos:nuevo"),
        {
            "tipo": decreto.pk,
            "alcance": "general",
            "epigrafe": "Un acto",
            "urgencia": "normal",
            "archivo": SimpleUploadedFile("decreto.pdf", b"<html>no soy un PDF</html>"),
        },
    )
    assert respuesta.status_code == 422
    assert respuesta.context["form"].errors["archivo"]
    assert not ActoAdministrativo.objects.exists()


def test_the_producer_sees_why_it_cannot_be_radicated(directivo_salud, nuevo_acto):
    acto = nuevo_acto()
    html = cliente_de(directivo_salud).get(reverse("actos:acto", args=[acto.pk])).content.decode()
    assert "No se puede radicar" in html
    assert "el visto bueno del DAGJP" in html


def test_a_stale_visto_bueno_from_the_page_is_refused_beside_the_form(
    juridica, directivo_salud, nuevo_acto
):
    acto = nuevo_acto()
    vieja = acto.version_actual_id

    services.subir_version(acto=acto, usuario=directivo_salud, archivo=muestras.docx("v2"))

    respuesta = cliente_de(juridica).post(
        reverse("actos:vb_juridica", args=[acto.pk]), {"version": vieja}
    )

    assert respuesta.status_code == 422
    assert "ya no es la vigente" in respuesta.content.decode()
    assert not VistoBueno.objects.exists()


def test_the_review_page_returns_the_act_with_observations(despacho, nuevo_acto, avanzar):
    acto = avanzar(nuevo_acto(), E.EN_REVISION)
    url = reverse("actos:revision", args=[acto.pk])
    cliente = cliente_de(despacho)
    assert cliente.get(url).status_code == 200
    from actos.services import items_aplicables

    datos = {f"cumple_{i}": "si" for i in items_aplicables(acto)}
    datos.update(version=acto.version_actual_id, cumple_considerandos="no")
    respuesta = cliente.post(url, datos)
    assert respuesta.status_code == 422  # the failed item needs its observation
    assert respuesta.context["form"].errors["obs_considerandos"]

    datos["obs_considerandos"] = "Los considerandos no citan la norma que se reglamenta."
    assert cliente.post(url, datos).status_code == 302
    acto.refresh_from_db()
    assert acto.estado == E.DEVUELTO
    html = cliente.get(reverse("actos:acto", args=[acto.pk])).content.decode()
    assert "no citan la norma" in html


def test_signing_from_the_page_without_the_copy_says_so_beside_the_field(
    despacho, nuevo_acto, avanzar
):
    acto = avanzar(nuevo_acto(), E.LISTO_PARA_FIRMA)
    respuesta = cliente_de(despacho).post(reverse("actos:firmar", args=[acto.pk]), {})
    assert respuesta.status_code == 422
    assert "Suba la copia firmada" in respuesta.content.decode()


@pytest.mark.parametrize("filas", [1, 50])
def test_the_list_runs_a_bounded_number_of_queries(
    filas, despacho, nuevo_acto, django_assert_max_num_queries
):
    primero = nuevo_acto()
    ActoAdministrativo.objects.bulk_create(
        ActoAdministrativo(
            tipo=primero.tipo,
            alcance=primero.alcance,
            epigrafe=f"Acto {n}",
            organismo=primero.organismo,
            creado_por=primero.creado_por,
            etapa_desde=primero.etapa_desde,
        )
        for n in range(filas - 1)
    )
    cliente = cliente_de(despacho)
    with django_assert_max_num_queries(14):
        assert cliente.get(reverse("actos:actos")).status_code == 200
    with django_assert_max_num_queries(30):
        assert cliente.get(reverse("actos:inicio")).status_code == 200
    with django_assert_max_num_queries(20):
        assert cliente.get(reverse("actos:acto", args=[primero.pk])).status_code == 200


def test_my_pending_vistos_buenos_are_on_the_board_and_the_desk(
    juridica, directivo_salud, secretario, nuevo_acto, avanzar
):
    pendiente = nuevo_acto(epigrafe="Por el cual se crea el comité de movilidad")
    html = cliente_de(juridica).get(reverse("actos:inicio")).content.decode()
    assert "Dar el visto bueno del DAGJP" in html and "comité de movilidad" in html
    vb(pendiente, juridica, VistoBueno.Tipo.JURIDICA)
    html = cliente_de(juridica).get(reverse("actos:inicio")).content.decode()
    assert "comité de movilidad" not in html

    avanzar(nuevo_acto(epigrafe="Por el cual se fija el horario"), E.REVISADO)
    escritorio = cliente_de(secretario).get(reverse("escritorio")).content.decode()
    assert "Dar el visto bueno del Secretario de Gobierno" in escritorio


def test_what_changed_between_two_docx_versions_is_listed(directivo_salud, nuevo_acto):

    acto = nuevo_acto(archivo=muestras.docx("DECRETO\nArtículo 1. Objeto.\nArtículo 2. Vigencia."))
    services.subir_version(
        acto=acto,
        usuario=directivo_salud,
        archivo=muestras.docx("DECRETO\nArtículo 1. Objeto y alcance.\nArtículo 2. Vigencia."),
    )
    cliente = cliente_de(directivo_salud)
    respuesta = cliente.get(reverse("actos:diferencias", args=[acto.pk, 2]))

    assert ("quitado", "Artículo 1. Objeto.") in respuesta.context["cambios"]
    assert ("agregado", "Artículo 1. Objeto y alcance.") in respuesta.context["cambios"]
    assert ("igual", "Artículo 2. Vigencia.") in respuesta.context["cambios"]
    assert cliente.get(reverse("actos:diferencias", args=[acto.pk, 1])).status_code == 404


def test_an_act_exercises_pro_tempore_faculties_and_the_faculty_lists_it(
    directivo_salud, despacho, decreto
):
    """The link between P003 and P004: an act names the faculties it exercises (only those in
    force today are offered, and the service refuses others), and the faculty's page lists it."""
    hoy = timezone.localdate()
    vigente = FacultadExtraordinaria.objects.create(
        acuerdo="Acuerdo 0451 de 2026",
        objeto="Reglamentar la política de salud mental",
        inicio=hoy - timedelta(days=30),
        fin=hoy + timedelta(days=30),
        responsable=despacho,
    )
    vencida = FacultadExtraordinaria.objects.create(
        acuerdo="Acuerdo 0100 de 2024",
        objeto="Modificar la estructura",
        inicio=hoy - timedelta(days=400),
        fin=hoy - timedelta(days=10),
        responsable=despacho,
    )
    cliente = cliente_de(directivo_salud)
    formulario = cliente.get(reverse("actos:nuevo")).context["form"]
    assert list(formulario.fields["facultad"].queryset) == [vigente]

    def registrar(facultad):
        return cliente.post(
            reverse("actos:nuevo"),
            {
                "tipo": decreto.pk,
                "alcance": "general",
                "epigrafe": "Por el cual se reglamenta la política de salud mental",
                "urgencia": "normal",
                "facultad": facultad.pk,
                "archivo": SimpleUploadedFile("decreto.docx", muestras.bytes_docx("Artículo 1.")),
            },
        )

    rechazo = registrar(vencida)
    assert rechazo.status_code == 422
    assert rechazo.context["form"].errors["facultad"]
    assert not ActoAdministrativo.objects.exists()

    assert registrar(vigente).status_code == 302
    acto = ActoAdministrativo.objects.get()
    assert acto.facultad == vigente
    pagina = (
        cliente_de(despacho)
        .get(reverse("proyectos_acuerdo:facultad", args=[vigente.pk]))
        .content.decode()
    )
    assert acto.get_absolute_url() in pagina
    assert "salud mental" in cliente.get(acto.get_absolute_url()).content.decode()


def test_an_expired_faculty_is_refused_by_the_service_too(directivo_salud, despacho, decreto):
    hoy = timezone.localdate()
    vencida = FacultadExtraordinaria.objects.create(
        acuerdo="Acuerdo 0100 de 2024",
        objeto="Modificar la estructura",
        inicio=hoy - timedelta(days=400),
        fin=hoy - timedelta(days=1),
        responsable=despacho,
    )
    with pytest.raises(ValidationError) as error:
        services.crear_acto(
            usuario=directivo_salud,
            datos={
                "tipo": decreto,
                "alcance": "general",
                "epigrafe": "Un decreto",
                "urgencia": "normal",
                "facultad": vencida,
            },
            archivo=SimpleUploadedFile("d.docx", muestras.bytes_docx("Artículo 1.")),
        )
    assert "facultad" in error.value.message_dict
    assert not ActoAdministrativo.objects.exists()
