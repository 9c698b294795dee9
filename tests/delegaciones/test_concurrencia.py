"""P001 edits that others may make at the same time: nothing is overwritten silently.

Two people are two clients; one person in two tabs (laptop and phone) is one client that
loaded the page twice. Each posts what its page showed (tests/pestanas.py), hidden version
included.
"""

import pytest
from django.urls import reverse

from buengobierno.organizacion.roles import Rol
from buengobierno.plazos.calendario import sumar_dias_habiles
from delegaciones.models import CompromisoFicha, FichaTecnica
from tests.pestanas import cliente_de, escribir, formulario, otra_pestana

pytestmark = pytest.mark.django_db


def _assert_conflicto(respuesta, *, mio, suyo, campo, form="form"):
    assert respuesta.status_code == 409
    html = respuesta.content.decode()
    assert respuesta.context[form].errors[campo]
    assert "cambió este campo mientras usted lo editaba" in html
    assert mio in html  # what this person typed is still in the field
    assert suyo in html  # beside what is stored now


@pytest.fixture
def otro_despacho(crear_usuario, gobierno):
    return crear_usuario(Rol.DESPACHO, gobierno, username="otro_despacho")


@pytest.fixture
def dos(request, despacho, otro_despacho):
    """(my browser, the other one): another person, or my other tab."""

    def crear(quien):
        mio = cliente_de(despacho)
        return mio, (cliente_de(otro_despacho) if quien == "otra_persona" else otra_pestana(mio))

    return crear


QUIEN = pytest.mark.parametrize("quien", ["otra_persona", "otra_pestana"])


# --- session -------------------------------------------------------------------------------


@QUIEN
def test_a_stale_session_edit_shows_both_texts_and_saves_nothing(dos, nueva_sesion, quien):
    sesion = nueva_sesion(temas="Presupuesto 2027")
    url = reverse("delegaciones:editar_sesion", args=[sesion.pk])
    yo, otro = dos(quien)
    mia, suya = formulario(yo.get(url)), formulario(otro.get(url))
    assert otro.post(url, escribir(suya, temas="Plan de saneamiento fiscal")).status_code == 302

    respuesta = yo.post(url, escribir(mia, temas="Informe de cartera", lugar="Sala 3"))

    _assert_conflicto(
        respuesta, mio="Informe de cartera", suyo="Plan de saneamiento fiscal", campo="temas"
    )
    sesion.refresh_from_db()
    assert (sesion.temas, sesion.lugar) == ("Plan de saneamiento fiscal", "")


@QUIEN
def test_a_session_edit_of_other_fields_merges_quietly(dos, nueva_sesion, quien):
    sesion = nueva_sesion(temas="Presupuesto 2027")
    url = reverse("delegaciones:editar_sesion", args=[sesion.pk])
    yo, otro = dos(quien)
    mia, suya = formulario(yo.get(url)), formulario(otro.get(url))
    otro.post(url, escribir(suya, temas="Plan de saneamiento fiscal"))

    assert yo.post(url, escribir(mia, lugar="Sala 3")).status_code == 302

    sesion.refresh_from_db()
    assert (sesion.temas, sesion.lugar) == ("Plan de saneamiento fiscal", "Sala 3")


def test_a_moved_session_shows_the_stored_date_in_words_beside_mine(dos, nueva_sesion, hoy):
    sesion = nueva_sesion()
    url = reverse("delegaciones:editar_sesion", args=[sesion.pk])
    yo, otro = dos("otra_persona")
    mia, suya = formulario(yo.get(url)), formulario(otro.get(url))
    otro.post(url, escribir(suya, inicio_hora="15:30"))

    respuesta = yo.post(url, escribir(mia, inicio_hora="11:00"))

    assert respuesta.status_code == 409
    assert respuesta.context["form"].errors["inicio"]
    assert "3:30 p. m." in respuesta.content.decode()
    sesion.refresh_from_db()
    assert sesion.inicio.astimezone().strftime("%H:%M") in ("15:30", "20:30")


# --- instancia -------------------------------------------------------------------------------


@QUIEN
def test_a_stale_instancia_edit_shows_both_texts_and_saves_nothing(dos, instancia, quien):
    url = reverse("delegaciones:editar_instancia", args=[instancia.pk])
    yo, otro = dos(quien)
    mia, suya = formulario(yo.get(url)), formulario(otro.get(url))
    assert otro.post(url, escribir(suya, asiento_alcalde="Preside la junta")).status_code == 302

    respuesta = yo.post(url, escribir(mia, asiento_alcalde="Voz y voto", norma="Acuerdo 1"))

    _assert_conflicto(respuesta, mio="Voz y voto", suyo="Preside la junta", campo="asiento_alcalde")
    instancia.refresh_from_db()
    assert (instancia.asiento_alcalde, instancia.norma) == (
        "Preside la junta",
        "Acuerdo 0106 de 2003",
    )


# --- ficha ---------------------------------------------------------------------------------


@pytest.fixture
def ficha_de(aceptada_pasada, directivo_salud, enlace_salud):
    """(delegation, url, the delegate's browser, the other one) for one ficha."""

    def crear(quien):
        delegacion = aceptada_pasada()
        url = reverse("delegaciones:ficha", args=[delegacion.pk])
        yo = cliente_de(directivo_salud)
        otro = cliente_de(enlace_salud) if quien == "otra_persona" else otra_pestana(yo)
        return delegacion, url, yo, otro

    return crear


def _fila(datos, n, descripcion, responsable, fecha):
    return escribir(
        datos,
        **{
            f"compromisos-{n}-descripcion": descripcion,
            f"compromisos-{n}-responsable": str(responsable.pk),
            f"compromisos-{n}-fecha_limite": fecha.isoformat(),
        },
    )


@QUIEN
def test_a_stale_ficha_shows_both_developments_and_saves_nothing(ficha_de, quien):
    delegacion, url, yo, otro = ficha_de(quien)
    mia, suya = formulario(yo.get(url), "form-ficha"), formulario(otro.get(url), "form-ficha")
    guardada = otro.post(url, escribir(suya, desarrollo="Se aprobó el presupuesto", guardar="1"))
    assert guardada.status_code == 302

    respuesta = yo.post(url, escribir(mia, desarrollo="Se aplazó la votación", enviar="1"))

    _assert_conflicto(
        respuesta, mio="Se aplazó la votación", suyo="Se aprobó el presupuesto", campo="desarrollo"
    )
    ficha = FichaTecnica.objects.get(delegacion=delegacion)
    assert ficha.desarrollo == "Se aprobó el presupuesto" and ficha.entregada_en is None
    delegacion.refresh_from_db()
    assert delegacion.estado != "ficha_entregada"


@QUIEN
def test_a_stale_ficha_does_not_drop_the_commitments_another_tab_wrote(
    ficha_de, quien, directivo_salud, hoy
):
    delegacion, url, yo, otro = ficha_de(quien)
    vence = sumar_dias_habiles(hoy, 5)
    mia, suya = formulario(yo.get(url), "form-ficha"), formulario(otro.get(url), "form-ficha")
    suya = _fila(suya, 0, "Enviar el plan de saneamiento", directivo_salud, vence)
    assert otro.post(url, escribir(suya, guardar="1")).status_code == 302

    # This tab did not touch the rows: the other's row stays, this text is saved.
    respuesta = yo.post(url, escribir(mia, decisiones="Se aprobó el plan", guardar="1"))

    assert respuesta.status_code == 302
    ficha = FichaTecnica.objects.get(delegacion=delegacion)
    assert ficha.decisiones == "Se aprobó el plan"
    assert list(ficha.compromisos_adoptados.values_list("descripcion", flat=True)) == [
        "Enviar el plan de saneamiento"
    ]


@QUIEN
def test_commitment_rows_written_in_two_tabs_conflict_and_both_are_shown(
    ficha_de, quien, directivo_salud, hoy
):
    delegacion, url, yo, otro = ficha_de(quien)
    vence = sumar_dias_habiles(hoy, 5)
    mia, suya = formulario(yo.get(url), "form-ficha"), formulario(otro.get(url), "form-ficha")
    otro.post(url, escribir(_fila(suya, 0, "Del otro", directivo_salud, vence), guardar="1"))

    respuesta = yo.post(url, escribir(_fila(mia, 0, "Mío", directivo_salud, vence), guardar="1"))

    assert respuesta.status_code == 409
    html = respuesta.content.decode()
    assert "cambió los compromisos de esta ficha" in html
    assert "Del otro" in html and "Mío" in html
    assert list(CompromisoFicha.objects.values_list("descripcion", flat=True)) == ["Del otro"]
    # Having seen both, saving again keeps the rows on the page.
    assert yo.post(url, formulario(respuesta, "form-ficha")).status_code == 302
    assert list(CompromisoFicha.objects.values_list("descripcion", flat=True)) == ["Mío"]


def test_a_ficha_page_loaded_before_rows_were_replaced_still_saves(ficha_de, directivo_salud, hoy):
    delegacion, url, yo, otro = ficha_de("otra_pestana")
    vence = sumar_dias_habiles(hoy, 5)
    primera = formulario(yo.get(url), "form-ficha")
    yo.post(url, escribir(_fila(primera, 0, "Fila", directivo_salud, vence), guardar="1"))
    mia, suya = formulario(yo.get(url), "form-ficha"), formulario(otro.get(url), "form-ficha")
    otro.post(url, escribir(suya, desarrollo="Del teléfono", guardar="1"))  # rows get new ids

    respuesta = yo.post(url, escribir(mia, asuntos_alcalde="Priorizar el giro", guardar="1"))

    assert respuesta.status_code == 302
    ficha = FichaTecnica.objects.get(delegacion=delegacion)
    assert (ficha.desarrollo, ficha.asuntos_alcalde) == ("Del teléfono", "Priorizar el giro")
    assert list(ficha.compromisos_adoptados.values_list("descripcion", flat=True)) == ["Fila"]


def test_saving_a_draft_again_keeps_the_rows_left_as_they_were(ficha_de, directivo_salud, hoy):
    delegacion, url, yo, _otro = ficha_de("otra_pestana")
    vence = sumar_dias_habiles(hoy, 5)
    primera = formulario(yo.get(url), "form-ficha")
    yo.post(url, escribir(_fila(primera, 0, "Fila", directivo_salud, vence), guardar="1"))

    segunda = formulario(yo.get(url), "form-ficha")
    assert yo.post(url, escribir(segunda, desarrollo="Más notas", guardar="1")).status_code == 302

    ficha = FichaTecnica.objects.get(delegacion=delegacion)
    assert list(ficha.compromisos_adoptados.values_list("descripcion", flat=True)) == ["Fila"]


# --- the transitions of a delegation ------------------------------------------------------


def _accion(delegacion, accion):
    return reverse(f"delegaciones:{accion}", args=[delegacion.pk])


def _pagina_delegacion(cliente, delegacion, accion):
    return formulario(cliente.get(delegacion.get_absolute_url()), f"form-{accion}")


@QUIEN
def test_reviewing_a_ficha_sent_again_since_the_page_was_loaded_is_refused(
    dos, quien, aceptada_pasada, enviar_ficha, despacho
):
    from delegaciones import services

    delegacion = aceptada_pasada()
    enviar_ficha(delegacion)
    yo, otro = dos(quien)
    mia = _pagina_delegacion(yo, delegacion, "revisar")
    suya = _pagina_delegacion(otro, delegacion, "devolver")
    otro.post(_accion(delegacion, "devolver"), escribir(suya, observaciones="Faltan anexos"))
    delegacion.refresh_from_db()
    enviar_ficha(delegacion, desarrollo="Texto completado con los anexos")  # the delegate

    respuesta = yo.post(_accion(delegacion, "revisar"), escribir(mia, observaciones="Bien"))

    assert respuesta.status_code == 409
    assert "la ficha se envió de nuevo" in respuesta.content.decode()
    delegacion.refresh_from_db()
    assert delegacion.estado == "ficha_entregada"
    # Having seen it, the Despacho reviews the completed ficha.
    assert (
        yo.post(_accion(delegacion, "revisar"), formulario(respuesta, "form-revisar")).status_code
        == 302
    )
    delegacion.refresh_from_db()
    assert delegacion.estado == "ficha_revisada"
    assert services.acciones_para(delegacion, despacho) == []


def test_a_step_no_longer_offered_gives_the_typed_text_back_in_a_message(
    dos, nueva_sesion, delegar, despacho
):
    delegacion = delegar(nueva_sesion())
    yo, otro = dos("otra_pestana")
    mia = _pagina_delegacion(yo, delegacion, "cancelar")
    suya = _pagina_delegacion(otro, delegacion, "cancelar")
    otro.post(_accion(delegacion, "cancelar"), escribir(suya, motivo="Se aplazó la sesión"))

    respuesta = yo.post(
        _accion(delegacion, "cancelar"), escribir(mia, motivo="El Alcalde asistirá"), follow=True
    )

    html = respuesta.content.decode()
    assert "El Alcalde asistirá" in html and "cambió este registro" in html
    delegacion.refresh_from_db()
    assert delegacion.motivo_cancelacion == "Se aplazó la sesión"
