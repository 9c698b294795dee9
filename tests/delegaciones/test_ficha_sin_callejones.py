"""A ficha's commitment cannot go to somebody who could never update it (issue 11, item 15)."""

import pytest
from django.urls import reverse

from buengobierno.organizacion.roles import Rol
from buengobierno.plazos.calendario import sumar_dias_habiles
from compromisos.models import Compromiso
from tests.delegaciones.test_vistas import formset

pytestmark = pytest.mark.django_db


def test_a_read_only_responsible_in_the_ficha_is_refused_beside_the_field(
    client, aceptada_pasada, directivo_salud, crear_usuario, hoy
):
    auditor = crear_usuario(Rol.CONSULTA, first_name="Ana", last_name="Auditora")
    delegacion = aceptada_pasada()
    client.force_login(directivo_salud)

    respuesta = client.post(
        reverse("delegaciones:ficha", args=[delegacion.pk]),
        {
            "desarrollo": "Se presentó el informe financiero.",
            "decisiones": "Se aprobó el plan de saneamiento.",
            "asuntos_alcalde": "",
            "enviar": "1",
            **formset([("Enviar el plan.", auditor, sumar_dias_habiles(hoy, 5))]),
        },
    )

    assert respuesta.status_code == 422
    fila = respuesta.context["compromisos"].forms[0]
    assert "no podría actualizar el compromiso" in fila.errors["responsable"][0]
    assert not Compromiso.objects.exists()
