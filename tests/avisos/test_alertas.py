"""Administrators see on Mi escritorio when e-mail is not going out (it used to be silent)."""

import pytest
from django.urls import reverse

from buengobierno.avisos.models import Recordatorio
from buengobierno.organizacion.roles import Rol
from tests.avisos.conftest import correo_smtp, puerto_libre

pytestmark = pytest.mark.django_db


def escritorio(client, usuario):
    client.force_login(usuario)
    return client.get(reverse("escritorio")).content.decode()


def test_an_smtp_outage_shows_on_the_admins_desk_with_the_error(
    client, programar, administrador, django_capture_on_commit_callbacks
):
    with correo_smtp(puerto_libre()), django_capture_on_commit_callbacks(execute=True):
        programar()

    pagina = escritorio(client, administrador)

    assert "El correo no está saliendo: 1 recordatorio espera un reintento." in pagina
    assert "Último error: ConnectionRefusedError" in pagina
    assert "/admin/avisos/recordatorio/?estado__exact=pendiente" in pagina


def test_failed_reminders_show_on_the_admins_desk(client, programar, administrador):
    recordatorio = programar()
    Recordatorio.objects.filter(pk=recordatorio.pk).update(estado=Recordatorio.Estado.FALLIDO)

    pagina = escritorio(client, administrador)

    assert "1 recordatorio no se pudo enviar y espera su revisión." in pagina
    assert "/admin/avisos/recordatorio/?estado__exact=fallido" in pagina


def test_other_roles_do_not_see_the_mail_alerts(client, programar, crear_usuario, gobierno):
    recordatorio = programar()
    Recordatorio.objects.filter(pk=recordatorio.pk).update(estado=Recordatorio.Estado.FALLIDO)

    pagina = escritorio(client, crear_usuario(Rol.DESPACHO, gobierno, username="despacho.x"))

    assert "no se pudo enviar" not in pagina


def test_without_problems_the_admin_sees_no_alert(client, programar, administrador, mailoutbox):
    programar()

    pagina = escritorio(client, administrador)

    assert "El correo no está saliendo" not in pagina
    assert "no se pudo enviar" not in pagina
