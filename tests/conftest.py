import pytest
from django.core.cache import cache

from buengobierno.organizacion.models import CODIGO_SECRETARIA_DE_GOBIERNO
from buengobierno.organizacion.roles import Rol
from tests.factories import OrganismoFactory, UsuarioFactory


@pytest.fixture(autouse=True)
def _cache_limpia():
    # The cache outlives each test's rollback (e.g. the list of non-working days).
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def gobierno(db):
    return OrganismoFactory(
        codigo=CODIGO_SECRETARIA_DE_GOBIERNO, nombre="Secretaría de Gobierno", sigla="SG"
    )


@pytest.fixture
def otro_organismo(db):
    return OrganismoFactory(codigo="4161", nombre="Secretaría de Salud Pública", sigla="SSP")


@pytest.fixture
def crear_usuario(db):
    """crear_usuario(rol, organismo=None, **campos) -> a user holding that role."""

    def crear(rol=None, organismo=None, **campos):
        if organismo is not None:
            campos["organismo"] = organismo
        return UsuarioFactory(rol=rol, **campos)

    return crear


@pytest.fixture
def despacho(crear_usuario, gobierno):
    return crear_usuario(Rol.DESPACHO, gobierno, username="despacho")


@pytest.fixture
def consulta(crear_usuario):
    return crear_usuario(Rol.CONSULTA, username="consulta")
