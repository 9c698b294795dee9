"""Run the same work in several threads at once, to test races on a real database."""

import threading
from contextlib import contextmanager

from django.db import connections


def en_paralelo(funcion, hilos: int = 2) -> list:
    """Run `funcion` in `hilos` threads released at the same instant; return their results.

    Each thread has its own database connection (Django's are per thread), opened before
    the barrier so that connecting does not stagger the start.
    """
    barrera = threading.Barrier(hilos)
    resultados, errores = [], []

    def trabajar():
        try:
            connections["default"].ensure_connection()
            barrera.wait(timeout=20)
            resultados.append(funcion())
        except BaseException as exc:  # reported to the test below
            errores.append(exc)
        finally:
            connections.close_all()

    trabajadores = [threading.Thread(target=trabajar) for _ in range(hilos)]
    for trabajador in trabajadores:
        trabajador.start()
    for trabajador in trabajadores:
        trabajador.join(timeout=60)
    assert not any(t.is_alive() for t in trabajadores), "un hilo no terminó"
    assert not errores, errores
    return resultados


@contextmanager
def filas_leidas(modelo):
    """The instances of `modelo` that the block loads from the database (a list, filled as
    rows are read): to show that a query did not read rows it did not need."""
    from django.db.models.signals import post_init

    leidas = []

    def anotar(sender, instance, **kwargs):
        leidas.append(instance)

    post_init.connect(anotar, sender=modelo, weak=False)
    try:
        yield leidas
    finally:
        post_init.disconnect(anotar, sender=modelo)
