import pytest

from buengobierno.web import escritorio


@pytest.fixture
def registrar():
    """registrar(funcion, tipo="pendientes"|"indicadores"): a provider for this test only."""
    registrados = []

    def registrar_(funcion, tipo="pendientes"):
        if tipo == "pendientes":
            escritorio.registrar_pendientes(funcion)
        else:
            escritorio.registrar_indicadores(funcion)
        registrados.append(funcion)
        return funcion

    yield registrar_
    for funcion in registrados:
        escritorio.retirar(funcion)
