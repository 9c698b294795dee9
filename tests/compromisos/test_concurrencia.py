"""P005 edits that others may make at the same time: nothing is overwritten silently.

Two people are two clients; one person in two tabs (laptop and phone) is one client that
loaded the page twice. Each posts what its page showed (tests/pestanas.py), hidden version
included.
"""

import pytest
from django.urls import reverse

from buengobierno.web.concurrencia import CAMPO
from compromisos import services
from compromisos.models import Reunion
from tests.pestanas import cliente_de, escribir, formulario, otra_pestana

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def colega(crear_usuario, gobierno):
    return crear_usuario("Despacho de Gobierno", gobierno, username="colega")


@pytest.fixture
def cliente(secretaria):
    return cliente_de(secretaria)


@pytest.fixture
def otro_cliente(colega):
    return cliente_de(colega)


@pytest.fixture
def misma_sesion(cliente):
    return otra_pestana(cliente)


def _editar(reunion):
    return reverse("compromisos:editar_reunion", args=[reunion.pk])


def _guardar_en_vivo(cliente, reunion, clave, valor, version):
    return cliente.post(
        reverse("compromisos:guardar_campo", args=[reunion.pk]),
        {"clave": clave, "valor": valor, "version": version},
        **HTMX,
    )


def _version_en_vivo(respuesta, clave) -> str:
    """data-version of a live field as the live page shows it."""
    html = respuesta.content.decode()
    inicio = html.index(f'data-clave="{clave}"')
    etiqueta = html[html.rindex("<", 0, inicio) : html.index(">", inicio)]
    return etiqueta.split('data-version="')[1].split('"')[0]


def _assert_conflicto(respuesta, *, mio, suyo, campo):
    assert respuesta.status_code == 409
    html = respuesta.content.decode()
    form = respuesta.context["form"]
    assert form.errors[campo]
    assert "cambió este campo mientras usted lo editaba" in html
    assert mio in html  # what this person typed is still in the field
    assert suyo in html  # beside what is stored now


@pytest.mark.parametrize("quien", ["otra_persona", "otra_pestana"])
def test_a_stale_meeting_edit_shows_both_objectives_and_saves_nothing(
    request, cliente, reunion, quien
):
    otro = request.getfixturevalue("otro_cliente" if quien == "otra_persona" else "misma_sesion")
    mia = formulario(cliente.get(_editar(reunion)))
    suya = formulario(otro.get(_editar(reunion)))
    assert (
        otro.post(_editar(reunion), escribir(suya, objetivo="Revisar el presupuesto")).status_code
        == 302
    )

    respuesta = cliente.post(
        _editar(reunion), escribir(mia, objetivo="Aprobar el plan de lluvias", titulo="Nuevo")
    )

    _assert_conflicto(
        respuesta, mio="Aprobar el plan de lluvias", suyo="Revisar el presupuesto", campo="objetivo"
    )
    reunion.refresh_from_db()
    assert reunion.objetivo == "Revisar el presupuesto"
    assert reunion.titulo == "Consejo de Gobierno ordinario"  # nothing of the submit saved


def test_after_seeing_both_texts_saving_again_keeps_mine(cliente, otro_cliente, reunion):
    mia = formulario(cliente.get(_editar(reunion)))
    suya = formulario(otro_cliente.get(_editar(reunion)))
    otro_cliente.post(_editar(reunion), escribir(suya, objetivo="Revisar el presupuesto"))
    conflicto = cliente.post(_editar(reunion), escribir(mia, objetivo="Aprobar el plan"))

    respuesta = cliente.post(_editar(reunion), formulario(conflicto))

    assert respuesta.status_code == 302
    reunion.refresh_from_db()
    assert reunion.objetivo == "Aprobar el plan"


def test_changes_to_fields_this_submit_did_not_touch_merge_quietly(cliente, otro_cliente, reunion):
    mia = formulario(cliente.get(_editar(reunion)))
    suya = formulario(otro_cliente.get(_editar(reunion)))
    otro_cliente.post(_editar(reunion), escribir(suya, objetivo="Revisar el presupuesto"))

    respuesta = cliente.post(_editar(reunion), escribir(mia, lugar="Salón del Concejo"))

    assert respuesta.status_code == 302
    reunion.refresh_from_db()
    assert reunion.objetivo == "Revisar el presupuesto"
    assert reunion.lugar == "Salón del Concejo"


def test_in_a_conflict_a_field_changed_only_elsewhere_shows_the_stored_value(
    cliente, otro_cliente, reunion
):
    mia = formulario(cliente.get(_editar(reunion)))
    suya = formulario(otro_cliente.get(_editar(reunion)))
    otro_cliente.post(
        _editar(reunion), escribir(suya, objetivo="Revisar el presupuesto", lugar="Sala 2")
    )
    conflicto = cliente.post(_editar(reunion), escribir(mia, objetivo="Aprobar el plan"))
    assert conflicto.status_code == 409

    de_nuevo = formulario(conflicto)

    assert de_nuevo["lugar"] == ["Sala 2"]
    assert de_nuevo["objetivo"] == ["Aprobar el plan"]
    assert cliente.post(_editar(reunion), de_nuevo).status_code == 302
    reunion.refresh_from_db()
    assert (reunion.objetivo, reunion.lugar) == ("Aprobar el plan", "Sala 2")


@pytest.mark.parametrize("quien", ["otra_persona", "otra_pestana"])
def test_the_edit_form_does_not_overwrite_an_objective_typed_on_the_live_page(
    request, cliente, reunion, quien
):
    otro = request.getfixturevalue("otro_cliente" if quien == "otra_persona" else "misma_sesion")
    mia = formulario(cliente.get(_editar(reunion)))
    en_vivo = otro.get(reverse("compromisos:en_vivo", args=[reunion.pk]))
    version = _version_en_vivo(en_vivo, "reunion.objetivo")
    assert (
        _guardar_en_vivo(otro, reunion, "reunion.objetivo", "Escrito en vivo", version).status_code
        == 200
    )

    respuesta = cliente.post(_editar(reunion), escribir(mia, objetivo="Escrito en el formulario"))

    _assert_conflicto(
        respuesta, mio="Escrito en el formulario", suyo="Escrito en vivo", campo="objetivo"
    )
    reunion.refresh_from_db()
    assert reunion.objetivo == "Escrito en vivo"


@pytest.mark.parametrize("quien", ["otra_persona", "otra_pestana"])
def test_the_live_page_does_not_overwrite_an_objective_saved_by_the_edit_form(
    request, cliente, reunion, quien
):
    otro = request.getfixturevalue("otro_cliente" if quien == "otra_persona" else "misma_sesion")
    en_vivo = cliente.get(reverse("compromisos:en_vivo", args=[reunion.pk]))
    version = _version_en_vivo(en_vivo, "reunion.objetivo")
    suya = formulario(otro.get(_editar(reunion)))
    assert otro.post(_editar(reunion), escribir(suya, objetivo="Del formulario")).status_code == 302

    respuesta = _guardar_en_vivo(cliente, reunion, "reunion.objetivo", "Del vivo", version)

    assert respuesta.status_code == 409
    assert respuesta.json()["valor"] == "Del formulario"
    reunion.refresh_from_db()
    assert reunion.objetivo == "Del formulario"


def test_a_live_field_saved_in_another_tab_of_the_same_person_is_a_conflict(
    cliente, misma_sesion, reunion
):
    punto = reunion.puntos.first()
    clave = f"punto.{punto.pk}.desarrollo"
    pagina = cliente.get(reverse("compromisos:en_vivo", args=[reunion.pk]))
    version = _version_en_vivo(pagina, clave)
    misma_sesion.get(reverse("compromisos:en_vivo", args=[reunion.pk]))
    assert (
        _guardar_en_vivo(misma_sesion, reunion, clave, "Desde el teléfono", version).status_code
        == 200
    )

    respuesta = _guardar_en_vivo(cliente, reunion, clave, "Desde el portátil", version)

    assert respuesta.status_code == 409
    assert respuesta.json()["valor"] == "Desde el teléfono"
    punto.refresh_from_db()
    assert punto.desarrollo == "Desde el teléfono"


def test_a_damaged_version_field_is_refused_with_a_message_not_an_error(cliente, reunion):
    datos = formulario(cliente.get(_editar(reunion)))

    respuesta = cliente.post(
        _editar(reunion), escribir(datos, **{CAMPO: "x" * 300, "objetivo": "Otro"})
    )

    assert respuesta.status_code == 422
    assert "Recargue la página" in respuesta.content.decode()
    reunion.refresh_from_db()
    assert reunion.objetivo == ""


def test_a_submit_without_version_saves_as_before(cliente, reunion):
    datos = formulario(cliente.get(_editar(reunion)))
    del datos[CAMPO]

    assert (
        cliente.post(_editar(reunion), escribir(datos, objetivo="Sin versión")).status_code == 302
    )
    assert Reunion.objects.get(pk=reunion.pk).objetivo == "Sin versión"


def test_saving_the_objective_in_the_edit_form_gives_it_a_new_live_version(reunion, secretaria):
    antes = reunion.version_de("reunion.objetivo")

    services.actualizar_reunion(
        reunion=reunion, datos={"objetivo": "Nuevo objetivo"}, usuario=secretaria
    )

    reunion.refresh_from_db()
    assert reunion.version_de("reunion.objetivo") > antes


# --- the transitions of a commitment ------------------------------------------------------


@pytest.fixture
def compromiso(crear_compromiso, directivo_salud):
    return crear_compromiso(directivo_salud)


def _pagina_compromiso(cliente, compromiso, accion):
    return formulario(cliente.get(compromiso.get_absolute_url()), f"form-{accion}")


def _accion(compromiso, accion):
    return reverse(f"compromisos:{accion}", args=[compromiso.pk])


@pytest.mark.parametrize("quien", ["otra_persona", "otra_pestana"])
def test_a_stale_progress_report_shows_what_changed_and_keeps_my_text(
    request, compromiso, directivo_salud, enlace_salud, quien
):
    yo = cliente_de(directivo_salud)
    otro = cliente_de(enlace_salud) if quien == "otra_persona" else otra_pestana(yo)
    services.registrar_avance(
        compromiso=compromiso, nota="Primer avance", porcentaje=20, usuario=directivo_salud
    )
    mia = _pagina_compromiso(yo, compromiso, "avance")
    suya = _pagina_compromiso(otro, compromiso, "avance")
    hecho = otro.post(
        _accion(compromiso, "avance"), escribir(suya, nota="Se firmó el convenio", porcentaje="60")
    )
    assert hecho.status_code == 302

    respuesta = yo.post(
        _accion(compromiso, "avance"), escribir(mia, nota="Se convocó la mesa", porcentaje="30")
    )

    assert respuesta.status_code == 409
    html = respuesta.content.decode()
    assert "cambió este registro" in html and "60" in html
    assert "Se convocó la mesa" in html  # my text, still in the form
    assert "Se firmó el convenio" in html  # theirs, in the record's progress
    compromiso.refresh_from_db()
    assert compromiso.avance == 60
    assert compromiso.avances.count() == 2


def test_a_stale_new_due_date_is_refused_with_the_date_now_stored(compromiso, secretaria, hoy):
    from buengobierno.plazos.calendario import sumar_dias_habiles

    yo = cliente_de(secretaria)
    otro = otra_pestana(yo)
    mia = _pagina_compromiso(yo, compromiso, "reprogramar")
    suya = _pagina_compromiso(otro, compromiso, "reprogramar")
    nueva = sumar_dias_habiles(hoy, 20)
    otro.post(
        _accion(compromiso, "reprogramar"),
        escribir(suya, nueva_fecha=nueva.isoformat(), justificacion="Falta el concepto"),
    )

    respuesta = yo.post(
        _accion(compromiso, "reprogramar"),
        escribir(
            mia,
            nueva_fecha=sumar_dias_habiles(hoy, 10).isoformat(),
            justificacion="Se cruzó con el consejo",
        ),
    )

    assert respuesta.status_code == 409
    html = respuesta.content.decode()
    assert "Se cruzó con el consejo" in html
    compromiso.refresh_from_db()
    assert compromiso.fecha_limite == nueva
    assert compromiso.reprogramaciones.count() == 1


def test_a_transition_over_a_change_it_does_not_touch_goes_through(
    compromiso, directivo_salud, secretaria, hoy
):
    from buengobierno.plazos.calendario import sumar_dias_habiles

    services.registrar_avance(
        compromiso=compromiso, nota="Primer avance", porcentaje=20, usuario=directivo_salud
    )
    yo = cliente_de(secretaria)
    otro = otra_pestana(yo)
    mia = _pagina_compromiso(yo, compromiso, "reprogramar")
    suya = _pagina_compromiso(otro, compromiso, "avance")
    otro.post(_accion(compromiso, "avance"), escribir(suya, nota="Más", porcentaje="40"))

    nueva = sumar_dias_habiles(hoy, 10)
    respuesta = yo.post(
        _accion(compromiso, "reprogramar"),
        escribir(mia, nueva_fecha=nueva.isoformat(), justificacion="Falta el concepto"),
    )

    assert respuesta.status_code == 302
    compromiso.refresh_from_db()
    assert (compromiso.fecha_limite, compromiso.avance) == (nueva, 40)


@pytest.mark.django_db(transaction=True)
def test_two_stale_saves_at_the_same_instant_save_one_and_refuse_the_other(
    reunion, secretaria, colega
):
    from buengobierno.web.concurrencia import EdicionEnConflicto, huellas, valores_de
    from tests.concurrencia import en_paralelo

    base = huellas(valores_de(reunion, ["objetivo"]))
    textos = iter(["Texto de la secretaria", "Texto de la colega"])
    personas = iter([secretaria, colega])

    def guardar():
        texto, persona = next(textos), next(personas)
        try:
            services.actualizar_reunion(
                reunion=reunion, datos={"objetivo": texto}, usuario=persona, base=base
            )
        except EdicionEnConflicto as conflicto:
            return ("conflicto", conflicto.conflictos["objetivo"])
        return ("guardado", texto)

    resultados = en_paralelo(guardar)

    assert sorted(r[0] for r in resultados) == ["conflicto", "guardado"]
    (guardado,) = [texto for estado, texto in resultados if estado == "guardado"]
    (visto,) = [texto for estado, texto in resultados if estado == "conflicto"]
    assert visto == guardado  # the refused one was shown the text that won
    assert Reunion.objects.get(pk=reunion.pk).objetivo == guardado
