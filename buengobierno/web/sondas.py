"""The platform's own pages for the hostile-input test (see buengobierno.web.entrada): the
desk, the directory, the organisms and the notices, read with their GET parameters."""

from buengobierno.web.entrada import Lista


def escenario(*, usuarios) -> dict:
    return {}


SONDAS = [
    Lista("mi escritorio", "escritorio"),
    Lista("directorio", "directorio"),
    Lista("organismos", "organismos"),
    Lista("avisos", "avisos:lista", parametros=("page",)),
]
