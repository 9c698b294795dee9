from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from buengobierno.avisos.models import Recordatorio
from buengobierno.documentos.models import Adjunto
from buengobierno.plazos.calendario import sumar_dias_habiles
from compromisos import services
from compromisos.models import (
    Avance,
    Compromiso,
    ErrorDeEstado,
    Reprogramacion,
    Reunion,
    TipoReunion,
)
from tests.compromisos.conftest import reunion_cerrada_con
from tests.conftest import momento

pytestmark = pytest.mark.django_db
Estado = Compromiso.Estado


def test_the_five_meeting_types_are_seeded_and_only_the_consejo_numbers_its_actas():
    numeradas = TipoReunion.objects.filter(numera_acta=True)

    assert TipoReunion.objects.count() >= 5
    assert [t.nombre for t in numeradas] == ["Consejo de Gobierno"]
    assert numeradas.get().serie_acta == "actas-consejo-gobierno"
    assert TipoReunion.objects.filter(nombre="Comité Coordinador de Proyectos de Acuerdo").exists()


# --- crear_compromisos: the door of the other procedures ---------------------------------


def test_commitments_from_any_origin_keep_a_link_back_and_the_responsibles_organism(
    reunion,
    secretaria,
    directivo_salud,
    enlace_salud,
    otro_organismo,
    hoy,
    mailoutbox,
    al_confirmar,
):
    fecha = sumar_dias_habiles(hoy, 5)

    with al_confirmar():
        creados = services.crear_compromisos(
            origen=reunion,
            compromisos=[
                {
                    "descripcion": "Presentar el plan de choque",
                    "responsable": directivo_salud,
                    "fecha_limite": fecha,
                    "corresponsables": [enlace_salud],
                    "prioridad": "alta",
                }
            ],
            creado_por=secretaria,
        )

    compromiso = creados[0]
    assert compromiso.estado == Estado.PENDIENTE
    assert compromiso.organismo == otro_organismo
    assert compromiso.fecha_limite_original == fecha
    assert compromiso.origen == reunion
    assert compromiso.reunion == reunion
    assert compromiso.origen_url == reunion.get_absolute_url()
    assert list(compromiso.corresponsables.all()) == [enlace_salud]
    destinatarios = sorted(m.to[0] for m in mailoutbox)
    assert destinatarios == sorted([directivo_salud.email, enlace_salud.email])
    assert "Nuevo compromiso a su cargo" in next(
        m.subject for m in mailoutbox if m.to == [directivo_salud.email]
    )


def test_a_batch_with_one_bad_commitment_saves_none_and_says_why_per_row(
    reunion, secretaria, directivo_salud, hoy, mailoutbox, al_confirmar
):
    with al_confirmar(), pytest.raises(services.CompromisosInvalidos) as error:
        services.crear_compromisos(
            origen=reunion,
            compromisos=[
                {"descripcion": "Bien", "responsable": directivo_salud, "fecha_limite": hoy},
                {
                    "descripcion": "Antes de la reunión",
                    "responsable": directivo_salud,
                    "fecha_limite": hoy - timedelta(days=1),
                },
                {"descripcion": "", "responsable": None, "fecha_limite": None},
            ],
            creado_por=secretaria,
        )

    assert set(error.value.por_fila) == {1, 2}
    assert "no puede ser anterior" in error.value.por_fila[1]["fecha_limite"][0]
    assert set(error.value.por_fila[2]) == {"descripcion", "responsable", "fecha_limite"}
    assert Compromiso.objects.count() == 0
    assert mailoutbox == []


def test_an_origin_may_declare_the_date_its_commitments_start_from(
    secretaria, directivo_salud, hoy, gobierno
):
    class Sesion:
        """A record of another procedure (e.g. a session of P001)."""

        pk = 7
        fecha_compromisos = hoy - timedelta(days=10)

    assert services.fecha_de_origen(Sesion()) == hoy - timedelta(days=10)
    assert services.fecha_de_origen(gobierno) == hoy


# --- meetings ------------------------------------------------------------------------------


def test_convening_a_committee_pre_fills_its_agenda_and_tells_the_invited(
    nueva_reunion, comite, directivo_salud, enlace_salud, mailoutbox, al_confirmar
):
    with al_confirmar():
        reunion = nueva_reunion(
            tipo=comite,
            titulo="Comité Coordinador: conceptos discrepantes",
            puntos=["Concepto técnico", "  ", "Concepto financiero"],
            invitados=[directivo_salud, enlace_salud, directivo_salud],
        )

    assert [p.titulo for p in reunion.puntos.all()] == ["Concepto técnico", "Concepto financiero"]
    assert reunion.asistentes.count() == 2
    assert {m.to[0] for m in mailoutbox} == {directivo_salud.email, enlace_salud.email}
    assert mailoutbox[0].subject.startswith("[Buen Gobierno] Convocatoria: Comité Coordinador")


def test_a_meeting_cannot_end_before_it_starts(nueva_reunion, hoy):
    with pytest.raises(ValidationError) as error:
        nueva_reunion(inicio=momento(hoy, 10), fin=momento(hoy, 8))

    assert "fin" in error.value.message_dict
    assert Reunion.objects.count() == 0


def test_closing_a_consejo_numbers_its_acta_and_notifies_each_responsible(
    reunion_en_curso, secretaria, directivo_salud, enlace_salud, hoy, mailoutbox, al_confirmar
):
    fecha = sumar_dias_habiles(hoy, 5)
    with al_confirmar():
        cerrada = reunion_cerrada_con(
            reunion_en_curso,
            secretaria,
            [("Plan de choque", directivo_salud, fecha), ("Informe", enlace_salud, fecha)],
        )

    assert cerrada.estado == Reunion.Estado.CERRADA
    assert cerrada.numero_acta == f"{hoy.year}-0001"
    assert cerrada.cerrada_por == secretaria
    assert set(cerrada.compromisos.values_list("estado", flat=True)) == {Estado.PENDIENTE}
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [directivo_salud.email, enlace_salud.email]
    )
    assert Recordatorio.objects.filter(paso="compromiso_asignado").count() == 2


def test_a_committee_acta_gets_no_number(nueva_reunion, comite, secretaria, directivo_salud, hoy):
    cerrada = reunion_cerrada_con(
        nueva_reunion(tipo=comite), secretaria, [("Tarea", directivo_salud, hoy)]
    )

    assert cerrada.numero_acta == ""


def test_a_meeting_does_not_close_while_a_commitment_lacks_responsible_or_date(
    reunion_en_curso, secretaria, directivo_salud, hoy, mailoutbox, al_confirmar
):
    completo = services.agregar_compromiso_en_reunion(
        reunion=reunion_en_curso,
        descripcion="Con todo",
        responsable=directivo_salud,
        fecha_limite=hoy,
        prioridad="media",
        usuario=secretaria,
    )
    incompleto = services.agregar_compromiso_en_reunion(
        reunion=reunion_en_curso,
        descripcion="Sin responsable ni fecha",
        responsable=None,
        fecha_limite=None,
        prioridad="media",
        usuario=secretaria,
    )

    with al_confirmar(), pytest.raises(services.CompromisosInvalidos) as error:
        services.cerrar_reunion(reunion=reunion_en_curso, usuario=secretaria)

    assert list(error.value.por_fila) == [incompleto.pk]
    assert error.value.por_fila[incompleto.pk]["responsable"] == [
        "Indique quién es el responsable."
    ]
    assert error.value.por_fila[incompleto.pk]["fecha_limite"] == [
        "Indique la fecha límite de cumplimiento."
    ]
    reunion_en_curso.refresh_from_db()
    completo.refresh_from_db()
    assert reunion_en_curso.estado == Reunion.Estado.EN_CURSO
    assert reunion_en_curso.numero_acta == ""
    assert completo.estado == Estado.BORRADOR
    assert mailoutbox == []


def test_a_failed_close_gives_the_acta_number_back(nueva_reunion, secretaria, directivo_salud, hoy):
    primera = nueva_reunion(titulo="Primera")
    services.iniciar_reunion(reunion=primera, usuario=secretaria)
    services.agregar_compromiso_en_reunion(
        reunion=primera,
        descripcion="Sin fecha",
        responsable=directivo_salud,
        fecha_limite=None,
        prioridad="media",
        usuario=secretaria,
    )
    with pytest.raises(services.CompromisosInvalidos):
        services.cerrar_reunion(reunion=primera, usuario=secretaria)

    segunda = reunion_cerrada_con(nueva_reunion(titulo="Segunda"), secretaria, [])

    assert segunda.numero_acta == f"{hoy.year}-0001"


def test_a_commitment_typed_in_the_meeting_may_not_fall_before_it(
    reunion_en_curso, secretaria, directivo_salud, hoy
):
    with pytest.raises(ValidationError) as error:
        services.agregar_compromiso_en_reunion(
            reunion=reunion_en_curso,
            descripcion="Atrasado",
            responsable=directivo_salud,
            fecha_limite=hoy - timedelta(days=1),
            prioridad="media",
            usuario=secretaria,
        )

    assert "anterior a la reunión" in error.value.message_dict["fecha_limite"][0]
    assert not Compromiso.objects.exists()


def test_a_closed_meeting_is_frozen(reunion_en_curso, secretaria, directivo_salud, hoy):
    reunion_cerrada_con(reunion_en_curso, secretaria, [])
    punto = reunion_en_curso.puntos.first()

    with pytest.raises(ErrorDeEstado):
        services.guardar_campo(
            reunion=reunion_en_curso,
            clave=f"punto.{punto.pk}.desarrollo",
            valor="Tarde",
            version=99,
            usuario=secretaria,
        )
    with pytest.raises(ErrorDeEstado):
        services.agregar_punto(
            reunion=reunion_en_curso, titulo="Otro", presentador="", usuario=secretaria
        )
    with pytest.raises(ErrorDeEstado):
        services.cerrar_reunion(reunion=reunion_en_curso, usuario=secretaria)


def test_only_a_meeting_in_course_closes(reunion, secretaria):
    with pytest.raises(ErrorDeEstado):
        services.cerrar_reunion(reunion=reunion, usuario=secretaria)


def test_an_external_attendee_needs_the_data_protection_notice(reunion, secretaria):
    with pytest.raises(ValidationError) as error:
        services.agregar_asistente_externo(
            reunion=reunion,
            datos={"nombre": "María Ortiz", "entidad": "Cruz Roja", "aviso_datos_aceptado": False},
            usuario=secretaria,
        )

    assert "Ley 1581" in error.value.message_dict["aviso_datos_aceptado"][0]
    assert not reunion.asistentes.exists()


# --- the live page: saving field by field ---------------------------------------------------


def test_a_live_field_saves_and_returns_its_new_version(reunion, secretaria):
    punto = reunion.puntos.first()

    guardado = services.guardar_campo(
        reunion=reunion,
        clave=f"punto.{punto.pk}.desarrollo",
        valor="Hay quórum.",
        version=0,
        usuario=secretaria,
    )

    punto.refresh_from_db()
    reunion.refresh_from_db()
    assert punto.desarrollo == "Hay quórum."
    assert guardado.version == reunion.version
    assert reunion.version_de(f"punto.{punto.pk}.desarrollo") == guardado.version


def test_someone_elses_change_since_the_version_i_saw_is_a_conflict_not_an_overwrite(
    reunion, secretaria, crear_usuario, gobierno
):
    colega = crear_usuario("Despacho de Gobierno", gobierno, username="colega")
    punto = reunion.puntos.first()
    clave = f"punto.{punto.pk}.desarrollo"
    services.guardar_campo(
        reunion=reunion, clave=clave, valor="Texto de la colega", version=0, usuario=colega
    )

    with pytest.raises(services.Conflicto) as conflicto:
        services.guardar_campo(
            reunion=reunion, clave=clave, valor="Mi texto", version=0, usuario=secretaria
        )

    punto.refresh_from_db()
    assert punto.desarrollo == "Texto de la colega"
    assert conflicto.value.valor == "Texto de la colega"
    # Having seen her version, I may now write over it.
    services.guardar_campo(
        reunion=reunion,
        clave=clave,
        valor="Mi texto",
        version=conflicto.value.version,
        usuario=secretaria,
    )
    punto.refresh_from_db()
    assert punto.desarrollo == "Mi texto"


def test_changes_to_other_fields_are_no_conflict(reunion, secretaria, crear_usuario, gobierno):
    colega = crear_usuario("Despacho de Gobierno", gobierno, username="colega")
    primero, segundo = reunion.puntos.all()
    services.guardar_campo(
        reunion=reunion,
        clave=f"punto.{primero.pk}.desarrollo",
        valor="De la colega",
        version=0,
        usuario=colega,
    )

    services.guardar_campo(
        reunion=reunion,
        clave=f"punto.{segundo.pk}.desarrollo",
        valor="Mío",
        version=0,
        usuario=secretaria,
    )

    segundo.refresh_from_db()
    assert segundo.desarrollo == "Mío"


def test_my_own_save_from_another_tab_is_a_conflict_too(reunion, secretaria):
    # The laptop and the phone of one person: the phone's text was never seen on the laptop.
    punto = reunion.puntos.first()
    clave = f"punto.{punto.pk}.desarrollo"
    services.guardar_campo(
        reunion=reunion, clave=clave, valor="Desde el teléfono", version=0, usuario=secretaria
    )

    with pytest.raises(services.Conflicto) as conflicto:
        services.guardar_campo(
            reunion=reunion, clave=clave, valor="Desde el portátil", version=0, usuario=secretaria
        )

    assert conflicto.value.valor == "Desde el teléfono"
    punto.refresh_from_db()
    assert punto.desarrollo == "Desde el teléfono"


def test_my_next_save_from_the_same_page_carries_the_version_it_was_given(reunion, secretaria):
    punto = reunion.puntos.first()
    clave = f"punto.{punto.pk}.desarrollo"
    guardado = services.guardar_campo(
        reunion=reunion, clave=clave, valor="Hay", version=0, usuario=secretaria
    )

    services.guardar_campo(
        reunion=reunion,
        clave=clave,
        valor="Hay quórum",
        version=guardado.version,
        usuario=secretaria,
    )

    punto.refresh_from_db()
    assert punto.desarrollo == "Hay quórum"


def test_a_live_due_date_before_the_meeting_is_refused_with_a_message(
    reunion, secretaria, directivo_salud, hoy
):
    compromiso = services.agregar_compromiso_en_reunion(
        reunion=reunion,
        descripcion="Tarea",
        responsable=directivo_salud,
        fecha_limite=None,
        prioridad="media",
        usuario=secretaria,
    )

    with pytest.raises(ValidationError) as error:
        services.guardar_campo(
            reunion=reunion,
            clave=f"compromiso.{compromiso.pk}.fecha_limite",
            valor=(hoy - timedelta(days=2)).isoformat(),
            version=0,
            usuario=secretaria,
        )

    assert "anterior a la reunión" in error.value.messages[0]
    compromiso.refresh_from_db()
    assert compromiso.fecha_limite is None


def test_choosing_the_responsible_live_sets_their_organism(
    reunion, secretaria, directivo_salud, otro_organismo
):
    compromiso = services.agregar_compromiso_en_reunion(
        reunion=reunion,
        descripcion="Tarea",
        responsable=None,
        fecha_limite=None,
        prioridad="media",
        usuario=secretaria,
    )

    services.guardar_campo(
        reunion=reunion,
        clave=f"compromiso.{compromiso.pk}.responsable",
        valor=str(directivo_salud.pk),
        version=0,
        usuario=secretaria,
    )

    compromiso.refresh_from_db()
    assert compromiso.responsable == directivo_salud
    assert compromiso.organismo == otro_organismo


def test_unknown_live_fields_are_refused(reunion, secretaria):
    for clave in ("reunion.estado", "punto.1", "reunion.1.objetivo", "compromiso.x.descripcion"):
        with pytest.raises(ValidationError):
            services.guardar_campo(
                reunion=reunion, clave=clave, valor="x", version=0, usuario=secretaria
            )


# --- the life of a commitment -------------------------------------------------------------


@pytest.fixture
def compromiso(crear_compromiso, directivo_salud):
    return crear_compromiso(directivo_salud)


def test_a_progress_note_moves_a_pending_commitment_to_en_progreso(compromiso, directivo_salud):
    services.registrar_avance(
        compromiso=compromiso,
        nota="Reunión con los corregimientos",
        porcentaje=30,
        usuario=directivo_salud,
    )

    compromiso.refresh_from_db()
    assert compromiso.estado == Estado.EN_PROGRESO
    assert compromiso.avance == 30


def test_fulfilment_needs_a_note_and_keeps_the_evidence_file(compromiso, directivo_salud, hoy):
    with pytest.raises(ValidationError) as error:
        services.marcar_cumplido(compromiso=compromiso, nota="  ", usuario=directivo_salud)
    assert "nota" in error.value.message_dict

    archivo = SimpleUploadedFile("acta.pdf", b"%PDF-1.4\n%prueba\n", content_type="application/pdf")
    services.marcar_cumplido(
        compromiso=compromiso, nota="Plan entregado", archivo=archivo, usuario=directivo_salud
    )

    compromiso.refresh_from_db()
    assert compromiso.estado == Estado.CUMPLIDO
    assert compromiso.fecha_cumplimiento == hoy
    avance = compromiso.avances.get(tipo=Avance.Tipo.CUMPLIMIENTO)
    assert avance.evidencia.nombre_original == "acta.pdf"
    assert avance.porcentaje == 100


def test_evidence_of_a_forbidden_type_saves_nothing(compromiso, directivo_salud):
    disfrazado = SimpleUploadedFile(
        "evidencia.pdf", b"MZ\x90\x00ejecutable", content_type="application/pdf"
    )

    with pytest.raises(ValidationError) as error:
        services.marcar_cumplido(
            compromiso=compromiso, nota="Listo", archivo=disfrazado, usuario=directivo_salud
        )

    assert "no corresponde a un PDF" in error.value.message_dict["archivo"][0]
    compromiso.refresh_from_db()
    assert compromiso.estado == Estado.PENDIENTE
    assert not Avance.objects.exists()
    assert not Adjunto.objects.exists()


def test_the_follow_up_verifies_or_returns_but_the_responsible_cannot_verify_themself(
    compromiso, directivo_salud, secretaria
):
    services.marcar_cumplido(compromiso=compromiso, nota="Hecho", usuario=directivo_salud)

    with pytest.raises(PermissionDenied):
        services.verificar_compromiso(compromiso=compromiso, usuario=directivo_salud)
    services.devolver_compromiso(
        compromiso=compromiso, usuario=secretaria, observacion="Falta el cronograma"
    )
    compromiso.refresh_from_db()
    assert compromiso.estado == Estado.EN_PROGRESO
    assert compromiso.fecha_cumplimiento is None

    services.marcar_cumplido(compromiso=compromiso, nota="Con cronograma", usuario=directivo_salud)
    services.verificar_compromiso(compromiso=compromiso, usuario=secretaria)
    compromiso.refresh_from_db()
    assert compromiso.estado == Estado.VERIFICADO
    assert compromiso.verificado_por == secretaria


def test_returning_needs_an_observation(compromiso, directivo_salud, secretaria):
    services.marcar_cumplido(compromiso=compromiso, nota="Hecho", usuario=directivo_salud)

    with pytest.raises(ValidationError):
        services.devolver_compromiso(compromiso=compromiso, usuario=secretaria, observacion="")

    compromiso.refresh_from_db()
    assert compromiso.estado == Estado.CUMPLIDO


def test_cancelling_needs_a_reason_and_only_the_follow_up_cancels(
    compromiso, directivo_salud, secretaria
):
    with pytest.raises(PermissionDenied):
        services.cancelar_compromiso(compromiso=compromiso, usuario=directivo_salud, motivo="x")
    with pytest.raises(ValidationError) as error:
        services.cancelar_compromiso(compromiso=compromiso, usuario=secretaria, motivo=" ")
    assert "motivo" in error.value.message_dict

    services.cancelar_compromiso(compromiso=compromiso, usuario=secretaria, motivo="Ya no aplica")

    compromiso.refresh_from_db()
    assert compromiso.estado == Estado.CANCELADO
    with pytest.raises(ErrorDeEstado):
        services.marcar_cumplido(compromiso=compromiso, nota="Tarde", usuario=directivo_salud)


def test_rescheduling_keeps_the_old_date_and_the_justification(compromiso, secretaria, hoy):
    original = compromiso.fecha_limite
    nueva = sumar_dias_habiles(hoy, 15)

    services.reprogramar_compromiso(
        compromiso=compromiso,
        nueva_fecha=nueva,
        justificacion="El INS entrega datos tarde",
        usuario=secretaria,
    )

    compromiso.refresh_from_db()
    assert compromiso.estado == Estado.REPROGRAMADO
    assert compromiso.fecha_limite == nueva
    assert compromiso.fecha_limite_original == original
    reprogramacion = Reprogramacion.objects.get()
    assert (reprogramacion.fecha_anterior, reprogramacion.fecha_nueva) == (original, nueva)
    assert reprogramacion.justificacion == "El INS entrega datos tarde"


def test_rescheduling_without_justification_changes_nothing(compromiso, secretaria, hoy):
    original = compromiso.fecha_limite

    with pytest.raises(ValidationError) as error:
        services.reprogramar_compromiso(
            compromiso=compromiso,
            nueva_fecha=sumar_dias_habiles(hoy, 15),
            justificacion="",
            usuario=secretaria,
        )

    assert error.value.message_dict["justificacion"] == [
        "La reprogramación necesita una justificación."
    ]
    compromiso.refresh_from_db()
    assert (compromiso.estado, compromiso.fecha_limite) == (Estado.PENDIENTE, original)
    assert not Reprogramacion.objects.exists()


def test_overdue_is_computed_never_stored(crear_compromiso, directivo_salud, hoy):
    vencido = crear_compromiso(
        directivo_salud, fecha_limite=hoy - timedelta(days=3), fecha_origen=hoy - timedelta(days=9)
    )
    al_dia = crear_compromiso(directivo_salud)

    assert vencido.vencido and vencido.estado == Estado.PENDIENTE
    assert vencido.estado_mostrado == "Vencido"
    assert not al_dia.vencido
    assert list(Compromiso.objects.vencidos()) == [vencido]


def test_the_database_refuses_a_percentage_outside_0_to_100(compromiso, directivo_salud):
    with pytest.raises(IntegrityError), transaction.atomic():
        Avance.objects.create(
            compromiso=compromiso, nota="x", porcentaje=101, autor=directivo_salud
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Compromiso.objects.filter(pk=compromiso.pk).update(avance=150)


def test_the_database_refuses_a_published_commitment_without_responsible(compromiso):
    with pytest.raises(IntegrityError), transaction.atomic():
        Compromiso.objects.filter(pk=compromiso.pk).update(responsable=None)
