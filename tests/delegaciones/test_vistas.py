"""The pages of P001 through the test client: forms, messages beside the fields, nothing
half-saved."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from buengobierno.documentos.models import Adjunto
from buengobierno.plazos.calendario import sumar_dias_habiles
from compromisos.models import Compromiso
from delegaciones.models import Delegacion, FichaTecnica, Instancia, Sesion

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def datos_sesion(instancia, fecha, **cambios):
    return {
        "instancia": instancia.pk,
        "inicio": f"{fecha:%Y-%m-%d}T09:00",
        "lugar": "Sede de la E.S.E., sala de juntas",
        "asistencia": "delega",
        "temas": "Informe de gestión",
        **cambios,
    }


def formset(filas, total=None, iniciales=0):
    datos = {
        "compromisos-TOTAL_FORMS": str(total if total is not None else len(filas)),
        "compromisos-INITIAL_FORMS": str(iniciales),
        "compromisos-MIN_NUM_FORMS": "0",
        "compromisos-MAX_NUM_FORMS": "1000",
    }
    for i, (descripcion, responsable, fecha) in enumerate(filas):
        datos[f"compromisos-{i}-descripcion"] = descripcion
        datos[f"compromisos-{i}-responsable"] = str(responsable.pk) if responsable else ""
        datos[f"compromisos-{i}-fecha_limite"] = fecha.isoformat() if fecha else ""
    return datos


def test_the_despacho_registers_a_session_with_its_invitation_and_delegates_in_one_step(
    client,
    despacho,
    instancia,
    directivo_salud,
    hoy,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    client.force_login(despacho)
    datos = datos_sesion(
        instancia,
        hoy + timedelta(days=4),
        delegar="on",
        delegado=directivo_salud.pk,
        delegante="alcalde",
        instrucciones="Votar el presupuesto de la vigencia.",
        invitacion=SimpleUploadedFile("invitacion.pdf", PDF, content_type="application/pdf"),
    )

    with django_capture_on_commit_callbacks(execute=True):
        respuesta = client.post(reverse("delegaciones:nueva_sesion"), datos)

    sesion = Sesion.objects.get()
    assert respuesta.status_code == 302 and respuesta["Location"] == sesion.get_absolute_url()
    delegacion = sesion.delegaciones.get()
    assert (delegacion.delegado, delegacion.estado) == (directivo_salud, "pendiente_firma")
    assert Adjunto.objects.de(sesion).get().descripcion == "Invitación"
    # A written act: the delegate is told once the signed letter is on record.
    assert mailoutbox == []
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("delegaciones:firmar", args=[delegacion.pk]),
            {"carta_firmada": SimpleUploadedFile("firmada.pdf", PDF)},
        )
    delegacion.refresh_from_db()
    assert delegacion.estado == "notificada" and delegacion.carta_firmada.tipo == "pdf"
    assert [m.to for m in mailoutbox] == [[directivo_salud.email]]


def test_the_session_form_suggests_the_usual_delegate_of_the_instancia(
    client, despacho, instancia, directivo_salud
):
    client.force_login(despacho)

    respuesta = client.get(reverse("delegaciones:nueva_sesion"), {"instancia": instancia.pk})

    assert respuesta.context["form"]["delegado"].value() == directivo_salud.pk
    assert respuesta.context["habituales"] == {instancia.pk: directivo_salud.pk}


@pytest.mark.parametrize(
    ("cambios", "campo", "mensaje"),
    [
        ({"dias": -2}, "inicio", "La sesión ya pasó"),
        ({"sin_correo": True}, "delegado", "no tiene correo electrónico"),
        ({"instrucciones": ""}, "instrucciones", "Escriba las instrucciones"),
    ],
)
def test_bad_delegation_input_is_shown_beside_its_field_and_nothing_is_saved(
    client, despacho, instancia, directivo_salud, crear_usuario, hoy, cambios, campo, mensaje
):
    client.force_login(despacho)
    delegado = directivo_salud
    if cambios.get("sin_correo"):
        delegado = crear_usuario("Directivo", directivo_salud.organismo, email="")
    datos = datos_sesion(
        instancia,
        hoy + timedelta(days=cambios.get("dias", 3)),
        delegar="on",
        delegado=delegado.pk,
        delegante="alcalde",
        instrucciones=cambios.get("instrucciones", "Asistir."),
    )

    respuesta = client.post(reverse("delegaciones:nueva_sesion"), datos)

    assert respuesta.status_code == 422
    assert mensaje in " ".join(respuesta.context["form"].errors[campo])
    assert mensaje in respuesta.content.decode()
    assert not Sesion.objects.exists() and not Delegacion.objects.exists()


def test_after_a_rejection_the_session_page_offers_to_delegate_someone_else(
    client, despacho, nueva_sesion, delegar, directivo_salud, enlace_salud
):
    sesion = nueva_sesion()
    delegacion = delegar(sesion)
    client.force_login(directivo_salud)
    sin_motivo = client.post(reverse("delegaciones:rechazar", args=[delegacion.pk]), {"motivo": ""})
    assert sin_motivo.status_code == 422
    assert "Indique por qué no puede asistir." in sin_motivo.content.decode()
    client.post(
        reverse("delegaciones:rechazar", args=[delegacion.pk]), {"motivo": "Viaje oficial."}
    )

    client.force_login(despacho)
    assert "Delegar en otra persona" in client.get(delegacion.get_absolute_url()).content.decode()
    pagina = client.get(sesion.get_absolute_url())
    assert "Delegar en otra persona" in pagina.content.decode()
    opciones = pagina.context["form"].fields["delegado"].queryset
    assert directivo_salud not in opciones and enlace_salud in opciones
    respuesta = client.post(
        reverse("delegaciones:delegar", args=[sesion.pk]),
        {
            "delegado": enlace_salud.pk,
            "delegante": "secretario",
            "instrucciones": "Asistir y votar.",
            "notificar_ahora": "on",
        },
    )

    nueva = sesion.delegaciones.get(estado="pendiente_firma")
    assert respuesta["Location"] == nueva.get_absolute_url()
    assert nueva.delegado == enlace_salud


def test_the_delegate_accepts_from_the_delegation_page(
    client, nueva_sesion, delegar, directivo_salud
):
    delegacion = delegar(nueva_sesion())
    client.force_login(directivo_salud)

    pagina = client.get(delegacion.get_absolute_url())
    assert "Acepto la delegación" in pagina.content.decode()
    client.post(reverse("delegaciones:aceptar", args=[delegacion.pk]))

    delegacion.refresh_from_db()
    assert delegacion.estado == "aceptada"


def test_the_delegate_sends_the_ficha_with_two_commitments_from_one_page(
    client, aceptada_pasada, directivo_salud, enlace_salud, hoy
):
    delegacion = aceptada_pasada()
    client.force_login(directivo_salud)
    url = reverse("delegaciones:ficha", args=[delegacion.pk])
    vence = sumar_dias_habiles(hoy, 5)
    assert client.get(url).status_code == 200

    respuesta = client.post(
        url,
        {
            "desarrollo": "Se presentó el informe financiero.",
            "decisiones": "Se aprobó el plan de saneamiento.",
            "asuntos_alcalde": "",
            "enviar": "1",
            **formset(
                [
                    ("Enviar el plan de saneamiento.", directivo_salud, vence),
                    ("Consolidar la cartera por edades.", enlace_salud, vence),
                    ("", None, None),
                ]
            ),
        },
    )

    assert respuesta.status_code == 302
    assert respuesta["Location"] == delegacion.get_absolute_url()
    assert sorted(Compromiso.objects.values_list("responsable__username", flat=True)) == [
        enlace_salud.username,
        directivo_salud.username,
    ]
    pagina = client.get(delegacion.get_absolute_url()).content.decode()
    assert "Entregada el" in pagina and "a tiempo" in pagina


def test_saving_a_draft_keeps_the_text_and_the_rows_for_later(
    client, aceptada_pasada, directivo_salud, hoy
):
    delegacion = aceptada_pasada()
    client.force_login(directivo_salud)
    url = reverse("delegaciones:ficha", args=[delegacion.pk])

    client.post(
        url,
        {
            "desarrollo": "Primeras notas",
            "decisiones": "",
            "asuntos_alcalde": "",
            "guardar": "1",
            **formset([("Pendiente de redactar", directivo_salud, hoy)]),
        },
    )
    respuesta = client.get(url)

    assert respuesta.context["form"]["desarrollo"].value() == "Primeras notas"
    assert [f.instance.descripcion for f in respuesta.context["compromisos"].forms[:1]] == [
        "Pendiente de redactar"
    ]
    assert not Compromiso.objects.exists()


def test_a_ficha_without_text_shows_the_message_beside_the_development_field(
    client, aceptada_pasada, directivo_salud
):
    delegacion = aceptada_pasada()
    client.force_login(directivo_salud)

    respuesta = client.post(
        reverse("delegaciones:ficha", args=[delegacion.pk]),
        {"desarrollo": "", "decisiones": "", "asuntos_alcalde": "", "enviar": "1", **formset([])},
    )

    assert respuesta.status_code == 422
    assert "Escriba lo acontecido" in respuesta.context["form"].errors["desarrollo"][0]
    assert not FichaTecnica.objects.exists()


def test_an_attachment_of_the_wrong_type_is_refused_and_nothing_is_saved(
    client, aceptada_pasada, directivo_salud
):
    delegacion = aceptada_pasada()
    client.force_login(directivo_salud)
    disfrazado = SimpleUploadedFile("acta.pdf", b"MZ\x90\x00" + b"\x00" * 200)

    respuesta = client.post(
        reverse("delegaciones:ficha", args=[delegacion.pk]),
        {
            "desarrollo": "Se sesionó.",
            "decisiones": "",
            "asuntos_alcalde": "",
            "enviar": "1",
            "acta": disfrazado,
            **formset([]),
        },
    )

    assert respuesta.status_code == 422
    assert "no corresponde a" in respuesta.context["form"].errors["acta"][0]
    assert not FichaTecnica.objects.exists() and not Adjunto.objects.exists()


def test_a_bad_commitment_row_is_marked_and_nothing_is_sent(
    client, aceptada_pasada, directivo_salud
):
    delegacion = aceptada_pasada(dias_atras=3)
    client.force_login(directivo_salud)
    antes = delegacion.sesion.fecha - timedelta(days=2)

    respuesta = client.post(
        reverse("delegaciones:ficha", args=[delegacion.pk]),
        {
            "desarrollo": "Se sesionó.",
            "decisiones": "",
            "asuntos_alcalde": "",
            "enviar": "1",
            **formset([("Con fecha vieja", directivo_salud, antes)]),
        },
    )

    assert respuesta.status_code == 422
    fila = respuesta.context["compromisos"].forms[0]
    assert "no puede ser anterior" in fila.errors["fecha_limite"][0]
    delegacion.refresh_from_db()
    assert delegacion.estado == "aceptada" and not Compromiso.objects.exists()


def test_the_despacho_returns_a_ficha_and_the_delegate_sees_why(
    client, aceptada_pasada, enviar_ficha, despacho, directivo_salud
):
    delegacion = aceptada_pasada()
    enviar_ficha(delegacion)
    client.force_login(despacho)

    client.post(
        reverse("delegaciones:devolver", args=[delegacion.pk]),
        {"observaciones": "Adjunte el acta."},
    )

    client.force_login(directivo_salud)
    pagina = client.get(delegacion.get_absolute_url()).content.decode()
    assert "El Despacho la devolvió para completarla:" in pagina and "Adjunte el acta." in pagina


def test_the_despacho_registers_an_instancia(client, despacho, otro_organismo):
    client.force_login(despacho)

    respuesta = client.post(
        reverse("delegaciones:nueva_instancia"),
        {
            "nombre": "Consejo Distrital de Política Social",
            "tipo": "consejo",
            "entidad_convocante": "Secretaría de Bienestar Social",
            "norma": "Ley 1098 de 2006, artículo 207",
            "periodicidad": "trimestral",
            "organismo": otro_organismo.pk,
            "activa": "on",
        },
    )

    instancia = Instancia.objects.get()
    assert respuesta["Location"] == instancia.get_absolute_url()
    assert instancia.creado_por == despacho


def test_the_calendar_shows_the_month_of_the_session_and_survives_a_bad_month(
    client, despacho, nueva_sesion, delegar, hoy
):
    sesion = nueva_sesion(dias=3)
    delegar(sesion)
    client.force_login(despacho)

    respuesta = client.get(reverse("delegaciones:calendario"), {"mes": f"{sesion.fecha:%Y-%m}"})
    malo = client.get(reverse("delegaciones:calendario"), {"mes": "noviembre"})

    assert [s for s, _d in respuesta.context["dias_con_sesiones"][0][1]] == [sesion]
    assert malo.status_code == 200 and malo.context["mes"] == hoy.replace(day=1)
