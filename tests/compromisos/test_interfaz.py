"""What P005's pages show (issue 10): cards on a phone, the next-step panel, one id per
field, the live page's attendance, no "En vivo" for a read-only role, the acta's signatures,
meeting names with the date in words."""

import importlib
import re
from collections import Counter

import pytest
from django.urls import reverse

from buengobierno.documentos.formato import fecha_larga
from compromisos import services
from compromisos.models import Asistente, Compromiso
from tests.compromisos.test_documentos import texto_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def compromiso(crear_compromiso, directivo_salud):
    return crear_compromiso(directivo_salud)


def test_on_a_phone_each_commitment_is_a_card_with_state_due_date_and_responsible(
    client, despacho, compromiso, directivo_salud
):
    client.force_login(despacho)

    respuesta = client.get(reverse("compromisos:inicio"))

    (tarjeta,) = respuesta.context["tarjetas"]
    assert (tarjeta.titulo, tarjeta.url) == (str(compromiso), compromiso.get_absolute_url())
    assert tarjeta.estado == "Pendiente" and tarjeta.fecha == compromiso.fecha_limite
    assert tarjeta.responsable.startswith(str(directivo_salud))
    html = respuesta.content.decode()
    assert 'class="lista-tarjetas d-md-none' in html and 'class="d-none d-md-block"' in html


def test_the_responsible_gets_the_next_step_with_the_destructive_action_apart(
    client, compromiso, directivo_salud, secretaria
):
    client.force_login(secretaria)

    html = client.get(compromiso.get_absolute_url()).content.decode()

    panel = html[html.index('id="siguiente-paso"') :]
    assert "debe cumplirlo a más tardar el " + fecha_larga(compromiso.fecha_limite) in panel
    assert f"Se espera a {directivo_salud}" in panel
    # The first step is open with the one filled button; the others are outlined buttons that
    # unfold their form; cancelling is red, apart, and asks before it acts.
    principal = panel[panel.index('class="accion-principal"') : panel.index("accion-secundaria")]
    assert 'value="Registrar avance"' in principal and "btn btn-primary" in principal
    # cumplido, the plan de desarrollo meta, a new date
    assert panel.count('<button class="btn btn-outline-primary" type="button"') == 3
    assert 'class="btn btn-outline-danger btn-sm"' in panel
    assert 'data-confirmar="¿Cancelar este compromiso?' in panel


def test_two_actions_of_one_page_never_share_an_id(client, compromiso, directivo_salud):
    client.force_login(directivo_salud)

    html = client.get(compromiso.get_absolute_url()).content.decode()

    ids = Counter(re.findall(r'\bid="([^"]+)"', html))
    assert [i for i, n in ids.items() if n > 1] == []
    assert 'for="id_avance_nota"' in html and 'for="id_cumplido_nota"' in html


def test_a_read_only_role_gets_no_live_button_that_would_end_in_a_403(
    client, consulta, reunion, secretaria
):
    client.force_login(consulta)
    para_consulta = client.get(reverse("compromisos:reuniones")).content.decode()
    client.force_login(secretaria)
    para_secretaria = client.get(reverse("compromisos:reuniones")).content.decode()

    en_vivo = reverse("compromisos:en_vivo", args=[reunion.pk])
    assert en_vivo not in para_consulta
    assert en_vivo in para_secretaria


def test_people_added_during_the_meeting_are_present_and_invited_ones_start_absent(
    reunion, secretaria, directivo_salud, enlace_salud
):
    services.agregar_asistentes(reunion=reunion, usuarios=[directivo_salud], usuario=secretaria)
    services.iniciar_reunion(reunion=reunion, usuario=secretaria)
    services.agregar_asistentes(reunion=reunion, usuarios=[enlace_salud], usuario=secretaria)
    externo = services.agregar_asistente_externo(
        reunion=reunion,
        datos={"nombre": "María Ortiz", "entidad": "Cruz Roja", "aviso_datos_aceptado": True},
        usuario=secretaria,
    )

    asistencia = dict(reunion.asistentes.values_list("usuario__username", "asistencia"))
    assert asistencia["jefe.salud"] == Asistente.Asistencia.CONVOCADO
    assert asistencia["enlace.salud"] == Asistente.Asistencia.ASISTIO
    assert externo.asistencia == Asistente.Asistencia.ASISTIO


def test_attendance_is_three_toggles_saved_live_in_two_columns(
    client, secretaria, reunion, directivo_salud
):
    services.agregar_asistentes(reunion=reunion, usuarios=[directivo_salud], usuario=secretaria)
    client.force_login(secretaria)

    html = client.get(reverse("compromisos:en_vivo", args=[reunion.pk])).content.decode()

    assert html.count('type="radio"') == 3
    for texto in ("Presente", "Ausente", "Se excusó"):
        assert f">{texto}</label>" in html
    assert 'role="radiogroup"' in html and 'data-clave="asistente.' in html
    assert '<div class="col-xl-7">' in html and '<div class="col-xl-5">' in html
    # Attendees and invitees are picked by typing a name, not with Ctrl-click.
    assert "data-buscador" in html and 'size="6"' not in html
    assert html.count(">Objetivo<") == 0  # one heading, no repeated label


def test_the_acta_has_the_signature_blocks_of_who_chairs_and_who_takes_the_minutes(
    client, secretaria, reunion, directivo_salud
):
    reunion.preside = directivo_salud
    reunion.secretario_reunion = secretaria
    reunion.save()
    client.force_login(secretaria)

    texto = texto_pdf(client.get(reverse("compromisos:acta_pdf", args=[reunion.pk])))

    assert "En constancia firman" in texto
    assert f"PRESIDE {directivo_salud.get_full_name().upper()}" in texto
    assert f"SECRETARIO(A) DE LA REUNIÓN {secretaria.get_full_name().upper()}" in texto


def test_a_meeting_is_named_with_its_date_in_words_and_old_names_are_rewritten(reunion):
    assert str(reunion) == f"{reunion.titulo}, {fecha_larga(reunion.inicio)}"
    migracion = importlib.import_module("compromisos.migrations.0003_origen_con_fecha_en_palabras")
    assert migracion.en_palabras("Consejo de Gobierno (2026-11-26)") == (
        "Consejo de Gobierno, 26 de noviembre de 2026"
    )
    assert migracion.en_palabras("Registrado a mano") == "Registrado a mano"


def test_the_verification_notice_names_the_commitment(compromiso, directivo_salud, secretaria):
    services.marcar_cumplido(
        compromiso=compromiso, nota="Informe enviado.", usuario=directivo_salud
    )

    aviso = secretaria.notificaciones.get()
    assert aviso.titulo == f"Por verificar: {directivo_salud} reportó cumplido «{compromiso}»"
    assert aviso.mensaje == "Informe enviado."
    assert Compromiso.objects.get().estado == "cumplido"
