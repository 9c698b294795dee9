"""P004 pages: access per role, every step through its page, the PDF, bounded lists."""

import io
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from proyectos_acuerdo.models import Concepto, Estado, FacultadExtraordinaria
from tests.congelados import media_propia  # noqa: F401
from tests.proyectos.conftest import emitir

pytestmark = pytest.mark.django_db


def texto_pdf(respuesta) -> str:
    contenido = b"".join(respuesta.streaming_content)
    assert contenido.startswith(b"%PDF-")
    texto = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(contenido)).pages)
    return " ".join(texto.split())


@pytest.fixture
def proyecto(en_conceptos):
    return en_conceptos()


def test_the_landing_page_is_the_list_of_projects(client, despacho, proyecto):
    client.force_login(despacho)
    respuesta = client.get(reverse("proyectos_acuerdo:inicio"))
    assert respuesta.status_code == 200
    assert proyecto.titulo in respuesta.content.decode()


@pytest.mark.parametrize("quien", ["despacho", "directivo_salud", "viabilizador", "consulta"])
def test_who_sees_a_project(client, proyecto, quien, request, viabilizadores):
    usuario = (
        viabilizadores[Concepto.Tipo.JURIDICO]
        if quien == "viabilizador"
        else request.getfixturevalue(quien)
    )
    client.force_login(usuario)
    assert client.get(proyecto.get_absolute_url()).status_code == 200


def test_another_organism_gets_404(client, proyecto, directivo_educacion):
    client.force_login(directivo_educacion)
    assert client.get(proyecto.get_absolute_url()).status_code == 404
    assert (
        client.get(reverse("proyectos_acuerdo:inicio")).content.decode().count(proyecto.titulo) == 0
    )


def test_read_only_gets_403_on_writes(client, proyecto, consulta):
    client.force_login(consulta)
    url = reverse("proyectos_acuerdo:registrar_concepto", args=[proyecto.pk])
    assert client.post(url, {}).status_code == 403
    assert client.get(reverse("proyectos_acuerdo:nuevo")).status_code == 403
    assert client.get(reverse("proyectos_acuerdo:editar", args=[proyecto.pk])).status_code == 403


def test_the_formulating_organism_registers_a_project_and_sees_the_fiscal_message(
    client, directivo_salud
):
    client.force_login(directivo_salud)
    datos = {
        "titulo": "Estatuto de rentas",
        "organismo": directivo_salud.organismo_id,
        "responsable": directivo_salud.pk,
        "objeto": "Modificar el estatuto.",
        "numero_articulos": 30,
        "iniciativa_exclusiva": "presupuesto",
        "otorga_beneficios": "on",
    }
    respuesta = client.post(reverse("proyectos_acuerdo:nuevo"), datos)
    assert respuesta.status_code == 302
    pagina = client.get(respuesta.url).content.decode()
    assert "Falta completar la sección de impacto fiscal" in pagina


def test_a_viabilizer_gives_its_concept_from_the_page(client, proyecto, viabilizadores):
    jefe = viabilizadores[Concepto.Tipo.TECNICO]
    client.force_login(jefe)
    pagina = client.get(proyecto.get_absolute_url()).content.decode()
    assert "Emitir el concepto" in pagina
    respuesta = client.post(
        reverse("proyectos_acuerdo:emitir", args=[proyecto.pk]),
        {"tipo": "tecnico", "sentido": "favorable", "texto": "Técnicamente viable."},
    )
    assert respuesta.status_code == 302
    assert proyecto.conceptos.get(tipo="tecnico").sentido == "favorable"


def test_bad_input_comes_back_beside_the_field(client, despacho, proyecto, gobierno):
    client.force_login(despacho)
    respuesta = client.post(
        reverse("proyectos_acuerdo:registrar_concepto", args=[proyecto.pk]),
        {
            "registrar_concepto-tipo": "juridico",
            "tipo": "juridico",
            "organismo": gobierno.pk,
            "sentido": "favorable",
            "texto": "Viable.",
            "medio": "daruma",
            "firmante": "Alguien",
            "fecha": "02/03/2026",
            "radicado": "1",
        },
    )
    assert respuesta.status_code == 400
    assert "no se le pidió" in respuesta.content.decode()
    assert not proyecto.conceptos.exclude(sentido="").exists()


def test_the_ficha_pdf_has_the_official_header_and_the_projects_data(
    client, despacho, proyecto, viabilizadores
):
    emitir(proyecto, viabilizadores[Concepto.Tipo.TECNICO], Concepto.Tipo.TECNICO, "favorable")
    client.force_login(despacho)
    texto = texto_pdf(client.get(reverse("proyectos_acuerdo:ficha_pdf", args=[proyecto.pk])))
    assert "MEDE01.09.P004.F001" in texto
    assert "Ficha técnica proyecto de acuerdo" in texto
    assert proyecto.titulo in texto
    assert "Favorable" in texto


def test_the_agenda_shows_the_period_by_state_timeline_and_calendar(
    client, despacho, viable, periodo
):
    from proyectos_acuerdo import services

    proyecto = viable()
    services.radicar(
        proyecto=proyecto,
        fecha=date(2026, 3, 18),
        numero_concejo="PA-9",
        comision="",
        ponentes="",
        usuario=despacho,
    )
    client.force_login(despacho)
    pagina = client.get(
        reverse("proyectos_acuerdo:agenda"), {"periodo": periodo.pk, "mes": "2026-03"}
    ).content.decode()
    assert proyecto.titulo in pagina
    assert "18 de marzo de 2026" in pagina
    assert str(Estado.RADICADO.label) in pagina
    exportado = client.get(
        reverse("proyectos_acuerdo:inicio"), {"periodo": periodo.pk, "exportar": "csv"}
    )
    assert proyecto.titulo in b"".join(exportado.streaming_content).decode("utf-8-sig")


def test_faculties_are_registered_and_listed(client, despacho):
    client.force_login(despacho)
    respuesta = client.post(
        reverse("proyectos_acuerdo:nueva_facultad"),
        {
            "acuerdo": "Acuerdo 0450 de 2026",
            "objeto": "Modificar la estructura.",
            "inicio": "01/04/2026",
            "fin": "30/09/2026",
            "responsable": despacho.pk,
        },
    )
    assert respuesta.status_code == 302
    facultad = FacultadExtraordinaria.objects.get()
    assert "Decreto 0100" in client.get(facultad.get_absolute_url()).content.decode()
    assert "Acuerdo 0450" in client.get(reverse("proyectos_acuerdo:facultades")).content.decode()


def test_the_list_runs_the_same_queries_for_1_and_50_projects(client, despacho, crear_proyecto):
    client.force_login(despacho)
    crear_proyecto()
    url = reverse("proyectos_acuerdo:inicio")
    client.get(url)
    with CaptureQueriesContext(connection) as uno:
        client.get(url)
    for n in range(49):
        crear_proyecto(titulo=f"Proyecto {n}")
    with CaptureQueriesContext(connection) as cincuenta:
        respuesta = client.get(url)
    assert respuesta.status_code == 200
    assert len(cincuenta) == len(uno)


def test_mi_escritorio_asks_each_viabilizer_its_concept_and_the_despacho_the_discrepancy(
    client, en_conceptos, viabilizadores, despacho
):
    proyecto = en_conceptos()
    client.force_login(viabilizadores[Concepto.Tipo.JURIDICO])
    tareas = [p.titulo for p in client.get(reverse("escritorio")).context["tareas"]]
    assert f"Emitir el concepto jurídico: {proyecto}" in tareas
    for tipo, persona in viabilizadores.items():
        emitir(proyecto, persona, tipo, "desfavorable" if tipo == "juridico" else "favorable")
    client.force_login(despacho)
    tareas = [p.titulo for p in client.get(reverse("escritorio")).context["tareas"]]
    assert f"Resolver las discrepancias: {proyecto}" in tareas


@pytest.mark.usefixtures("media_propia")
def test_the_ficha_freezes_once_the_project_is_viable_and_is_served_from_storage(
    client, despacho, en_conceptos, viabilizadores, al_confirmar
):
    from buengobierno.documentos.models import Adjunto

    proyecto = en_conceptos()
    client.force_login(despacho)
    url = reverse("proyectos_acuerdo:ficha_pdf", args=[proyecto.pk])
    assert "BORRADOR" in texto_pdf(client.get(url))
    assert not Adjunto.objects.filter(generado="proyectos_acuerdo.ficha").exists()
    with al_confirmar():
        for tipo, persona in viabilizadores.items():
            emitir(proyecto, persona, tipo, "favorable")

    guardado = Adjunto.objects.get(generado="proyectos_acuerdo.ficha", object_id=proyecto.pk)
    primera = b"".join(client.get(url).streaming_content)
    assert primera == guardado.archivo.open("rb").read()
    assert "BORRADOR" not in " ".join(
        p.extract_text() for p in PdfReader(io.BytesIO(primera)).pages
    )
