"""P003 services: the flow of policy 2, the gate to the signature and the bad input."""

import itertools

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from actos import muestras, services
from actos.models import ActoAdministrativo, ErrorDeEstado, EtapaActo, VistoBueno
from tests.actos.conftest import FALLA_ESTILO, todos_cumplen, vb

pytestmark = pytest.mark.django_db
E = ActoAdministrativo.Estado
Tipo = VistoBueno.Tipo


def test_an_act_is_registered_with_its_first_version_and_sha256(nuevo_acto, directivo_salud):
    acto = nuevo_acto()

    version = acto.version_actual
    assert acto.estado == E.BORRADOR
    assert acto.organismo == directivo_salud.organismo
    assert version.numero == 1 and len(version.sha256) == 64
    assert version.sha256 == version.documento.sha256
    assert version.autor == directivo_salud


def test_a_file_that_is_not_docx_or_pdf_by_content_is_refused_and_nothing_is_saved(nuevo_acto):
    falso = ContentFile(b"MZ\x90\x00 esto es un ejecutable", name="decreto.docx")

    with pytest.raises(ValidationError) as error:
        nuevo_acto(archivo=falso)

    assert "no corresponde a un documento de Word" in str(error.value.message_dict["archivo"])
    assert not ActoAdministrativo.objects.exists()


def test_an_image_is_not_an_acts_text(nuevo_acto):
    import base64

    png = base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    )
    with pytest.raises(ValidationError) as error:
        nuevo_acto(archivo=ContentFile(png, name="decreto.png"))
    assert "DOCX" in str(error.value.message_dict["archivo"])


def test_it_cannot_be_radicated_without_both_vistos_buenos(nuevo_acto, directivo_salud, despacho):
    acto = nuevo_acto()
    with pytest.raises(ErrorDeEstado, match="visto bueno del organismo productor"):
        services.radicar(acto=acto, usuario=despacho)

    vb(acto, directivo_salud, Tipo.PRODUCTOR)
    with pytest.raises(ErrorDeEstado, match="visto bueno del DAGJP"):
        services.radicar(acto=acto, usuario=despacho)
    acto.refresh_from_db()
    assert acto.faltantes_para_radicar() == ["el visto bueno del DAGJP"]


def test_the_despacho_records_a_visto_bueno_received_by_daruma_with_its_document(
    nuevo_acto, directivo_salud, despacho
):
    acto = nuevo_acto()
    vb(acto, directivo_salud, Tipo.PRODUCTOR)

    services.registrar_visto_bueno(
        acto=acto,
        usuario=despacho,
        tipo=Tipo.JURIDICA,
        version=acto.version_actual_id,
        firmante="María Fernanda Ortiz, Directora del DAGJP",
        fecha=timezone.localdate(),
        medio=VistoBueno.Medio.DARUMA,
        documento=muestras.pdf("visto_bueno.pdf"),
    )

    visto = VistoBueno.objects.get(tipo=Tipo.JURIDICA)
    assert visto.soporte.tipo == "pdf" and visto.dado_por is None
    assert visto.quien.startswith("María Fernanda")
    services.radicar(acto=acto, usuario=despacho)
    acto.refresh_from_db()
    assert acto.estado == E.EN_REVISION


def test_a_received_visto_bueno_needs_who_signed_and_the_document(nuevo_acto, despacho):
    acto = nuevo_acto()
    with pytest.raises(ValidationError) as error:
        services.registrar_visto_bueno(
            acto=acto,
            usuario=despacho,
            tipo=Tipo.JURIDICA,
            version=acto.version_actual_id,
            firmante=" ",
            fecha=None,
            medio=VistoBueno.Medio.CORREO,
            documento=None,
        )
    assert set(error.value.message_dict) == {"firmante", "fecha", "documento"}
    assert not VistoBueno.objects.exists()


def test_only_the_producer_and_the_dagjp_give_the_intake_vistos_buenos(
    nuevo_acto, directivo_educacion, enlace_salud, consulta, juridica
):
    acto = nuevo_acto()
    for intruso in (directivo_educacion, enlace_salud, consulta):
        with pytest.raises(ErrorDeEstado):
            vb(acto, intruso, Tipo.PRODUCTOR)
    with pytest.raises(ErrorDeEstado):
        vb(acto, juridica, Tipo.PRODUCTOR)
    with pytest.raises(ErrorDeEstado):
        vb(acto, juridica, Tipo.SECRETARIO)
    assert not VistoBueno.objects.exists()


def test_a_return_then_a_new_version_voids_every_visto_bueno_and_goes_back_through_them(
    nuevo_acto, avanzar, directivo_salud, juridica, despacho
):
    acto = avanzar(nuevo_acto(), E.EN_REVISION)

    services.revisar_forma(
        acto=acto,
        usuario=despacho,
        version=acto.version_actual_id,
        items={**todos_cumplen(acto), **FALLA_ESTILO},
        observaciones="Ajustar el estilo.",
    )
    acto.refresh_from_db()
    assert acto.estado == E.DEVUELTO and acto.devoluciones == 1

    anterior = acto.version_actual_id
    services.subir_version(
        acto=acto,
        usuario=directivo_salud,
        archivo=muestras.docx("Texto corregido"),
        comentario="Estilo",
    )
    acto.refresh_from_db()
    assert acto.estado == E.BORRADOR
    assert acto.version_actual.numero == 2
    assert acto.vb_productor_en is None and acto.vb_juridica_en is None
    assert not VistoBueno.objects.filter(anulado_en__isnull=True).exists()
    assert VistoBueno.objects.filter(version_id=anterior).count() == 2
    with pytest.raises(ErrorDeEstado):
        services.radicar(acto=acto, usuario=despacho)

    vb(acto, directivo_salud, Tipo.PRODUCTOR)
    vb(acto, juridica, Tipo.JURIDICA)
    services.radicar(acto=acto, usuario=despacho)
    acto.refresh_from_db()
    assert acto.estado == E.EN_REVISION


def test_a_visto_bueno_on_a_version_that_is_no_longer_current_is_refused(
    nuevo_acto, directivo_salud, juridica
):
    acto = nuevo_acto()
    vieja = acto.version_actual_id
    services.subir_version(acto=acto, usuario=directivo_salud, archivo=muestras.docx("v2"))

    with pytest.raises(ValidationError) as error:
        services.dar_visto_bueno(acto=acto, usuario=juridica, tipo=Tipo.JURIDICA, version=vieja)

    assert "ya no es la vigente" in str(error.value.message_dict["version"])
    assert not VistoBueno.objects.exists()


def test_a_failed_item_needs_its_observation(nuevo_acto, avanzar, despacho):
    acto = avanzar(nuevo_acto(), E.EN_REVISION)
    with pytest.raises(ValidationError) as error:
        services.revisar_forma(
            acto=acto,
            usuario=despacho,
            version=acto.version_actual_id,
            items={**todos_cumplen(acto), "estilo": (False, "")},
        )
    assert "obs_estilo" in error.value.message_dict
    acto.refresh_from_db()
    assert acto.estado == E.EN_REVISION


def test_recursos_are_checked_only_on_particular_acts(nuevo_acto):
    general = nuevo_acto()
    particular = nuevo_acto(alcance=ActoAdministrativo.Alcance.PARTICULAR)
    assert "recursos" not in services.items_aplicables(general)
    assert "recursos" in services.items_aplicables(particular)


def test_the_whole_flow_signs_numbers_and_publishes_a_general_act(nuevo_acto, avanzar, despacho):
    acto = avanzar(nuevo_acto(), E.NUMERADO)
    hoy = timezone.localdate()
    assert acto.numero == f"4112.010.20.{1:04d}"
    assert acto.fecha_expedicion == hoy

    services.publicar(acto=acto, usuario=despacho, boletin_numero="112", fecha_publicacion=hoy)
    services.archivar(acto=acto, usuario=despacho)
    acto.refresh_from_db()
    assert acto.estado == E.ARCHIVADO
    etapas = list(EtapaActo.objects.filter(acto=acto).values_list("etapa", flat=True))
    assert etapas[:3] == [E.BORRADOR, E.EN_REVISION, E.REVISADO]


def test_a_particular_act_is_notified_with_its_recursos_and_never_published(
    nuevo_acto, avanzar, despacho, resolucion
):
    acto = avanzar(
        nuevo_acto(tipo=resolucion, alcance=ActoAdministrativo.Alcance.PARTICULAR), E.NUMERADO
    )
    assert acto.numero == "4112.010.21.0001"
    hoy = timezone.localdate()
    with pytest.raises(ValidationError) as error:
        services.publicar(acto=acto, usuario=despacho, boletin_numero="5", fecha_publicacion=hoy)
    assert "no se publica" in str(error.value.message_dict["boletin_numero"])
    with pytest.raises(ValidationError) as error:
        services.notificar_acto(
            acto=acto,
            usuario=despacho,
            destinatario="Juan Pérez",
            medio="personal",
            fecha=hoy,
            recursos="",
        )
    assert "recursos" in error.value.message_dict

    services.notificar_acto(
        acto=acto,
        usuario=despacho,
        destinatario="Juan Pérez",
        medio="personal",
        fecha=hoy,
        recursos="Reposición ante el Alcalde dentro de los diez días siguientes.",
    )
    acto.refresh_from_db()
    assert acto.estado == E.NOTIFICADO and acto.boletin_numero == ""


def test_signing_without_the_signed_copy_is_refused(nuevo_acto, avanzar, despacho):
    acto = avanzar(nuevo_acto(), E.LISTO_PARA_FIRMA)
    with pytest.raises(ValidationError) as error:
        services.firmar(acto=acto, usuario=despacho, copia_firmada=None, firmado_en=None)
    assert set(error.value.message_dict) == {"copia_firmada", "firmado_en"}
    with pytest.raises(ValidationError):
        services.firmar(
            acto=acto,
            usuario=despacho,
            copia_firmada=muestras.docx("no es un PDF", "firmado.docx"),
            firmado_en=timezone.localdate(),
        )
    acto.refresh_from_db()
    assert acto.estado == E.LISTO_PARA_FIRMA and acto.copia_firmada_id is None


def test_numbering_twice_is_refused_and_keeps_the_number(nuevo_acto, avanzar, despacho):
    acto = avanzar(nuevo_acto(), E.NUMERADO)
    with pytest.raises(ErrorDeEstado, match="ya tiene el número"):
        services.numerar(acto=acto, usuario=despacho)
    otro = avanzar(nuevo_acto(), E.NUMERADO)
    assert (acto.numero, otro.numero) == ("4112.010.20.0001", "4112.010.20.0002")


def test_an_act_is_annulled_with_a_reason_before_its_signature_only(nuevo_acto, avanzar, despacho):
    acto = nuevo_acto()
    with pytest.raises(ValidationError):
        services.anular(acto=acto, usuario=despacho, motivo="")
    services.anular(acto=acto, usuario=despacho, motivo="El organismo desistió del proyecto.")
    acto.refresh_from_db()
    assert acto.estado == E.ANULADO

    firmado = avanzar(nuevo_acto(), E.FIRMADO)
    with pytest.raises(ErrorDeEstado):
        services.anular(acto=firmado, usuario=despacho, motivo="Tarde")


def test_a_read_only_role_can_do_nothing(nuevo_acto, consulta):
    acto = nuevo_acto()
    with pytest.raises(PermissionDenied):
        services.subir_version(acto=acto, usuario=consulta, archivo=muestras.docx("x"))
    with pytest.raises(PermissionDenied):
        services.radicar(acto=acto, usuario=consulta)


# --- the gate: no path reaches "listo para firma" without everything on the current version ---

MARCAS = ("productor", "juridica", "revision", "secretario")


@pytest.mark.parametrize(
    "dadas", [c for n in range(4) for c in itertools.combinations(MARCAS, n)], ids=str
)
def test_no_path_reaches_listo_para_firma_without_all_four_on_the_current_version(
    dadas, nuevo_acto, directivo_salud, juridica, despacho, secretario
):
    """Give any subset of the four marks, through every service a page offers, and try every
    way on: radicar, review, the Secretario's visto bueno. Missing any one, the act never
    stands in "listo para firma"."""
    acto = nuevo_acto()
    if "productor" in dadas:
        vb(acto, directivo_salud, Tipo.PRODUCTOR)
    if "juridica" in dadas:
        vb(acto, juridica, Tipo.JURIDICA)
    intentos = [
        lambda: services.radicar(acto=acto, usuario=despacho),
        lambda: (
            services.revisar_forma(
                acto=acto,
                usuario=despacho,
                version=acto.version_actual_id,
                items=todos_cumplen(acto),
            )
            if "revision" in dadas
            else None
        ),
        lambda: vb(acto, secretario, Tipo.SECRETARIO) if "secretario" in dadas else None,
        lambda: services.firmar(
            acto=acto,
            usuario=despacho,
            copia_firmada=muestras.pdf(),
            firmado_en=timezone.localdate(),
        ),
    ]
    for intento in intentos:
        acto.refresh_from_db()
        try:
            with transaction.atomic():
                intento()
        except (ErrorDeEstado, ValidationError, PermissionDenied):
            pass
    acto.refresh_from_db()
    assert acto.estado not in ActoAdministrativo.DESDE_LA_FIRMA


def test_a_new_version_after_the_review_voids_the_way_to_the_signature(
    nuevo_acto, avanzar, directivo_salud, secretario, despacho
):
    """Even when the review passed, a version uploaded by any route would leave the Secretario
    nothing to sign off: the producer cannot upload once radicated, and if the marks were
    there on an older version the guard still refuses."""
    acto = avanzar(nuevo_acto(), E.REVISADO)
    with pytest.raises(ErrorDeEstado):
        services.subir_version(acto=acto, usuario=directivo_salud, archivo=muestras.docx("v2"))
    # A version slipped in behind the services' back: the guard reads the current version.
    from actos.models import VersionActo

    nueva = VersionActo.objects.create(
        acto=acto,
        numero=9,
        documento=acto.version_actual.documento,
        sha256="0" * 64,
        autor=directivo_salud,
    )
    ActoAdministrativo.objects.filter(pk=acto.pk).update(version_actual=nueva)
    with pytest.raises((ErrorDeEstado, ValidationError)):
        vb(acto, secretario, Tipo.SECRETARIO)
    acto.refresh_from_db()
    assert acto.estado == E.REVISADO


def test_the_database_refuses_listo_para_firma_without_the_marks(nuevo_acto):
    acto = nuevo_acto()
    with pytest.raises(IntegrityError), transaction.atomic():
        ActoAdministrativo.objects.filter(pk=acto.pk).update(estado=E.LISTO_PARA_FIRMA)


def test_publication_data_on_a_particular_act_is_refused_by_the_database(nuevo_acto):
    acto = nuevo_acto(alcance=ActoAdministrativo.Alcance.PARTICULAR)
    with pytest.raises(IntegrityError), transaction.atomic():
        ActoAdministrativo.objects.filter(pk=acto.pk).update(boletin_numero="7")
