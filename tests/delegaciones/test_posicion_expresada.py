"""The ficha records who attended and the position actually expressed (and votes) beside the
postura instructed; the letter and the ficha PDF show both (issue 11, item 10)."""

import pytest
from django.urls import reverse

from delegaciones.models import FichaTecnica
from tests.delegaciones.test_documentos import texto_pdf
from tests.delegaciones.test_vistas import formset

pytestmark = pytest.mark.django_db

POSTURA = "Apoyar el plan de acción sin comprometer recursos adicionales."
EXPRESADA = "Se apoyó el plan, con la salvedad de no comprometer recursos de 2027."
VOTOS = "Plan de acción: 7 votos a favor, 1 abstención; la Administración votó a favor."
ASISTENTES = "Gerente de la E.S.E.\nRevisor fiscal\nDelegado del Gobernador"


def test_the_ficha_stores_attendees_position_and_votes(aceptada_pasada, enviar_ficha):
    delegacion = aceptada_pasada(postura=POSTURA)

    ficha = enviar_ficha(
        delegacion, asistentes=ASISTENTES, posicion_expresada=EXPRESADA, votaciones=VOTOS
    )

    ficha = FichaTecnica.objects.get(pk=ficha.pk)
    assert (ficha.asistentes, ficha.posicion_expresada, ficha.votaciones) == (
        ASISTENTES,
        EXPRESADA,
        VOTOS,
    )


def test_the_ficha_page_shows_the_instructed_postura_beside_the_position_field(
    client, aceptada_pasada, directivo_salud
):
    delegacion = aceptada_pasada(postura=POSTURA)
    client.force_login(directivo_salud)

    respuesta = client.get(reverse("delegaciones:ficha", args=[delegacion.pk]))

    form = respuesta.context["form"]
    assert POSTURA in form.fields["posicion_expresada"].help_text
    respuesta = client.post(
        reverse("delegaciones:ficha", args=[delegacion.pk]),
        {
            "asistentes": ASISTENTES,
            "desarrollo": "Informe de gestión.",
            "decisiones": "Se aprobó el plan.",
            "posicion_expresada": EXPRESADA,
            "votaciones": VOTOS,
            "guardar": "1",
            **formset([]),
        },
    )
    ficha = FichaTecnica.objects.get(delegacion=delegacion)
    assert (ficha.posicion_expresada, ficha.votaciones) == (EXPRESADA, VOTOS)
    pagina = client.get(delegacion.get_absolute_url()).content.decode()
    assert POSTURA in pagina and EXPRESADA in pagina


def test_the_ficha_pdf_shows_the_postura_instructed_and_the_position_expressed(
    client, aceptada_pasada, enviar_ficha, despacho
):
    delegacion = aceptada_pasada(postura=POSTURA)
    enviar_ficha(delegacion, asistentes=ASISTENTES, posicion_expresada=EXPRESADA, votaciones=VOTOS)
    client.force_login(despacho)

    texto = texto_pdf(client.get(reverse("delegaciones:ficha_pdf", args=[delegacion.pk])))

    for esperado in ("Postura instruida", POSTURA, "Posición expresada en la sesión", EXPRESADA):
        assert esperado in texto, esperado
    assert "7 votos a favor" in texto and "Revisor fiscal" in texto


def test_the_letter_shows_the_postura_and_asks_for_the_position_expressed(
    client, nueva_sesion, delegar, despacho
):
    delegacion = delegar(nueva_sesion(), postura=POSTURA)
    client.force_login(despacho)

    texto = texto_pdf(client.get(reverse("delegaciones:carta_pdf", args=[delegacion.pk])))

    assert POSTURA in texto
    assert "la posición que usted expresó frente a la postura aquí instruida" in texto
