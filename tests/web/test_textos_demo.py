"""What a person reads in the demo — its pages, PDFs, e-mails and notices — never has an ISO
date ("2026-11-26") nor a double period ("8:41 a. m..") (issue 10)."""

import io
import re
from html.parser import HTMLParser
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from buengobierno.avisos import registro
from buengobierno.avisos.models import Notificacion
from buengobierno.organizacion.models import Usuario
from buengobierno.plazos.calendario import sumar_dias_habiles
from compromisos import services as compromisos
from compromisos.models import Compromiso, Reunion, TipoReunion
from delegaciones import services as delegaciones
from delegaciones.models import Delegacion, Instancia, Sesion

pytestmark = pytest.mark.django_db

ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
DOBLE_PUNTO = re.compile(r"(?<!\.)\.\.(?!\.)")


class _Texto(HTMLParser):
    """The text a person reads on a page: text nodes and what the visible inputs show (not
    the attributes a machine reads, like <time datetime> or data-…)."""

    OCULTOS = {"script", "style", "template"}

    def __init__(self):
        super().__init__()
        self.partes, self._oculto = [], 0

    def handle_starttag(self, etiqueta, atributos):
        atributos = dict(atributos)
        if etiqueta in self.OCULTOS:
            self._oculto += 1
        elif etiqueta in {"input", "textarea"} and atributos.get("type") != "hidden":
            self.partes += [atributos.get("value") or "", atributos.get("placeholder") or ""]
        elif etiqueta == "option":
            self.partes.append(atributos.get("label") or "")

    def handle_endtag(self, etiqueta):
        if etiqueta in self.OCULTOS:
            self._oculto -= 1

    def handle_data(self, datos):
        if not self._oculto:
            self.partes.append(datos)


def texto_de_pagina(html: str) -> str:
    lector = _Texto()
    lector.feed(html)
    return " ".join(" ".join(lector.partes).split())


def texto_de_pdf(respuesta) -> str:
    contenido = b"".join(respuesta.streaming_content) if respuesta.streaming else respuesta.content
    paginas = PdfReader(io.BytesIO(contenido)).pages
    return " ".join(" ".join(p.extract_text() for p in paginas).split())


def problemas(donde: str, texto: str) -> list[str]:
    hallados = []
    for patron, que in ((ISO, "fecha ISO"), (DOBLE_PUNTO, "punto doble")):
        for encontrado in patron.finditer(texto):
            contexto = texto[max(0, encontrado.start() - 50) : encontrado.end() + 20]
            hallados.append(f"{donde}: {que} en «…{contexto}…»")
    return hallados


@pytest.fixture
def demo():
    call_command("cargar_demo", "--forzar", stdout=StringIO())
    return {u.username: u for u in Usuario.objects.all()}


def _paginas():
    reuniones = list(Reunion.objects.all())
    return [
        reverse("escritorio"),
        reverse("avisos:lista"),
        reverse("delegaciones:inicio"),
        reverse("delegaciones:delegaciones"),
        reverse("delegaciones:sesiones"),
        reverse("delegaciones:calendario"),
        reverse("delegaciones:instancias"),
        reverse("delegaciones:indicadores"),
        *(d.get_absolute_url() for d in Delegacion.objects.all()),
        *(s.get_absolute_url() for s in Sesion.objects.all()),
        *(i.get_absolute_url() for i in Instancia.objects.all()),
        reverse("compromisos:inicio"),
        reverse("compromisos:reuniones"),
        reverse("compromisos:indicadores"),
        *(c.get_absolute_url() for c in Compromiso.objects.exclude(estado="borrador")),
        *(r.get_absolute_url() for r in reuniones),
        *(reverse("compromisos:en_vivo", args=[r.pk]) for r in reuniones if not r.cerrada),
    ]


def test_pages_pdfs_notices_and_emails_of_the_demo_read_as_a_person_writes(
    client, demo, mailoutbox, al_confirmar
):
    hallados = []
    client.force_login(demo["despacho"])
    for ruta in _paginas():
        respuesta = client.get(ruta, follow=True)
        assert respuesta.status_code == 200, ruta
        hallados += problemas(ruta, texto_de_pagina(respuesta.content.decode()))
    client.force_login(demo["directivo"])
    for ruta in (reverse("escritorio"), reverse("delegaciones:mis_delegaciones")):
        hallados += problemas(ruta, texto_de_pagina(client.get(ruta).content.decode()))

    client.force_login(demo["despacho"])
    # One document of each kind and state (rendering PDFs is what costs here): the closed
    # acta and a draft one, an attendance sheet, the letters of bodies whose names end in
    # "E.S.E." and "S.A.", a delivered ficha and a draft one.
    cerrada = Reunion.objects.filter(estado="cerrada").first()
    abierta = Reunion.objects.exclude(estado="cerrada").first()
    pdfs = [
        reverse("compromisos:acta_pdf", args=[cerrada.pk]),
        reverse("compromisos:acta_pdf", args=[abierta.pk]),
        reverse("compromisos:planilla_pdf", args=[cerrada.pk]),
    ]
    con_carta = Delegacion.objects.exclude(numero_carta="")
    for final in ("E.S.E.", "S.A."):
        carta = con_carta.filter(sesion__instancia__nombre__endswith=final).first()
        pdfs.append(reverse("delegaciones:carta_pdf", args=[carta.pk]))
    for entregada in (False, True):
        d = Delegacion.objects.filter(
            ficha__isnull=False, ficha__entregada_en__isnull=not entregada
        ).first()
        pdfs.append(reverse("delegaciones:ficha_pdf", args=[d.pk]))
    for ruta in pdfs:
        respuesta = client.get(ruta)
        assert respuesta.status_code == 200, ruta
        hallados += problemas(ruta, texto_de_pdf(respuesta))

    # Every e-mail the system writes: the scans over the demo, a delegation, a meeting
    # convened and commitments assigned.
    hoy = timezone.localdate()
    with al_confirmar():
        for nombre in registro.escaneos():
            registro.ejecutar(nombre)
        sesion = delegaciones.registrar_sesion(
            datos={
                "instancia": Instancia.objects.get(nombre__startswith="Asamblea"),
                "inicio": timezone.now() + timezone.timedelta(days=3),
                "lugar": "Sede de Metrocali S.A.",
            },
            archivos={},
            usuario=demo["despacho"],
        )
        delegaciones.delegar(
            sesion=sesion,
            delegado=demo["directivo"],
            usuario=demo["despacho"],
            instrucciones="Votar los estados financieros.",
        )
        reunion = compromisos.convocar_reunion(
            tipo=TipoReunion.objects.first(),
            titulo="Consejo extraordinario",
            inicio=timezone.now() + timezone.timedelta(days=1),
            fin=timezone.now() + timezone.timedelta(days=1, hours=2),
            organismo_convocante=demo["despacho"].organismo,
            puntos=["Único punto"],
            invitados=[demo["directivo"], demo["enlace"]],
            creado_por=demo["despacho"],
        )
        compromisos.crear_compromisos(
            origen=reunion,
            compromisos=[
                {
                    "descripcion": "Enviar el informe.",
                    "responsable": demo["enlace"],
                    "fecha_limite": sumar_dias_habiles(hoy, 5),
                }
            ],
            creado_por=demo["despacho"],
        )
    assert len(mailoutbox) >= 5
    for correo in mailoutbox:
        html = correo.alternatives[0][0]
        hallados += problemas(f"correo «{correo.subject}»", correo.subject + " " + correo.body)
        hallados += problemas(f"correo «{correo.subject}» (HTML)", texto_de_pagina(html))
    for aviso in Notificacion.objects.all():
        hallados += problemas(f"aviso «{aviso.titulo}»", f"{aviso.titulo} {aviso.mensaje}")

    assert not hallados, "\n".join(hallados)
