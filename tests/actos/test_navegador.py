"""The main flow of P003 in a real browser: a producer uploads an act; the DAGJP and the
producer give their vistos buenos; the Despacho returns it with observations; a new version
voids them and they are given again; the review passes; the Secretario gives his; it is
signed, numbered and published."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from actos import muestras
from actos.models import ActoAdministrativo, VistoBueno
from tests.navegador import escribir_fecha, revisar_pagina

CLAVE = "clave-de-prueba-123"  # tests.factories.UsuarioFactory
EPIGRAFE = "Por el cual se adopta la Política Pública de Salud Mental del Distrito"


def _archivo(nombre, datos, tipo):
    return [{"name": nombre, "mimeType": tipo, "buffer": datos}]


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_act_goes_from_the_producer_to_publication_through_every_visto_bueno(
    live_server, pagina, entrar, despacho, directivo_salud, juridica, secretario, decreto
):
    url = lambda acto: live_server.url + acto.get_absolute_url()  # noqa: E731

    # The producer opens P003 from the sidebar and uploads the act.
    entrar(pagina, directivo_salud.username, CLAVE)
    pagina.locator("#barra-lateral").get_by_role("link", name="P003").click()
    revisar_pagina(pagina)
    pagina.get_by_role("link", name="Nuevo acto").click()
    pagina.locator("#id_tipo").select_option(label="Decreto")
    pagina.locator("#id_alcance").select_option(label="General")
    pagina.get_by_label("Epígrafe").fill(EPIGRAFE)
    pagina.get_by_label("Texto del acto").set_input_files(
        files=_archivo("decreto.docx", muestras.bytes_docx("DECRETO\nArtículo 1."), DOCX)
    )
    revisar_pagina(pagina)
    pagina.get_by_role("button", name="Registrar el acto").click()
    acto = ActoAdministrativo.objects.get()
    pagina.wait_for_url(url(acto))
    expect(pagina.locator("#siguiente-paso")).to_contain_text("el visto bueno del DAGJP")
    revisar_pagina(pagina)
    pagina.get_by_role("button", name="Visto bueno del productor").click()
    expect(pagina.locator("#siguiente-paso")).not_to_contain_text("organismo productor,")

    def visto_del_dagjp():
        entrar(pagina, juridica.username, CLAVE)
        pagina.goto(url(acto))
        pagina.get_by_role("button", name="Visto bueno del DAGJP").click()
        expect(pagina.locator("#marcas")).to_be_visible()

    def radicar_y_abrir_la_revision():
        entrar(pagina, despacho.username, CLAVE)
        pagina.goto(url(acto))
        pagina.get_by_role("button", name="Radicar para la firma").click()
        expect(pagina.locator("#estado-acto")).to_have_text("En revisión de forma")
        pagina.get_by_role("link", name="Revisar la forma").click()
        for item in ("competencia", "epigrafe", "considerandos", "fundamento", "articulado",
                     "vigencia", "antefirmas", "anexos", "estilo"):  # fmt: skip
            pagina.locator(f"input[name=cumple_{item}][value=si]").check()

    visto_del_dagjp()

    # The Despacho returns it with an observation.
    radicar_y_abrir_la_revision()
    revisar_pagina(pagina)
    pagina.locator("input[name=cumple_considerandos][value=no]").check()
    pagina.get_by_label("Observación sobre considerandos").fill(
        "Los considerandos no citan la Ley 1616 de 2013."
    )
    pagina.get_by_role("button", name="Guardar la revisión").click()
    expect(pagina.locator("#estado-acto")).to_have_text("Devuelto al productor")
    expect(pagina.locator("#revisiones")).to_contain_text("Ley 1616 de 2013")

    # The producer uploads a new version: the earlier vistos buenos are void.
    entrar(pagina, directivo_salud.username, CLAVE)
    pagina.goto(url(acto))
    revisar_pagina(pagina)
    pagina.get_by_label("Nueva versión del texto").set_input_files(
        files=_archivo("decreto-v2.docx", muestras.bytes_docx("DECRETO\nConsiderando."), DOCX)
    )
    pagina.get_by_label("Qué cambió").fill("Se citan las normas en los considerandos.")
    pagina.get_by_role("button", name="Subir la nueva versión").click()
    expect(pagina.locator("#estado-acto")).to_have_text("En vistos buenos")
    expect(pagina.locator("#vistos-buenos")).to_contain_text("anulado por una nueva versión")
    assert not VistoBueno.objects.filter(anulado_en__isnull=True).exists()
    pagina.get_by_role("button", name="Visto bueno del productor").click()
    visto_del_dagjp()

    # The review passes; the Secretario gives his visto bueno.
    radicar_y_abrir_la_revision()
    pagina.get_by_role("button", name="Guardar la revisión").click()
    expect(pagina.locator("#estado-acto")).to_contain_text("Revisado")
    entrar(pagina, secretario.username, CLAVE)
    pagina.goto(url(acto))
    pagina.get_by_role("button", name="Visto bueno del Secretario").click()
    expect(pagina.locator("#estado-acto")).to_have_text("Listo para firma")
    revisar_pagina(pagina)

    # Signed, numbered and published.
    entrar(pagina, despacho.username, CLAVE)
    pagina.goto(url(acto))
    pagina.get_by_label("Copia firmada (PDF)").set_input_files(
        files=_archivo("firmado.pdf", muestras.bytes_pdf(), "application/pdf")
    )
    escribir_fecha(pagina, "Fecha de la firma", timezone.localdate())
    pagina.get_by_role("button", name="Registrar la firma del Alcalde").click()
    expect(pagina.locator("#estado-acto")).to_have_text("Firmado")
    pagina.once("dialog", lambda dialogo: dialogo.accept())
    pagina.get_by_role("button", name="Asignar número y fecha").click()
    expect(pagina.locator("#numero-acto")).to_contain_text("4112.010.20.0001")
    pagina.get_by_label("Boletín Oficial No.").fill("112")
    escribir_fecha(pagina, "Fecha de publicación", timezone.localdate())
    pagina.get_by_role("button", name="Registrar la publicación").click()
    expect(pagina.locator("#estado-acto")).to_have_text("Publicado")
    expect(pagina.locator("#publicacion")).to_contain_text("Boletín Oficial No. 112")
    revisar_pagina(pagina)
    acto.refresh_from_db()
    assert acto.devoluciones == 1 and acto.version_actual.numero == 2
