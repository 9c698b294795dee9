"""Every commitment can carry the meta of the plan de desarrollo it serves: in the form, on
the live page, and editable later by the Despacho (issue 11, item 13)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from compromisos import services
from compromisos.models import Compromiso, MetaEstrategica

pytestmark = pytest.mark.django_db


@pytest.fixture
def meta(db):
    return MetaEstrategica.objects.create(
        codigo="4.2.1", nombre="Cali segura: reducir los homicidios", programa="Seguridad"
    )


@pytest.fixture
def borrador(reunion_en_curso, secretaria, directivo_salud, hoy):
    """A commitment being typed on the live page."""
    return services.agregar_compromiso_en_reunion(
        reunion=reunion_en_curso,
        descripcion="Patrullaje",
        responsable=directivo_salud,
        fecha_limite=hoy,
        prioridad="media",
        usuario=secretaria,
    )


@pytest.fixture
def compromiso(crear_compromiso, directivo_salud):
    return crear_compromiso(directivo_salud)


def test_the_despacho_sets_the_meta_later_and_it_shows_on_the_page(
    client, compromiso, secretaria, meta
):
    client.force_login(secretaria)
    pagina = client.get(compromiso.get_absolute_url())
    assert "meta" in [f.accion for f in pagina.context["formularios"]]

    respuesta = client.post(reverse("compromisos:meta", args=[compromiso.pk]), {"meta": meta.pk})

    assert respuesta.status_code == 302
    assert Compromiso.objects.get().meta == meta
    html = client.get(compromiso.get_absolute_url()).content.decode()
    assert "Meta del plan de desarrollo" in html and "Cali segura" in html


def test_the_responsible_cannot_change_the_meta(client, compromiso, directivo_salud, meta):
    client.force_login(directivo_salud)
    pagina = client.get(compromiso.get_absolute_url())
    assert "meta" not in [f.accion for f in pagina.context["formularios"]]

    with pytest.raises(PermissionDenied):
        services.cambiar_meta(compromiso=compromiso, meta=meta, usuario=directivo_salud)
    respuesta = client.post(reverse("compromisos:meta", args=[compromiso.pk]), {"meta": meta.pk})

    assert respuesta.status_code == 403
    assert Compromiso.objects.get().meta is None


def test_the_meta_can_be_corrected_after_the_commitment_was_verified(
    compromiso, directivo_salud, secretaria, meta
):
    services.marcar_cumplido(compromiso=compromiso, nota="Hecho", usuario=directivo_salud)
    services.verificar_compromiso(compromiso=compromiso, usuario=secretaria)

    services.cambiar_meta(compromiso=compromiso, meta=meta, usuario=secretaria)

    assert Compromiso.objects.get().meta == meta


def test_the_live_page_sets_the_meta_of_a_commitment_being_typed(
    reunion_en_curso, secretaria, borrador, meta
):

    services.guardar_campo(
        reunion=reunion_en_curso,
        clave=f"compromiso.{borrador.pk}.meta",
        valor=str(meta.pk),
        version=0,
        usuario=secretaria,
    )

    assert Compromiso.objects.get().meta == meta


def test_the_live_page_offers_the_metas(client, reunion_en_curso, secretaria, borrador, meta):
    client.force_login(secretaria)

    html = client.get(reverse("compromisos:en_vivo", args=[reunion_en_curso.pk])).content.decode()

    assert "Meta del plan de desarrollo" in html and "4.2.1 Cali segura" in html


def test_an_unknown_meta_on_the_live_page_is_refused(reunion_en_curso, secretaria, borrador):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        services.guardar_campo(
            reunion=reunion_en_curso,
            clave=f"compromiso.{borrador.pk}.meta",
            valor="999",
            version=0,
            usuario=secretaria,
        )

    assert "Elija una meta" in error.value.messages[0]
