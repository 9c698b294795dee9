import io
import re
import threading
from datetime import datetime
from http.server import BaseHTTPRequestHandler, HTTPServer
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from buengobierno.documentos.models import FormularioControlado
from buengobierno.documentos.pdf import (
    ErrorPDF,
    formulario_controlado,
    renderizar_pdf,
    respuesta_pdf,
    ruta_estatica,
)

pytestmark = pytest.mark.usefixtures("plantillas_de_prueba")

BOGOTA = ZoneInfo("America/Bogota")


def paginas(contenido: bytes) -> list[str]:
    return [pagina.extract_text() for pagina in PdfReader(io.BytesIO(contenido)).pages]


def ficha(formulario, **extra):
    contexto = {
        "formulario": formulario,
        "instancia": "Consejo Distrital de Paz, Reconciliación y Convivencia",
        "delegado": "María Fernanda Ocampo",
        "filas": [],
        **extra,
    }
    return renderizar_pdf("pruebas/ficha.html", contexto)


def test_a_controlled_form_carries_the_official_header_and_the_record_data(db):
    formulario = formulario_controlado("MEDE01.09.P001.F001")

    texto = paginas(ficha(formulario))[0]

    assert "ALCALDÍA DE SANTIAGO DE" in texto
    assert "SECRETARÍA DE GOBIERNO" in texto
    assert "Gestión del Buen Gobierno (MEDE01.09)" in texto
    assert "FICHA TÉCNICA DE DELEGACIÓN" in texto
    assert "Código: MEDE01.09.P001.F001" in texto
    assert "Versión: 01" in texto
    assert "Fecha: 26 de julio de 2023" in texto
    assert "Página 1 de 1" in texto
    assert "Consejo Distrital de Paz, Reconciliación y Convivencia" in texto
    assert "María Fernanda Ocampo" in texto


def test_the_header_repeats_on_every_page_with_its_page_number(db):
    formulario = formulario_controlado("MEDE01.09.P001.F001")

    textos = paginas(ficha(formulario, filas=range(120)))

    total = len(textos)
    assert total >= 3
    for numero, texto in enumerate(textos, start=1):
        assert "Código: MEDE01.09.P001.F001" in texto
        assert re.search(rf"Página {numero} de {total}\b", texto)


def test_a_new_version_of_the_form_shows_on_the_next_pdf(db):
    formulario = formulario_controlado("MEDE01.09.P001.F001")
    formulario.version = "02"
    formulario.save()

    texto = paginas(ficha(formulario_controlado("MEDE01.09.P001.F001")))[0]

    assert "Versión: 02" in texto


def test_a_document_without_controlled_code_shows_its_name_and_generation_date():
    generado = datetime(2026, 11, 22, 15, 15, tzinfo=BOGOTA)

    texto = paginas(ficha(None, documento_nombre="Acta de reunión", generado_en=generado))[0]

    assert "ACTA DE REUNIÓN" in texto
    assert "Generado: 22 de noviembre de 2026, 3:15 p. m." in texto.replace("\n", " ")
    assert "Código:" not in texto
    assert "Página 1 de 1" in texto


def test_the_pdf_is_letter_size_and_embeds_dejavu_sans():
    lector = PdfReader(io.BytesIO(ficha(None, documento_nombre="Agenda del día")))

    pagina = lector.pages[0]
    assert (float(pagina.mediabox.width), float(pagina.mediabox.height)) == (612, 792)
    fuentes = {str(f["/BaseFont"]) for f in pagina["/Resources"]["/Font"].get_object().values()}
    assert fuentes and all("DejaVu-Sans" in f for f in fuentes)


@pytest.mark.django_db
def test_every_seeded_form_is_dated_by_the_circular_of_26_july_2023():
    formularios = {f.codigo: f for f in FormularioControlado.objects.all()}

    assert set(formularios) >= {
        "MEDE01.09.P001.F001",
        "MEDE01.09.P004.F001",
        "MEDE01.09.P007.F001",
        "MEDE01.09.P008.F001",
        "MEDE01.09.P005.I001",
    }
    assert formularios["MEDE01.09.P008.F001"].nombre == "Ficha de visita internacional"
    for codigo in formularios:
        assert formularios[codigo].version == "01"
        assert formularios[codigo].fecha_vigencia.isoformat() == "2023-07-26"


@pytest.mark.django_db
def test_an_unknown_form_code_says_which_one_is_missing():
    with pytest.raises(FormularioControlado.DoesNotExist, match="MEDE01.09.P999.F001"):
        formulario_controlado("MEDE01.09.P999.F001")


class _Contador(BaseHTTPRequestHandler):
    peticiones = 0

    def do_GET(self):
        type(self).peticiones += 1
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def servidor_http():
    """A real local HTTP server that counts the requests it receives."""
    _Contador.peticiones = 0
    servidor = HTTPServer(("127.0.0.1", 0), _Contador)
    hilo = threading.Thread(target=servidor.serve_forever, daemon=True)
    hilo.start()
    yield f"http://127.0.0.1:{servidor.server_port}", _Contador
    servidor.shutdown()
    servidor.server_close()


@pytest.mark.parametrize("plantilla", ["pruebas/remoto.html", "pruebas/hoja_remota.html"])
def test_a_template_that_points_to_the_network_is_refused_without_any_request(
    servidor_http, plantilla
):
    direccion, contador = servidor_http

    with pytest.raises(ErrorPDF, match="solo puede usar archivos estáticos"):
        renderizar_pdf(plantilla, {"documento_nombre": "Prueba", "url": f"{direccion}/logo.png"})

    assert contador.peticiones == 0


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "/media/adjuntos/secreto.pdf",
        "/static/%2e%2e/%2e%2e/etc/passwd",
        "ftp://127.0.0.1/logo.png",
    ],
)
def test_a_template_cannot_read_files_outside_the_static_files(url):
    with pytest.raises(ErrorPDF):
        renderizar_pdf("pruebas/remoto.html", {"documento_nombre": "Prueba", "url": url})


def test_a_hashed_static_name_from_collectstatic_is_read_from_static_root(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "staticfiles"
    (settings.STATIC_ROOT / "css").mkdir(parents=True)
    (settings.STATIC_ROOT / "css" / "extra.3f2a1c.css").write_text(".extra { color: #000; }")

    assert ruta_estatica("css/extra.3f2a1c.css") == str(
        settings.STATIC_ROOT / "css" / "extra.3f2a1c.css"
    )
    assert ruta_estatica("css/pdf.css").endswith("static/css/pdf.css")
    assert ruta_estatica("css/no-existe.css") is None


def test_a_missing_static_file_stops_the_rendering():
    with pytest.raises(ErrorPDF, match="no existe"):
        renderizar_pdf(
            "pruebas/remoto.html",
            {"documento_nombre": "Prueba", "url": "/static/img/no-existe.png"},
        )


def test_the_pdf_response_is_a_download_by_default():
    respuesta = respuesta_pdf(b"%PDF-1.7 contenido", "ficha-tecnica")

    assert respuesta["Content-Type"] == "application/pdf"
    assert respuesta["Content-Disposition"] == 'attachment; filename="ficha-tecnica.pdf"'
    assert respuesta["X-Content-Type-Options"] == "nosniff"
    assert b"".join(respuesta.streaming_content) == b"%PDF-1.7 contenido"


def test_the_pdf_response_can_open_in_the_browser():
    respuesta = respuesta_pdf(b"%PDF-1.7", "agenda.pdf", adjunto=False)

    assert respuesta["Content-Disposition"] == 'inline; filename="agenda.pdf"'
