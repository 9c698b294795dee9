"""The meta of the plan de desarrollo in the P001 ficha's commitment rows (issue 11, item
13): chosen per row, carried to the P005 commitment when the ficha is sent, shown in the
ficha's page and PDF."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from compromisos.models import Compromiso, MetaEstrategica
from delegaciones import documentos, services

pytestmark = pytest.mark.django_db


def test_the_meta_of_a_ficha_row_goes_to_its_commitment_and_the_pdf(
    client, aceptada_pasada, enviar_ficha, directivo_salud, hoy
):
    meta = MetaEstrategica.objects.create(codigo="5.1.2", nombre="Cobertura de vacunación")
    delegacion = aceptada_pasada()
    client.force_login(directivo_salud)
    pagina = client.get(reverse("delegaciones:ficha", args=[delegacion.pk])).text
    assert 'name="compromisos-0-meta"' in pagina
    ficha = services.guardar_ficha(
        delegacion=delegacion,
        datos={"desarrollo": "Se sesionó.", "decisiones": "Se aprobó el plan."},
        compromisos=[
            {
                "descripcion": "Enviar el plan de vacunación",
                "responsable": directivo_salud,
                "fecha_limite": hoy,
                "meta": meta,
            }
        ],
        archivos={},
        usuario=directivo_salud,
        enviar=True,
    )
    fila = ficha.compromisos_adoptados.get()
    assert fila.meta == meta
    assert Compromiso.objects.get(pk=fila.compromiso_id).meta == meta
    html = render_to_string("delegaciones/pdf/ficha.html", documentos.contexto_ficha(ficha))
    assert "Meta del plan de desarrollo" in html and "5.1.2 Cobertura de vacunación" in html
