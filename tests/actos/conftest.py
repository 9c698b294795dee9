"""Fixtures of P003: an act of Salud and the people who move it.

directivo_salud (head of Salud) produces and gives the producer's visto bueno; enlace_salud
drafts; juridica (DAGJP) gives the legal visto bueno; despacho radicates, reviews, records the
signature, numbers and publishes; secretario gives his visto bueno; directivo_educacion is of
another organism; consulta reads everything and writes nothing.
"""

import pytest
from django.utils import timezone

from actos import muestras, services
from actos.models import ActoAdministrativo, TipoActo, VistoBueno
from buengobierno.organizacion.roles import Rol

Tipo = VistoBueno.Tipo


@pytest.fixture
def juridica(crear_usuario):
    from tests.factories import OrganismoFactory

    dagjp = OrganismoFactory(
        codigo="4121",
        nombre="Departamento Administrativo de Gestión Jurídica Pública",
        sigla="DAGJP",
    )
    return crear_usuario(Rol.JURIDICA, dagjp, username="juridica", first_name="Laura")


@pytest.fixture
def secretario(crear_usuario, gobierno):
    return crear_usuario(Rol.SECRETARIO, gobierno, username="secretario", first_name="Jhon")


@pytest.fixture
def tipos(db):
    """The types of the data migration (a transactional test flushes them: sown again)."""
    from django.apps import apps

    from actos.apps import sembrar_tipos_de_acto

    sembrar_tipos_de_acto(apps)
    return {t.nombre: t for t in TipoActo.objects.all()}


@pytest.fixture
def decreto(tipos):
    return tipos["Decreto"]


@pytest.fixture
def resolucion(tipos):
    return tipos["Resolución"]


@pytest.fixture
def nuevo_acto(directivo_salud, decreto):
    """nuevo_acto(**datos) -> an act of Salud with its first version (a DOCX)."""

    def crear(usuario=None, archivo=None, **datos):
        datos = {
            "tipo": decreto,
            "alcance": ActoAdministrativo.Alcance.GENERAL,
            "epigrafe": "Por el cual se reglamenta el Plan Territorial de Salud 2024-2027",
            **datos,
        }
        return services.crear_acto(
            usuario=usuario or directivo_salud,
            datos=datos,
            archivo=archivo or muestras.docx("DECRETO\nArtículo 1. Objeto."),
            comentario="Primer borrador",
        )

    return crear


def vb(acto, usuario, tipo):
    acto.refresh_from_db()
    return services.dar_visto_bueno(
        acto=acto, usuario=usuario, tipo=tipo, version=acto.version_actual_id
    )


def todos_cumplen(acto):
    return dict.fromkeys(services.items_aplicables(acto), (True, ""))


@pytest.fixture
def avanzar(directivo_salud, juridica, despacho, secretario):
    """avanzar(acto, hasta) -> the act moved through the flow up to state `hasta`."""
    E = ActoAdministrativo.Estado
    orden = [E.EN_REVISION, E.REVISADO, E.LISTO_PARA_FIRMA, E.FIRMADO, E.NUMERADO]

    def mover(acto, hasta):
        pasos = orden[: orden.index(hasta) + 1]
        vb(acto, directivo_salud, Tipo.PRODUCTOR)
        vb(acto, juridica, Tipo.JURIDICA)
        services.radicar(acto=acto, usuario=despacho)
        if E.REVISADO in pasos:
            acto.refresh_from_db()
            services.revisar_forma(
                acto=acto,
                usuario=despacho,
                version=acto.version_actual_id,
                items=todos_cumplen(acto),
            )
        if E.LISTO_PARA_FIRMA in pasos:
            vb(acto, secretario, Tipo.SECRETARIO)
        if E.FIRMADO in pasos:
            services.firmar(
                acto=acto,
                usuario=despacho,
                copia_firmada=muestras.pdf(),
                firmado_en=timezone.localdate(),
            )
        if E.NUMERADO in pasos:
            services.numerar(acto=acto, usuario=despacho)
        acto.refresh_from_db()
        return acto

    return mover


FALLA_ESTILO = {"estilo": (False, "Corregir la redacción del artículo 2.")}
