"""Bad input never ends in a 500 (issue 9): the platform's guard and every registered page.

`test_no_hostile_value_gets_a_server_error` sends hostile values — dates of year 9999 and 1,
a twenty-digit id, a non-numeric id, 10,000 characters, 1,000 words, bytes that are not
UTF-8 — to every GET parameter of every list and to every field of every form that the
procedures register in their `sondas.py` (buengobierno.web.entrada), one at a time over a
valid submission, as a user who may use them. One scenario per module, rolled back at its end.
The other tests reproduce each cause found by hand and check the message people read.
"""

from datetime import date, timedelta
from urllib.parse import quote, quote_from_bytes

import pytest
from django import forms
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from buengobierno.organizacion.models import CODIGO_SECRETARIA_DE_GOBIERNO
from buengobierno.organizacion.roles import Rol
from buengobierno.web import entrada
from buengobierno.web.entrada import Formulario, Lista, sondas_registradas
from compromisos import services as compromisos_services
from compromisos.models import Compromiso, Reunion
from delegaciones.models import Sesion
from tests.factories import OrganismoFactory, UsuarioFactory

VEINTE_CIFRAS = "12345678901234567890"
HOSTILES = {
    "fecha del año 9999": "9999-12-31",
    "fecha del año 1": "0001-01-01",
    "fecha y hora del año 9999": "9999-12-31T23:00",
    "id de 20 cifras": VEINTE_CIFRAS,
    "id no numérico": "abc",
    "10.000 caracteres": "x" * 10_000,
    "1.000 palabras": " ".join(["palabra"] * 1000),
    "bytes que no son UTF-8": b"\xff\xfe\xc3(",
}
# Besides, to the parameters a page declares itself (a month, a year…): months out of range.
HOSTILES_DECLARADOS = {
    **HOSTILES,
    "mes del año 9999": "9999-12",
    "mes del año 1": "0001-01",
    "año de 20 cifras": f"{VEINTE_CIFRAS}-01",
}
ROLES = {
    "despacho": (Rol.DESPACHO, "gobierno"),
    "secretario": (Rol.SECRETARIO, "gobierno"),
    "consulta": (Rol.CONSULTA, "gobierno"),
    "admin": (Rol.ADMINISTRADOR, "gobierno"),
    "directivo": (Rol.DIRECTIVO, "salud"),
    "enlace": (Rol.ENLACE, "salud"),
    "relaciones": (Rol.RELACIONES, "gobierno"),  # P006-P008
}
REGISTRADOS = sondas_registradas()
SONDAS = [(codigo, sonda) for codigo, modulo in REGISTRADOS for sonda in modulo.SONDAS]

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def escenario(django_db_setup, django_db_blocker):
    """One user per role and each procedure's records, shared by the module, rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        organismos = {
            "gobierno": OrganismoFactory(
                codigo=CODIGO_SECRETARIA_DE_GOBIERNO, nombre="Secretaría de Gobierno", sigla="SG"
            ),
            "salud": OrganismoFactory(codigo="4161", nombre="Secretaría de Salud", sigla="SSP"),
        }
        usuarios = {
            nombre: UsuarioFactory(username=f"h-{nombre}", rol=rol, organismo=organismos[org])
            for nombre, (rol, org) in ROLES.items()
        }
        organismos["salud"].jefe = usuarios["directivo"]
        organismos["salud"].save()
        datos = {"usuarios": usuarios}
        for codigo, modulo in REGISTRADOS:
            datos[codigo] = modulo.escenario(usuarios=usuarios)
        yield datos
        transaction.set_rollback(True)


class ClienteRapido(Client):
    """The test client without the copy of every template's context it keeps for
    `response.context` (most of the time of a page, here): the loops read only the status,
    and an exception in a view is the 500 the handler answers."""

    def request(self, **pedido):
        return self.handler(self._base_environ(**pedido))


def _cliente(escenario, usuario: str, clase=Client) -> Client:
    cliente = clase()
    if usuario:
        cliente.force_login(escenario["usuarios"][usuario])
    return cliente


def _url(sonda, registros: dict, reemplazo: str | None = None) -> str:
    args = [
        reemplazo if reemplazo is not None else getattr(registros[a], "pk", registros[a])
        for a in sonda.args
    ]
    return reverse(sonda.url, args=args)


def _codificar(datos: dict) -> str:
    """An urlencoded body or query string; bytes go as they are (percent-encoded)."""
    partes = []
    for clave, valores in datos.items():
        for valor in valores if isinstance(valores, list) else [valores]:
            texto = quote_from_bytes(valor) if isinstance(valor, bytes) else quote(str(valor))
            partes.append(f"{quote(clave)}={texto}")
    return "&".join(partes)


def _parametros_de_la_pagina(respuesta) -> set[str]:
    """The GET parameters a page reads: its filter forms' fields, its pages and exports."""
    nombres = set()
    for contexto in respuesta.context or []:
        for valor in contexto.flatten().values():
            if hasattr(valor, "filters") and hasattr(valor, "form"):
                nombres |= set(valor.form.fields)
        if "page_obj" in contexto:
            nombres |= {"page", "exportar", "separador"}
    return nombres


def _probar_lista(sonda: Lista, escenario, registros) -> list:
    url = _url(sonda, registros)
    respuesta = _cliente(escenario, sonda.usuario).get(url)
    assert respuesta.status_code == 200, f"{url} no responde 200 a quien puede verla"
    cliente = _cliente(escenario, sonda.usuario, ClienteRapido)
    fallas = []
    parametros = sorted(_parametros_de_la_pagina(respuesta) | set(sonda.parametros))
    for parametro in parametros:
        hostiles = HOSTILES_DECLARADOS if parametro in sonda.parametros else HOSTILES
        for nombre, valor in hostiles.items():
            respuesta = cliente.get(f"{url}?{_codificar({parametro: valor})}")
            if respuesta.status_code >= 500:
                fallas.append((parametro, nombre, respuesta.status_code))
    return fallas


def _probar_formulario(sonda: Formulario, escenario, registros) -> list:
    cliente = _cliente(escenario, sonda.usuario, ClienteRapido)
    cabeceras = {"HTTP_HX_REQUEST": "true"} if sonda.htmx else {}
    url = _url(sonda, registros)
    validos = sonda.datos(registros)
    fallas = []

    def enviar(datos):
        # Each submission in its own savepoint: one that succeeds leaves nothing behind.
        with transaction.atomic():
            respuesta = cliente.post(
                url,
                _codificar(datos),
                content_type="application/x-www-form-urlencoded",
                **cabeceras,
            )
            transaction.set_rollback(True)
        return respuesta.status_code

    assert enviar(validos) < 400, f"los datos válidos de «{sonda.nombre}» no pasan"
    for campo in sonda.nombres_de_campos(registros):
        for nombre, valor in HOSTILES.items():
            estado = enviar({**validos, campo: valor})
            if estado >= 500:
                fallas.append((campo, nombre, estado))
    return fallas


@pytest.mark.parametrize(
    "codigo, sonda", SONDAS, ids=[f"{codigo} {sonda.nombre}" for codigo, sonda in SONDAS]
)
def test_no_hostile_value_gets_a_server_error(escenario, codigo, sonda):
    registros = escenario[codigo]
    if isinstance(sonda, Lista):
        fallas = _probar_lista(sonda, escenario, registros)
    else:
        fallas = _probar_formulario(sonda, escenario, registros)
    # A record id in the URL: not a number the database holds is a 404, not an error.
    if sonda.args:
        cliente = _cliente(escenario, sonda.usuario, ClienteRapido)
        metodo = cliente.get if isinstance(sonda, Lista) else cliente.post
        estado = metodo(_url(sonda, registros, reemplazo=VEINTE_CIFRAS)).status_code
        if estado >= 500:
            fallas.append(("id en la URL", "id de 20 cifras", estado))
    assert fallas == []


def test_p001_and_p005_are_registered():
    assert {codigo for codigo, _modulo in REGISTRADOS} >= {"P001", "P005"}


def test_every_form_of_the_registered_pages_is_bounded(escenario):
    """Each form a registered page shows went through entrada.acotar (dates 2000–2100,
    free text bounded), so a new form that forgets it fails here."""
    sin_acotar = []
    for codigo, sonda in SONDAS:
        if not isinstance(sonda, Lista) or sonda.url.endswith("ics"):
            continue
        respuesta = _cliente(escenario, sonda.usuario).get(_url(sonda, escenario[codigo]))
        for contexto in respuesta.context or []:
            for nombre, valor in contexto.flatten().items():
                formulario = getattr(valor, "form", None) if hasattr(valor, "filters") else valor
                if (
                    isinstance(formulario, forms.BaseForm)
                    and formulario.fields
                    and not getattr(formulario, "acotado", False)
                ):
                    sin_acotar.append((sonda.url, nombre, type(formulario).__name__))
    # Live-page rows are saved field by field by services.guardar_campo, which bounds them.
    # Formsets' management forms hold only Django's bounded integers.
    sin_acotar = [
        s for s in sin_acotar if not s[2].endswith("EnVivoForm") and s[2] != "ManagementForm"
    ]
    assert sorted(set(sin_acotar)) == []


# --- each cause found by hand (issue 9), with the message people read ---------------------


def _despacho(escenario) -> Client:
    return _cliente(escenario, "despacho")


def _nueva_reunion(escenario, **cambios):
    """POST a new meeting (a valid one, changed by `cambios`) as the Despacho."""
    p005 = escenario["P005"]
    dia = timezone.localdate() + timedelta(days=3)
    datos = {
        "tipo": p005["tipo"].pk,
        "titulo": "Comité",
        "inicio": f"{dia}T09:00",
        "fin": f"{dia}T10:00",
        "organismo_convocante": p005["programada"].organismo_convocante_id,
        **cambios,
    }
    return _despacho(escenario).post(reverse("compromisos:nueva_reunion"), datos)


@pytest.mark.parametrize("mes", ["9999-12", "0001-01", f"{VEINTE_CIFRAS}-01", "2026-13", "abc"])
def test_the_p001_calendar_shows_the_current_month_for_a_month_out_of_range(escenario, mes):
    respuesta = _despacho(escenario).get(reverse("delegaciones:calendario"), {"mes": mes})
    assert respuesta.status_code == 200
    assert respuesta.context["mes"] == timezone.localdate().replace(day=1)


def test_the_p001_calendar_still_shows_the_months_of_the_range(escenario):
    respuesta = _despacho(escenario).get(reverse("delegaciones:calendario"), {"mes": "2100-12"})
    assert respuesta.context["mes"] == date(2100, 12, 1)


@pytest.mark.parametrize("instancia", ["abc", VEINTE_CIFRAS, "-1", "1.5"])
def test_a_new_session_ignores_an_instancia_that_is_not_an_id(escenario, instancia):
    respuesta = _despacho(escenario).get(
        reverse("delegaciones:nueva_sesion"), {"instancia": instancia}
    )
    assert respuesta.status_code == 200
    assert respuesta.context["form"].initial == {}


def test_a_new_session_still_starts_from_the_instancia_asked_for(escenario):
    instancia = escenario["P001"]["instancia"]
    respuesta = _despacho(escenario).get(
        reverse("delegaciones:nueva_sesion"), {"instancia": str(instancia.pk)}
    )
    assert respuesta.context["form"].initial["instancia"] == instancia.pk


def test_a_search_of_a_thousand_words_is_refused_beside_the_box(escenario):
    palabras = " ".join(["consejo"] * 1000)
    for url in (reverse("compromisos:inicio"), reverse("delegaciones:sesiones")):
        respuesta = _despacho(escenario).get(url, {"q": palabras})
        assert respuesta.status_code == 200
        assert "Busque con menos palabras: como máximo 10." in respuesta.content.decode()
        assert respuesta.context["object_list"].count() == 0


def test_a_search_of_ten_words_still_searches(escenario):
    respuesta = _despacho(escenario).get(
        reverse("compromisos:inicio"), {"q": "plan vacunación rural " * 3}
    )
    assert [c.descripcion for c in respuesta.context["object_list"]] == [
        "Presentar el plan de vacunación rural"
    ]


def test_the_live_page_says_who_to_pick_for_a_responsible_that_is_not_an_id(escenario):
    reunion = escenario["P005"]["en_curso"]
    borrador = escenario["P005"]["borrador"]
    for valor in ("abc", VEINTE_CIFRAS):
        respuesta = _despacho(escenario).post(
            reverse("compromisos:guardar_campo", args=[reunion.pk]),
            {"clave": f"compromiso.{borrador.pk}.responsable", "valor": valor, "version": "0"},
        )
        assert respuesta.status_code == 422
        assert respuesta.json()["error"] == "Elija una persona activa de la lista."


def test_the_live_page_refuses_a_due_date_out_of_range(escenario):
    reunion = escenario["P005"]["en_curso"]
    borrador = escenario["P005"]["borrador"]
    respuesta = _despacho(escenario).post(
        reverse("compromisos:guardar_campo", args=[reunion.pk]),
        {"clave": f"compromiso.{borrador.pk}.fecha_limite", "valor": "31/12/9999", "version": "0"},
    )
    assert respuesta.status_code == 422
    assert respuesta.json()["error"] == "Escriba una fecha entre los años 2000 y 2100."


@pytest.mark.parametrize("inicio", ["9999-12-31T23:00", "0001-01-01T00:00"])
def test_a_session_or_meeting_starting_out_of_range_is_refused_beside_the_field(escenario, inicio):
    cliente = _despacho(escenario)
    p001 = escenario["P001"]
    sesiones, reuniones = Sesion.objects.count(), Reunion.objects.count()
    respuesta = cliente.post(
        reverse("delegaciones:nueva_sesion"),
        {"instancia": p001["instancia"].pk, "inicio": inicio, "asistencia": "por_definir"},
    )
    assert respuesta.status_code == 422
    assert respuesta.context["form"].errors["inicio"] == [
        "Escriba una fecha entre los años 2000 y 2100."
    ]
    respuesta = _nueva_reunion(escenario, inicio=inicio, fin=inicio)
    assert respuesta.status_code == 422
    assert (
        "Escriba una fecha entre los años 2000 y 2100."
        in respuesta.context["form"].errors["inicio"]
    )
    assert (Sesion.objects.count(), Reunion.objects.count()) == (sesiones, reuniones)


@pytest.mark.parametrize("campo", ["invitados", "organismos_invitados"])
def test_a_meeting_with_a_twenty_digit_invitee_is_refused_beside_the_field(escenario, campo):
    respuesta = _nueva_reunion(escenario, **{campo: [VEINTE_CIFRAS]})
    assert respuesta.status_code == 422
    assert list(respuesta.context["form"].errors) == [campo]


def test_a_commitment_with_a_twenty_digit_coresponsible_is_refused_beside_the_field(escenario):
    respuesta = _despacho(escenario).post(
        reverse("compromisos:nuevo"),
        {
            "descripcion": "Instalar la mesa",
            "responsable": escenario["P005"]["persona"].pk,
            "corresponsables": [VEINTE_CIFRAS],
            "fecha_limite": (timezone.localdate() + timedelta(days=5)).isoformat(),
            "prioridad": "media",
        },
    )
    assert respuesta.status_code == 422
    assert list(respuesta.context["form"].errors) == ["corresponsables"]


def test_a_commitment_due_in_9999_is_refused_beside_the_field(escenario):
    antes = Compromiso.objects.count()
    respuesta = _despacho(escenario).post(
        reverse("compromisos:nuevo"),
        {
            "descripcion": "Instalar la mesa",
            "responsable": escenario["P005"]["persona"].pk,
            "fecha_limite": "31/12/9999",
            "prioridad": "media",
        },
    )
    assert respuesta.status_code == 422
    assert respuesta.context["form"].errors["fecha_limite"] == [
        "Escriba una fecha entre los años 2000 y 2100."
    ]
    assert Compromiso.objects.count() == antes


def test_the_service_refuses_a_commitment_due_out_of_range_whatever_its_origin(escenario):
    with pytest.raises(compromisos_services.CompromisosInvalidos) as error:
        compromisos_services.crear_compromisos(
            origen=None,
            compromisos=[
                {
                    "descripcion": "Informe",
                    "responsable": escenario["P005"]["persona"],
                    "fecha_limite": date(9999, 12, 31),
                }
            ],
            creado_por=escenario["usuarios"]["despacho"],
        )
    assert error.value.por_fila[0]["fecha_limite"] == [
        "Escriba una fecha entre los años 2000 y 2100."
    ]


def test_the_calendar_feed_answers_with_a_commitment_already_due_in_9999(escenario):
    """Data saved before dates were bounded must not break the responsible's calendar."""
    p005 = escenario["P005"]
    Compromiso.objects.filter(pk=p005["compromiso"].pk).update(fecha_limite=date(9999, 12, 31))
    respuesta = Client().get(reverse("compromisos:feed_ics", args=[p005["token"]]))
    assert respuesta.status_code == 200
    assert "DTSTART;VALUE=DATE:99991231" in respuesta.content.decode()


def test_a_meeting_of_two_thousand_agenda_lines_is_refused_with_a_message(escenario):
    antes = Reunion.objects.count()
    respuesta = _nueva_reunion(escenario, puntos="\n".join(f"Punto {n}" for n in range(2000)))
    assert respuesta.status_code == 422
    assert respuesta.context["form"].errors["puntos"] == [
        "Escriba como máximo 100 líneas; tiene 2000."
    ]
    assert Reunion.objects.count() == antes


def test_an_agenda_line_longer_than_an_item_title_is_refused_saying_which():
    with pytest.raises(forms.ValidationError) as error:
        entrada.validar_lineas("Quórum\n" + "x" * 300)
    assert error.value.messages == ["La línea 2 tiene 300 caracteres; el máximo es 255."]


def test_the_live_page_takes_no_agenda_item_beyond_the_maximum(escenario):
    reunion = escenario["P005"]["en_curso"]
    existentes = reunion.puntos.count()
    for n in range(entrada.LINEAS_MAXIMAS - existentes):
        reunion.puntos.create(titulo=f"Punto {n}", orden=existentes + n + 1)
    respuesta = _despacho(escenario).post(
        reverse("compromisos:agregar_punto", args=[reunion.pk]),
        {"titulo": "Uno más", "presentador": ""},
        HTTP_HX_REQUEST="true",
    )
    assert "El orden del día ya tiene 100 puntos, el máximo de una reunión." in (
        respuesta.content.decode()
    )
    assert reunion.puntos.count() == entrada.LINEAS_MAXIMAS


@pytest.mark.parametrize(
    "valor, numero",
    [
        ("12", 12),
        (" 7 ", 7),
        ("abc", None),
        ("", None),
        (None, None),
        ("-1", None),
        ("0", None),
        (VEINTE_CIFRAS, None),
        ("١٢", None),
        ("1e3", None),
    ],
)
def test_entero_reads_an_id_or_nothing(valor, numero):
    assert entrada.entero(valor) == numero


def test_the_live_page_refuses_a_text_longer_than_the_maximum(escenario):
    reunion = escenario["P005"]["en_curso"]
    respuesta = _despacho(escenario).post(
        reverse("compromisos:guardar_campo", args=[reunion.pk]),
        {"clave": "reunion.objetivo", "valor": "x" * (entrada.TEXTO_MAXIMO + 1), "version": "0"},
    )
    assert respuesta.status_code == 422
    assert respuesta.json()["error"] == "Máximo 20.000 caracteres."


def test_a_form_text_longer_than_the_maximum_is_refused_beside_the_field(escenario):
    respuesta = _nueva_reunion(escenario, objetivo="x" * (entrada.TEXTO_MAXIMO + 1))
    assert respuesta.status_code == 422
    assert list(respuesta.context["form"].errors) == ["objetivo"]
