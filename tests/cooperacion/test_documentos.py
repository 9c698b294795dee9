"""The Ficha de visita internacional (MEDE01.09.P008.F001) as a PDF with the official header."""

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from pypdf import PdfReader

from cooperacion.misiones import services as misiones
from tests.conftest import momento

pytestmark = pytest.mark.django_db


def texto_pdf(respuesta) -> str:
    contenido = b"".join(respuesta.streaming_content)
    assert contenido.startswith(b"%PDF-")
    texto = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(contenido)).pages)
    return " ".join(texto.split())


def test_the_ficha_carries_the_header_and_the_whole_visit(
    client, nueva_visita, relaciones, directivo_salud, hoy
):
    visita = nueva_visita()
    misiones.agregar_miembro(
        visita=visita,
        datos={
            "nombre": "Sophie Martin",
            "cargo": "Embajadora",
            "institucion": "",
            "es_jefe": True,
        },
        usuario=relaciones,
    )
    misiones.agregar_actividad(
        visita=visita,
        datos={
            "inicio": momento(hoy + timedelta(days=10), 10),
            "actividad": "Visita al Museo La Tertulia",
            "lugar": "Museo La Tertulia",
            "anfitrion": directivo_salud,
            "participa_secretario": True,
        },
        usuario=relaciones,
    )
    misiones.agregar_item(
        visita=visita,
        datos={"tipo": "interprete", "descripcion": "Francés", "responsable": directivo_salud},
        usuario=relaciones,
    )
    client.force_login(relaciones)

    texto = texto_pdf(client.get(reverse("cooperacion_misiones:ficha_pdf", args=[visita.pk])))

    assert "MEDE01.09.P008.F001" in texto
    assert "Ficha de visita internacional" in texto
    for dato in (
        "Embajada de Francia",
        "Sophie Martin",
        "Museo La Tertulia",
        "Intérprete",
        "Francés",
    ):
        assert dato in texto
    assert "BORRADOR" in texto
