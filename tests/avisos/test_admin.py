from django.contrib.admin.models import LogEntry
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from buengobierno.avisos.models import Recordatorio
from buengobierno.avisos.servicios import notificar

Estado = Recordatorio.Estado


def _fallido(programar, **cambios):
    recordatorio = programar(**cambios)
    Recordatorio.objects.filter(pk=recordatorio.pk).update(
        estado=Estado.FALLIDO,
        intentos=8,
        ultimo_error="SMTPServerDisconnected",
        proximo_intento=None,
    )
    return recordatorio


def test_the_ledger_list_filters_by_state_step_and_record_type(admin_client, programar):
    _fallido(programar)
    programar(paso="otro_paso")
    url = reverse("admin:avisos_recordatorio_changelist")

    todos = admin_client.get(url)
    fallidos = admin_client.get(url, {"estado__exact": "fallido"})
    por_paso = admin_client.get(url, {"paso": "otro_paso"})
    buscados = admin_client.get(url, {"q": "SMTPServerDisconnected"})

    assert todos.status_code == 200
    assert todos.context["cl"].result_count == 2
    assert fallidos.context["cl"].result_count == 1
    assert por_paso.context["cl"].result_count == 1
    assert buscados.context["cl"].result_count == 1


def test_the_ledger_list_runs_the_same_queries_for_few_or_many_rows(
    admin_client, programar, crear_usuario, gobierno
):
    url = reverse("admin:avisos_recordatorio_changelist")
    programar()
    with CaptureQueriesContext(connection) as pocos:
        admin_client.get(url)
    for numero in range(15):
        persona = crear_usuario(None, gobierno, username=f"persona{numero}")
        programar(destinatario=persona)
    with CaptureQueriesContext(connection) as muchos:
        admin_client.get(url)

    assert len(muchos) == len(pocos)


def test_retry_now_puts_failed_reminders_back_in_line_and_logs_who_asked(
    admin_client, admin_user, programar, mailoutbox, django_capture_on_commit_callbacks
):
    fallido = _fallido(programar)
    enviado = programar(paso="ya_enviado")
    Recordatorio.objects.filter(pk=enviado.pk).update(estado=Estado.ENVIADO)

    with django_capture_on_commit_callbacks(execute=True):
        respuesta = admin_client.post(
            reverse("admin:avisos_recordatorio_changelist"),
            {"action": "reintentar_ahora", "_selected_action": [fallido.pk, enviado.pk]},
            follow=True,
        )

    fallido.refresh_from_db()
    assert fallido.estado == Estado.ENVIADO
    assert len(mailoutbox) == 1
    assert "Se encoló 1 recordatorio para reintentar." in respuesta.content.decode()
    assert LogEntry.objects.filter(object_id=str(fallido.pk), user=admin_user).exists()


def test_the_ledger_is_read_only_in_the_admin(admin_client, programar):
    recordatorio = programar()

    assert admin_client.get(reverse("admin:avisos_recordatorio_add")).status_code == 403
    pagina = admin_client.get(reverse("admin:avisos_recordatorio_change", args=[recordatorio.pk]))
    assert pagina.status_code == 200
    assert 'name="estado"' not in pagina.content.decode()
    assert (
        recordatorio.id_mensaje.replace("<", "&lt;").replace(">", "&gt;") in pagina.content.decode()
    )


def test_notifications_list_filters_unread_and_searches(admin_client, administrador):
    notificar(destinatario=administrador, titulo="Ficha por vencer")
    notificar(destinatario=administrador, titulo="Concepto emitido").marcar_leida()
    url = reverse("admin:avisos_notificacion_changelist")

    sin_leer = admin_client.get(url, {"leida_en__isempty": "1"})
    buscadas = admin_client.get(url, {"q": "ficha"})

    assert sin_leer.context["cl"].result_count == 1
    assert buscadas.context["cl"].result_count == 1
