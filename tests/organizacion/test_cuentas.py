import re

import pytest
from django.core import mail
from django.urls import reverse

from buengobierno.organizacion.roles import Rol

pytestmark = pytest.mark.django_db

CLAVE = "clave-de-prueba-123"


@pytest.fixture
def enlace(crear_usuario, otro_organismo):
    return crear_usuario(
        Rol.ENLACE, otro_organismo, username="dmriascos", email="diana.riascos@cali.gov.co"
    )


def entrar(client, usuario, clave, ip="10.0.0.1"):
    return client.post(reverse("login"), {"username": usuario, "password": clave}, REMOTE_ADDR=ip)


def test_the_login_page_is_spanish_and_standalone(client):
    html = client.get(reverse("login")).content.decode()

    assert '<html lang="es">' in html
    assert "Ingresar" in html and "Usuario" in html and "Contraseña" in html
    assert "¿Olvidó su contraseña?" in html
    assert "barra-lateral" not in html


def test_right_credentials_open_mi_escritorio(client, enlace):
    respuesta = entrar(client, "dmriascos", CLAVE)

    assert respuesta.status_code == 302
    assert respuesta.url == reverse("escritorio")


def test_a_wrong_password_says_so_clearly(client, enlace):
    respuesta = entrar(client, "dmriascos", "otra-cosa")

    assert respuesta.status_code == 200
    assert "Usuario o contraseña incorrectos" in respuesta.content.decode()
    assert "_auth_user_id" not in client.session


def test_five_failures_lock_that_user_on_that_machine_for_fifteen_minutes(client, enlace):
    for _intento in range(4):
        assert entrar(client, "dmriascos", "mala").status_code == 200

    bloqueo = entrar(client, "dmriascos", "mala")
    otra_vez = entrar(client, "dmriascos", CLAVE)  # right password, same machine

    html = bloqueo.content.decode()
    assert bloqueo.status_code == 429
    assert "Acceso bloqueado" in html
    assert "Por seguridad, el acceso quedó bloqueado durante 15 minutos" in html
    assert otra_vez.status_code == 429
    assert "_auth_user_id" not in client.session


def test_an_attacker_cannot_lock_a_user_out_of_other_machines(client, enlace):
    for _intento in range(5):
        entrar(client, "dmriascos", "mala", ip="10.6.6.6")

    desde_su_equipo = entrar(client, "dmriascos", CLAVE, ip="10.0.0.2")

    assert desde_su_equipo.status_code == 302


def test_a_locked_user_does_not_lock_others_on_the_same_machine(client, enlace, crear_usuario):
    crear_usuario(Rol.ENLACE, username="otra.persona")
    for _intento in range(5):
        entrar(client, "dmriascos", "mala", ip="10.9.9.9")

    otra_persona = entrar(client, "otra.persona", CLAVE, ip="10.9.9.9")

    assert otra_persona.status_code == 302


def entrar_por_proxy(client, usuario, clave, reenviado):
    """Through the TLS proxy: every request arrives from its address, 10.0.0.254."""
    return client.post(
        reverse("login"),
        {"username": usuario, "password": clave},
        REMOTE_ADDR="10.0.0.254",
        HTTP_X_FORWARDED_FOR=reenviado,
    )


def test_behind_a_proxy_the_client_address_comes_from_the_configured_depth(
    client, enlace, settings
):
    settings.AXES_IPWARE_PROXY_COUNT = 1
    for _intento in range(5):
        # The attacker writes a forged address first; the proxy appends the real one.
        bloqueo = entrar_por_proxy(client, "dmriascos", "mala", "1.2.3.4, 200.1.1.1")

    desde_otro_cliente = entrar_por_proxy(client, "dmriascos", CLAVE, "1.2.3.4, 190.5.5.5")

    assert bloqueo.status_code == 429
    assert desde_otro_cliente.status_code == 302


def test_without_a_configured_proxy_a_forwarded_header_is_ignored(client, enlace):
    for numero in range(5):
        # Changing the header does not change the address seen: still locked.
        respuesta = entrar_por_proxy(client, "dmriascos", "mala", f"190.5.5.{numero}")

    assert respuesta.status_code == 429


def test_logout_only_by_post(client, enlace):
    client.force_login(enlace)

    por_get = client.get(reverse("logout"))
    por_post = client.post(reverse("logout"), follow=True)

    assert por_get.status_code == 405
    assert por_post.redirect_chain[-1][0] == reverse("login")
    assert "Cerró su sesión de forma segura." in por_post.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_spanish_email_whose_link_sets_a_new_password(client, enlace):
    pedido = client.post(reverse("password_reset"), {"email": "diana.riascos@cali.gov.co"})

    assert pedido.status_code == 302
    assert pedido.url == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    correo = mail.outbox[0]
    assert correo.to == ["diana.riascos@cali.gov.co"]
    assert correo.subject == "Restablecer su contraseña de Buen Gobierno"
    assert "Recibimos una solicitud para restablecer la contraseña" in correo.body
    assert "Su usuario es: dmriascos" in correo.body
    html, tipo = correo.alternatives[0]
    assert tipo == "text/html" and "Crear una contraseña nueva" in html
    enlace_correo = re.search(r"https?://[^/]+(/cuentas/clave/recuperar/\S+/)", correo.body)[1]

    formulario = client.get(enlace_correo, follow=True)
    assert "Nueva contraseña" in formulario.content.decode()
    cambio = client.post(
        formulario.redirect_chain[-1][0],
        {"new_password1": "Nueva-Clave-Segura-26", "new_password2": "Nueva-Clave-Segura-26"},
        follow=True,
    )

    assert "Contraseña actualizada" in cambio.content.decode()
    enlace.refresh_from_db()
    assert enlace.check_password("Nueva-Clave-Segura-26")


def test_password_reset_does_not_reveal_unknown_addresses(client, enlace):
    respuesta = client.post(reverse("password_reset"), {"email": "nadie@cali.gov.co"}, follow=True)

    assert "Revise su correo" in respuesta.content.decode()
    assert mail.outbox == []


def test_a_used_reset_link_is_refused_in_spanish(client, enlace):
    respuesta = client.get(
        reverse("password_reset_confirm", kwargs={"uidb64": "MQ", "token": "falso-123"})
    )

    assert "El enlace ya no es válido" in respuesta.content.decode()


def test_changing_the_password_needs_the_current_one(client, enlace):
    client.force_login(enlace)

    respuesta = client.post(
        reverse("password_change"),
        {
            "old_password": "no-es-esta",
            "new_password1": "Nueva-Clave-Segura-26",
            "new_password2": "Nueva-Clave-Segura-26",
        },
    )

    assert respuesta.status_code == 200
    assert "Cambiar contraseña" in respuesta.content.decode()
    enlace.refresh_from_db()
    assert enlace.check_password(CLAVE)
