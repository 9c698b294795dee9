from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from buengobierno.avisos.models import Notificacion, Recordatorio
from buengobierno.avisos.servicios import notificar, programar_aviso


def test_programming_the_same_step_twice_keeps_one_row_and_sends_one_email(
    programar, administrador, dia_no_habil, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        primero = programar()
        segundo = programar()

    assert primero is not None
    assert segundo is None
    assert Recordatorio.objects.count() == 1
    assert len(mailoutbox) == 1
    recordatorio = Recordatorio.objects.get()
    assert recordatorio.estado == Recordatorio.Estado.ENVIADO
    assert recordatorio.enviado_en is not None
    assert recordatorio.intentos == 1
    assert mailoutbox[0].to == [administrador.email]


def test_a_sent_reminder_also_leaves_an_in_app_notice_titled_like_the_subject(
    programar, administrador, dia_no_habil, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        programar()

    notificacion = Notificacion.objects.get()
    assert notificacion.destinatario == administrador
    assert mailoutbox[0].subject == "[Buen Gobierno] Día cívico"
    assert notificacion.titulo == "Día cívico"
    assert notificacion.mensaje == dia_no_habil.motivo
    assert notificacion.url == "/admin/plazos/dianohabil/"
    assert notificacion.objeto == dia_no_habil
    assert notificacion.leida_en is None


def test_nothing_is_sent_before_the_transaction_commits(
    programar, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        programar()

    assert mailoutbox == []
    assert len(callbacks) == 1
    assert Recordatorio.objects.get().estado == Recordatorio.Estado.PENDIENTE


def test_a_rolled_back_record_leaves_no_reminder_and_sends_nothing(programar, mailoutbox):
    class Deshacer(Exception):
        pass

    try:
        with transaction.atomic():
            programar()
            raise Deshacer
    except Deshacer:
        pass

    assert Recordatorio.objects.count() == 0
    assert mailoutbox == []


def test_a_claimed_step_keeps_the_surrounding_transaction_usable(
    programar, administrador, dia_no_habil, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        programar()
    with transaction.atomic():
        assert programar() is None
        # The refused insert ran in a savepoint: the outer transaction can still write.
        dia_no_habil.motivo = "Cambiado después"
        dia_no_habil.save()

    dia_no_habil.refresh_from_db()
    assert dia_no_habil.motivo == "Cambiado después"


def test_each_step_and_each_person_is_its_own_reminder(
    programar, crear_usuario, gobierno, mailoutbox, django_capture_on_commit_callbacks
):
    otra = crear_usuario(None, gobierno, username="otra", email="otra@cali.gov.co")
    with django_capture_on_commit_callbacks(execute=True):
        programar()
        programar(paso="dia_no_habil_hoy")
        programar(destinatario=otra)

    assert Recordatorio.objects.count() == 3
    assert len(mailoutbox) == 3


def test_a_user_without_email_gets_only_the_in_app_notice(
    programar, crear_usuario, gobierno, mailoutbox, django_capture_on_commit_callbacks
):
    sin_correo = crear_usuario(None, gobierno, username="sincorreo", email="")
    with django_capture_on_commit_callbacks(execute=True):
        programar(destinatario=sin_correo)

    recordatorio = Recordatorio.objects.get()
    assert mailoutbox == []
    assert recordatorio.estado == Recordatorio.Estado.ENVIADO
    assert "no tiene correo" in recordatorio.nota
    assert Notificacion.objects.get().destinatario == sin_correo


def test_nobody_to_notify_schedules_nothing(programar):
    assert programar(destinatario=None) is None
    assert Recordatorio.objects.count() == 0


def test_the_ledger_row_points_at_the_record(programar, dia_no_habil):
    recordatorio = programar()

    assert recordatorio.content_type == ContentType.objects.get_for_model(dia_no_habil)
    assert recordatorio.object_id == dia_no_habil.pk
    assert recordatorio.objeto == dia_no_habil
    assert Recordatorio.objects.de_objeto(dia_no_habil).get() == recordatorio


def test_the_link_defaults_to_the_records_own_page(
    administrador, gobierno, django_capture_on_commit_callbacks, mailoutbox, monkeypatch
):
    monkeypatch.setattr(
        type(gobierno), "get_absolute_url", lambda self: f"/organismos/{self.pk}/", raising=False
    )
    with django_capture_on_commit_callbacks(execute=True):
        recordatorio = programar_aviso(
            objeto=gobierno, paso="prueba", destinatario=administrador, plantilla="aviso_generico"
        )

    assert recordatorio.url == f"/organismos/{gobierno.pk}/"
    assert f"http://localhost:8000/organismos/{gobierno.pk}/" in mailoutbox[0].body


def test_notificar_creates_an_unread_notice_right_away(administrador, dia_no_habil, mailoutbox):
    notificacion = notificar(
        destinatario=administrador,
        titulo="Visto bueno otorgado",
        mensaje="La DAGJP dio su visto bueno.",
        url="/actos/3/",
        objeto=dia_no_habil,
    )

    assert notificacion.pk is not None
    assert notificacion.leida_en is None
    assert notificacion.objeto == dia_no_habil
    assert Notificacion.objects.de(administrador).no_leidas().count() == 1
    assert mailoutbox == []
