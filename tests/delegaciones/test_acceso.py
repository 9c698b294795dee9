"""Role × view matrix of P001.

despacho (Despacho de Gobierno) coordinates everything; directivo_salud is the delegate and
head of the instancia's organism; consulta (Control Interno) reads all and writes nothing;
directivo_educacion, of another organism, must not even learn that the records exist.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Q
from django.urls import reverse

from buengobierno.documentos.models import Adjunto
from buengobierno.plazos.calendario import sumar_dias_habiles
from compromisos.models import Compromiso, Corresponsable
from delegaciones import services
from delegaciones.models import Delegacion, FichaTecnica, Instancia, Sesion
from tests.documentos.conftest import bytes_pdf

pytestmark = pytest.mark.django_db

USUARIOS = ["despacho", "directivo_salud", "consulta", "directivo_educacion"]


@pytest.fixture
def usuarios(despacho, directivo_salud, consulta, directivo_educacion):
    return {
        "despacho": despacho,
        "directivo_salud": directivo_salud,
        "consulta": consulta,
        "directivo_educacion": directivo_educacion,
    }


@pytest.fixture
def registros(aceptada_pasada, enviar_ficha, nueva_sesion, delegar, directivo_salud, hoy):
    entregada = aceptada_pasada()
    enviar_ficha(
        entregada,
        compromisos=[("Informe de cartera", directivo_salud, sumar_dias_habiles(hoy, 5))],
    )
    return {
        "entregada": entregada,
        "notificada": delegar(nueva_sesion(dias=8)),
        "aceptada_pasada": aceptada_pasada(dias_atras=2),
        "sesion_libre": nueva_sesion(dias=12),
        "sesion": entregada.sesion,
        "instancia": entregada.sesion.instancia,
    }


LECTURAS = [
    ("delegaciones:delegacion", "entregada"),
    ("delegaciones:ficha_pdf", "entregada"),
    ("delegaciones:carta_pdf", "entregada"),
    ("delegaciones:sesion", "sesion"),
    ("delegaciones:instancia", "instancia"),
]


@pytest.mark.parametrize(
    ("usuario", "esperado"),
    [("despacho", 200), ("directivo_salud", 200), ("consulta", 200), ("directivo_educacion", 404)],
)
@pytest.mark.parametrize(("vista", "objeto"), LECTURAS)
def test_reading_a_record_is_allowed_to_its_people_and_404_to_another_organism(
    client, registros, usuarios, usuario, esperado, vista, objeto
):
    client.force_login(usuarios[usuario])

    respuesta = client.get(reverse(vista, args=[registros[objeto].pk]))

    assert respuesta.status_code == esperado


ESCRITURAS = [
    # view, record, data, expected per user
    (
        "delegaciones:aceptar",
        "notificada",
        {},
        # Only the delegate answers a delegation.
        {"despacho": 403, "directivo_salud": 302, "consulta": 403, "directivo_educacion": 404},
    ),
    (
        "delegaciones:rechazar",
        "notificada",
        {"motivo": "Viaje oficial"},
        {"despacho": 403, "directivo_salud": 302, "consulta": 403, "directivo_educacion": 404},
    ),
    (
        "delegaciones:cancelar",
        "notificada",
        {"motivo": "Asistirá el Alcalde"},
        {"despacho": 302, "directivo_salud": 403, "consulta": 403, "directivo_educacion": 404},
    ),
    (
        "delegaciones:revisar",
        "entregada",
        {"observaciones": ""},
        {"despacho": 302, "directivo_salud": 403, "consulta": 403, "directivo_educacion": 404},
    ),
    (
        "delegaciones:delegar",
        "sesion_libre",
        {"delegado": "__delegado__", "delegante": "alcalde", "instrucciones": "Asistir."},
        {"despacho": 302, "directivo_salud": 403, "consulta": 403, "directivo_educacion": 404},
    ),
    (
        "delegaciones:ficha",
        "aceptada_pasada",
        {
            "desarrollo": "Se sesionó.",
            "guardar": "1",
            "compromisos-TOTAL_FORMS": "0",
            "compromisos-INITIAL_FORMS": "0",
        },
        {"despacho": 302, "directivo_salud": 302, "consulta": 403, "directivo_educacion": 404},
    ),
]


@pytest.mark.parametrize("usuario", USUARIOS)
@pytest.mark.parametrize(("vista", "objeto", "datos", "esperados"), ESCRITURAS)
def test_writing_is_allowed_to_who_does_the_step_403_to_read_only_and_404_to_outsiders(
    client, registros, usuarios, usuario, vista, objeto, datos, esperados, directivo_salud
):
    client.force_login(usuarios[usuario])
    datos = {k: (directivo_salud.pk if v == "__delegado__" else v) for k, v in datos.items()}

    respuesta = client.post(reverse(vista, args=[registros[objeto].pk]), datos)

    assert respuesta.status_code == esperados[usuario]


def test_a_refused_write_changes_nothing(
    client, registros, despacho, directivo_salud, consulta, directivo_educacion
):
    notificada = registros["notificada"]
    for persona, vista, datos in (
        (despacho, "delegaciones:aceptar", {}),
        (directivo_salud, "delegaciones:cancelar", {"motivo": "x"}),
        (consulta, "delegaciones:rechazar", {"motivo": "x"}),
        (directivo_educacion, "delegaciones:cancelar", {"motivo": "x"}),
    ):
        client.force_login(persona)
        client.post(reverse(vista, args=[notificada.pk]), datos)
    client.force_login(consulta)
    client.post(
        reverse("delegaciones:delegar", args=[registros["sesion_libre"].pk]),
        {"delegado": directivo_salud.pk, "delegante": "alcalde", "instrucciones": "Asistir."},
    )

    notificada.refresh_from_db()
    assert (notificada.estado, notificada.respondida_en) == (Delegacion.Estado.NOTIFICADA, None)
    assert notificada.motivo_cancelacion == notificada.motivo_rechazo == ""
    assert not registros["sesion_libre"].delegaciones.exists()


@pytest.mark.parametrize(
    ("usuario", "esperado"),
    [("despacho", 200), ("directivo_salud", 403), ("consulta", 403), ("directivo_educacion", 403)],
)
@pytest.mark.parametrize("vista", ["delegaciones:nueva_sesion", "delegaciones:nueva_instancia"])
def test_only_the_despacho_registers_sessions_and_instancias(
    client, usuarios, usuario, esperado, vista
):
    client.force_login(usuarios[usuario])

    assert client.get(reverse(vista)).status_code == esperado


@pytest.mark.parametrize("usuario", USUARIOS)
def test_lists_show_each_person_only_what_they_may_see(client, registros, usuarios, usuario):
    client.force_login(usuarios[usuario])

    filas = client.get(reverse("delegaciones:delegaciones")).context["object_list"]

    if usuario == "directivo_educacion":
        assert list(filas) == []
    else:
        assert set(filas) == set(Delegacion.objects.all())


@pytest.mark.parametrize("lista", ["delegaciones:delegaciones", "delegaciones:sesiones"])
@pytest.mark.parametrize("usuario", [*USUARIOS, "sin_rol"])
def test_the_instancia_filter_names_only_instancias_the_user_may_see(
    client, registros, usuarios, crear_usuario, usuario, lista
):
    ajena = Instancia.objects.create(
        nombre="Consejo Municipal de Paz",
        tipo=Instancia.Tipo.CONSEJO,
        organismo=usuarios["despacho"].organismo,
        creado_por=usuarios["despacho"],
    )
    persona = usuarios.get(usuario) or crear_usuario(None, username="sin.rol")
    client.force_login(persona)

    campo = client.get(reverse(lista)).context["filter"].form.fields["instancia"]

    opciones = set(campo.queryset)
    assert opciones == set(Instancia.objects.visibles_para(persona))
    if usuario in ("despacho", "consulta"):
        assert ajena in opciones
    else:
        assert ajena not in opciones
    if usuario in ("directivo_educacion", "sin_rol"):
        assert opciones == set()


def test_an_enlace_of_the_organism_drafts_the_ficha_but_the_delegate_sends_it(
    client, registros, enlace_salud
):
    delegacion = registros["aceptada_pasada"]
    client.force_login(enlace_salud)
    url = reverse("delegaciones:ficha", args=[delegacion.pk])
    datos = {
        "desarrollo": "Borrador del enlace.",
        "compromisos-TOTAL_FORMS": "0",
        "compromisos-INITIAL_FORMS": "0",
    }

    assert client.post(url, {**datos, "guardar": "1"}).status_code == 302
    assert "Enviar la ficha al Despacho" not in client.get(url).content.decode()
    assert client.post(url, {**datos, "enviar": "1"}).status_code == 403
    assert FichaTecnica.objects.get(delegacion=delegacion).entregada_en is None
    client.force_login(delegacion.delegado)
    assert "Enviar la ficha al Despacho" in client.get(url).content.decode()


def test_a_user_without_a_role_sees_nothing(client, registros, crear_usuario, otro_organismo):
    client.force_login(crear_usuario(None, otro_organismo, username="sin.rol"))

    respuesta = client.get(reverse("delegaciones:delegacion", args=[registros["entregada"].pk]))

    assert respuesta.status_code == 404


def test_the_delegate_of_another_organism_sees_the_delegation_assigned_to_him(
    client, nueva_sesion, delegar, directivo_educacion
):
    delegacion = delegar(nueva_sesion(), delegado=directivo_educacion)
    client.force_login(directivo_educacion)

    pagina = client.get(delegacion.get_absolute_url())

    assert "Acepto la delegación" in pagina.content.decode()
    assert client.get(delegacion.sesion.get_absolute_url()).status_code == 200


def test_anonymous_visitors_are_sent_to_log_in(client, registros):
    respuesta = client.get(reverse("delegaciones:delegacion", args=[registros["entregada"].pk]))

    assert respuesta.status_code == 302
    assert "/cuentas/" in respuesta.url


def test_visibility_is_the_plain_or_of_each_models_lookups_on_every_kind_of_path(
    registros, nueva_sesion, delegar, directivo_salud, directivo_educacion, enlace_salud
):
    """The access helper reads each lookup from the table that holds it (a UNION of keys);
    the answer must be what the plain OR of the policy's lookups gives."""
    delegar(nueva_sesion(dias=15), delegado=directivo_educacion)  # a reverse path, two steps
    compromiso = Compromiso.objects.get()
    Corresponsable.objects.create(compromiso=compromiso, usuario=directivo_educacion)  # m2m

    for modelo in (Instancia, Sesion, Delegacion, FichaTecnica, Compromiso):
        politica = modelo.acceso
        for usuario in (directivo_salud, directivo_educacion, enlace_salud):
            condicion = Q(pk__in=[])
            if politica.organismo:
                condicion |= Q(**{politica.organismo: usuario.organismo_id})
            for ruta in politica.asignados:
                condicion |= Q(**{ruta: usuario.pk})
            esperado = set(modelo.objects.filter(condicion).values_list("pk", flat=True))

            visibles = modelo.objects.visibles_para(usuario).values_list("pk", flat=True)

            assert set(visibles) == esperado, (modelo.__name__, usuario.username)
    assert Instancia.objects.visibles_para(directivo_educacion).exists()
    assert compromiso in Compromiso.objects.visibles_para(directivo_educacion)


# --- role checks inside the services, not only in the pages (issue 9) -------------------------


def test_an_enlace_of_the_delegates_organism_cannot_mark_the_session_held_by_post(
    client, aceptada_pasada, enlace_salud
):
    delegacion = aceptada_pasada()
    client.force_login(enlace_salud)

    respuesta = client.post(reverse("delegaciones:realizada", args=[delegacion.pk]))

    assert respuesta.status_code == 403
    delegacion.refresh_from_db()
    assert delegacion.estado == Delegacion.Estado.ACEPTADA


def test_the_delegate_still_marks_the_session_held(client, aceptada_pasada, directivo_salud):
    delegacion = aceptada_pasada()
    client.force_login(directivo_salud)

    client.post(reverse("delegaciones:realizada", args=[delegacion.pk]))

    delegacion.refresh_from_db()
    assert delegacion.estado == Delegacion.Estado.REALIZADA


@pytest.mark.parametrize("quien", ["enlace_salud", "consulta", "directivo_educacion"])
def test_the_services_refuse_whoever_may_not_take_the_step(
    aceptada_pasada, nueva_sesion, enlace_salud, consulta, directivo_educacion, quien
):

    usuario = {"enlace_salud": enlace_salud, "consulta": consulta}.get(quien, directivo_educacion)
    delegacion = aceptada_pasada()
    sesion = nueva_sesion(dias=9)

    with pytest.raises(PermissionDenied):
        services.marcar_realizada(delegacion=delegacion, usuario=usuario)
    with pytest.raises(PermissionDenied):
        services.actualizar_sesion(
            sesion=sesion, datos={"lugar": "Otro"}, archivos={}, usuario=usuario
        )
    with pytest.raises(PermissionDenied):
        services.registrar_sesion(
            datos={"instancia": sesion.instancia, "inicio": sesion.inicio},
            archivos={},
            usuario=usuario,
        )
    if quien != "enlace_salud":  # the organism's enlace drafts the ficha; the others may not
        with pytest.raises(PermissionDenied):
            services.guardar_ficha(
                delegacion=delegacion,
                datos={"desarrollo": "x"},
                compromisos=[],
                archivos={},
                usuario=usuario,
                enviar=False,
            )
    delegacion.refresh_from_db()
    sesion.refresh_from_db()
    assert delegacion.estado == Delegacion.Estado.ACEPTADA
    assert sesion.lugar != "Otro"


@pytest.mark.parametrize("revisada", [False, True])
def test_the_ficha_takes_no_attachments_once_delivered_or_reviewed(
    client, registros, despacho, directivo_salud, settings, tmp_path, revisada
):
    settings.MEDIA_ROOT = tmp_path
    delegacion = registros["entregada"]
    if revisada:
        delegacion = services.revisar_ficha(delegacion=delegacion, usuario=despacho)
    ficha = FichaTecnica.objects.get(delegacion=delegacion)
    client.force_login(directivo_salud)
    tipo = ContentType.objects.get_for_model(ficha)

    respuesta = client.post(
        reverse("documentos:adjuntar", args=[tipo.pk, ficha.pk]),
        {"archivo": SimpleUploadedFile("otra.pdf", bytes_pdf(), content_type="application/pdf")},
    )

    assert respuesta.status_code == 403
    assert not Adjunto.objects.de(ficha).filter(subido_por=directivo_salud).exists()
