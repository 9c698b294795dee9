"""Standing delegations (issue 11, item 2): a decree or resolution delegates every session of
an instancia during a period. A session inside it is delegated in one click, already
notified (the act is the written act, no new letter), and its ficha is still owed; a period
that ends before it starts or overlaps another of the same instancia is refused beside the
field, nothing saved. Pages and access per role."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from buengobierno.avisos.models import Recordatorio
from buengobierno.documentos.models import Adjunto
from delegaciones import services
from delegaciones.models import Delegacion, DelegacionPermanente, ErrorDeEstado

pytestmark = pytest.mark.django_db
Estado = Delegacion.Estado
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _acto(contenido=PDF, nombre="decreto.pdf"):
    return SimpleUploadedFile(nombre, contenido)


def _datos(directivo, hoy, **cambios):
    return {
        "tipo_acto": DelegacionPermanente.TipoActo.DECRETO,
        "numero_acto": "4112.010.20.0123",
        "fecha_acto": hoy - timedelta(days=2),
        "delegante": Delegacion.Delegante.ALCALDE,
        "delegado": directivo,
        "desde": hoy,
        "hasta": hoy + timedelta(days=60),
        "instrucciones": "Asistir a todas las sesiones y votar según el plan de desarrollo.",
        **cambios,
    }


@pytest.fixture
def permanente(instancia, despacho, directivo_salud, hoy):
    return services.crear_permanente(
        instancia=instancia, datos=_datos(directivo_salud, hoy), acto=_acto(), usuario=despacho
    )


def test_a_standing_delegation_keeps_its_act_pdf_and_history(permanente, despacho):
    assert permanente.acto.tipo == Adjunto.Tipo.PDF
    assert permanente.acto.objeto == permanente
    assert permanente.history.count() == 2  # created, then its act attached
    assert "Decreto 4112.010.20.0123 del" in permanente.acto_en_palabras


def test_a_session_inside_the_period_is_delegated_in_one_click_already_notified(
    permanente, nueva_sesion, despacho, directivo_salud, al_confirmar
):
    sesion = nueva_sesion(dias=5)
    with al_confirmar():
        delegacion = services.delegar_desde_permanente(sesion=sesion, usuario=despacho)

    assert delegacion.permanente == permanente
    assert (delegacion.delegado, delegacion.estado) == (directivo_salud, Estado.NOTIFICADA)
    assert delegacion.numero_carta == "" and delegacion.firmada
    assert delegacion.fecha_limite_ficha == services.plazo_de_ficha(sesion)
    assert Recordatorio.objects.filter(object_id=delegacion.pk, paso="notificada").exists()
    # The ficha is still owed per session: the delegate accepts and owes it after the session.
    services.aceptar_delegacion(delegacion=delegacion, usuario=directivo_salud)
    delegacion.refresh_from_db()
    assert delegacion.debe_ficha


def test_a_session_outside_the_period_cannot_be_delegated_from_it(
    permanente, nueva_sesion, despacho
):
    sesion = nueva_sesion(dias=90)
    assert services.permanente_de(sesion) is None
    with pytest.raises(ErrorDeEstado):
        services.delegar_desde_permanente(sesion=sesion, usuario=despacho)


def test_a_session_already_delegated_is_not_delegated_twice(
    permanente, nueva_sesion, despacho, delegar
):
    sesion = nueva_sesion(dias=5)
    delegar(sesion)
    with pytest.raises(ValidationError) as error:
        services.delegar_desde_permanente(sesion=sesion, usuario=despacho)
    assert "delegado" in error.value.message_dict


def test_only_the_coordination_registers_one(instancia, directivo_salud, hoy):
    with pytest.raises(PermissionDenied):
        services.crear_permanente(
            instancia=instancia,
            datos=_datos(directivo_salud, hoy),
            acto=_acto(),
            usuario=directivo_salud,
        )


@pytest.mark.parametrize(
    ("cambios", "acto", "campo"),
    [
        ({"hasta": "antes"}, PDF, "hasta"),
        ({}, PNG, "acto"),
        ({"numero_acto": " "}, PDF, "numero_acto"),
        ({"instrucciones": ""}, PDF, "instrucciones"),
    ],
)
def test_bad_input_is_refused_beside_the_field_and_nothing_is_saved(
    instancia, despacho, directivo_salud, hoy, cambios, acto, campo
):
    if cambios.get("hasta") == "antes":
        cambios = {"hasta": hoy - timedelta(days=1)}
    nombre = "acto.png" if acto == PNG else "acto.pdf"
    with pytest.raises(ValidationError) as error:
        services.crear_permanente(
            instancia=instancia,
            datos=_datos(directivo_salud, hoy, **cambios),
            acto=_acto(acto, nombre),
            usuario=despacho,
        )
    assert campo in error.value.message_dict
    assert not DelegacionPermanente.objects.exists()
    assert not Adjunto.objects.exists()


def test_a_pdf_named_as_pdf_but_not_one_is_refused(instancia, despacho, directivo_salud, hoy):
    with pytest.raises(ValidationError) as error:
        services.crear_permanente(
            instancia=instancia,
            datos=_datos(directivo_salud, hoy),
            acto=_acto(PNG, "decreto.pdf"),
            usuario=despacho,
        )
    assert "acto" in error.value.message_dict


def test_an_overlapping_period_of_the_same_instancia_is_refused(
    permanente, instancia, despacho, directivo_salud, hoy
):
    with pytest.raises(ValidationError) as error:
        services.crear_permanente(
            instancia=instancia,
            datos=_datos(
                directivo_salud,
                hoy,
                numero_acto="0200",
                desde=hoy + timedelta(days=60),
                hasta=hoy + timedelta(days=90),
            ),
            acto=_acto(),
            usuario=despacho,
        )
    assert "Se cruza con otra delegación permanente" in error.value.message_dict["desde"][0]
    assert DelegacionPermanente.objects.count() == 1
    # The day after the period ends is free.
    siguiente = services.crear_permanente(
        instancia=instancia,
        datos=_datos(
            directivo_salud,
            hoy,
            numero_acto="0201",
            desde=hoy + timedelta(days=61),
            hasta=hoy + timedelta(days=90),
        ),
        acto=_acto(),
        usuario=despacho,
    )
    assert siguiente.pk


# --- pages --------------------------------------------------------------------------------


def test_the_page_registers_one_and_the_session_page_delegates_from_it(
    client, instancia, despacho, directivo_salud, hoy, nueva_sesion
):
    client.force_login(despacho)
    pagina = client.get(reverse("delegaciones:instancia", args=[instancia.pk]))
    assert reverse("delegaciones:nueva_permanente", args=[instancia.pk]) in pagina.text
    datos = {
        "tipo_acto": "resolucion",
        "numero_acto": "0456",
        "fecha_acto": f"{hoy:%Y-%m-%d}",
        "delegado": directivo_salud.pk,
        "delegante": "alcalde",
        "desde": f"{hoy:%Y-%m-%d}",
        "hasta": f"{hoy + timedelta(days=30):%Y-%m-%d}",
        "instrucciones": "Asistir a todas las sesiones del año.",
    }
    url = reverse("delegaciones:nueva_permanente", args=[instancia.pk])
    malo = client.post(
        url, {**datos, "hasta": f"{hoy - timedelta(days=1):%Y-%m-%d}", "acto": _acto()}
    )
    assert malo.status_code == 422
    assert "La fecha final no puede ser anterior a la inicial." in malo.text
    assert not DelegacionPermanente.objects.exists()
    respuesta = client.post(url, {**datos, "acto": _acto()})
    permanente = DelegacionPermanente.objects.get()
    assert respuesta.status_code == 302 and respuesta.url == permanente.get_absolute_url()
    assert permanente.get_tipo_acto_display() == "Resolución"

    sesion = nueva_sesion(dias=3)
    pagina = client.get(sesion.get_absolute_url())
    assert reverse("delegaciones:delegar_permanente", args=[sesion.pk]) in pagina.text
    respuesta = client.post(reverse("delegaciones:delegar_permanente", args=[sesion.pk]))
    delegacion = Delegacion.objects.get(sesion=sesion)
    assert respuesta.url == delegacion.get_absolute_url()
    assert "Delegación permanente: Resolución 0456" in client.get(respuesta.url).text
    detalle = client.get(permanente.get_absolute_url())
    assert delegacion.get_absolute_url() in detalle.text
    lista = client.get(reverse("delegaciones:permanentes"))
    assert permanente.get_absolute_url() in lista.text


@pytest.mark.parametrize(
    ("quien", "lista", "detalle", "nueva"),
    [
        ("despacho", 200, 200, 200),
        ("directivo_salud", 200, 200, 403),
        ("consulta", 200, 200, 403),
        ("directivo_educacion", 404, 404, 404),
    ],
)
def test_access_per_role(client, request, permanente, instancia, quien, lista, detalle, nueva):
    client.force_login(request.getfixturevalue(quien))
    assert (
        client.get(reverse("delegaciones:permanentes_instancia", args=[instancia.pk])).status_code
        == lista
    )
    assert client.get(permanente.get_absolute_url()).status_code == detalle
    assert (
        client.get(reverse("delegaciones:nueva_permanente", args=[instancia.pk])).status_code
        == nueva
    )


def test_the_whole_list_shows_another_organism_nothing(client, permanente, directivo_educacion):
    client.force_login(directivo_educacion)
    respuesta = client.get(reverse("delegaciones:permanentes"))
    assert respuesta.status_code == 200
    assert permanente.get_absolute_url() not in respuesta.text


def test_no_hostile_value_in_any_field_gets_a_server_error(
    client, instancia, despacho, directivo_salud, hoy
):
    """The hostile-input probe (tests/plataforma/test_entrada_hostil.py) posts no files, so
    this form, which needs the act's PDF, gets the same values here, one field at a time."""
    from delegaciones.forms import PermanenteForm
    from tests.plataforma.test_entrada_hostil import HOSTILES

    client.force_login(despacho)
    url = reverse("delegaciones:nueva_permanente", args=[instancia.pk])
    validos = {
        "tipo_acto": "decreto",
        "numero_acto": "0456",
        "fecha_acto": f"{hoy:%Y-%m-%d}",
        "delegado": directivo_salud.pk,
        "delegante": "alcalde",
        "desde": f"{hoy + timedelta(days=100):%Y-%m-%d}",
        "hasta": f"{hoy + timedelta(days=130):%Y-%m-%d}",
        "instrucciones": "Asistir.",
    }
    fallas = []
    for campo in [c for c in PermanenteForm.base_fields if c != "acto"]:
        for nombre, valor in HOSTILES.items():
            if isinstance(valor, bytes):
                valor = valor.decode("latin-1")
            respuesta = client.post(url, {**validos, campo: valor, "acto": _acto()})
            if respuesta.status_code >= 500:
                fallas.append((campo, nombre))
            DelegacionPermanente.objects.all().delete()
    assert fallas == []
