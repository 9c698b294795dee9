"""CPU time per request of the list and board pages, in this process: a steadier measure than
req/s on a shared machine (README «Rendimiento»).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/escala python -m buengobierno.banco.cpu
    ... python -m buengobierno.banco.cpu --veces 40 --todas       # every page, not only lists
    ... python -m buengobierno.banco.cpu --perfil "P005 tablero, página 1" --como Despacho

Runs each page of `medir.paginas_de` (and the procedures' `<app>/banco.py`) with Django's test
client, as the Despacho and as a Directivo, under the production settings (DEBUG off), a few
times to warm it, then `--veces` times: the Python CPU milliseconds per request (the least of five rounds),
the Python function calls per request (which other load on the machine does not change),
the queries it runs, and its HTML size. `--perfil` prints a cProfile of one page
instead. The database's own CPU is not counted.
"""

import argparse
import cProfile
import os
import pstats
import sys
import time


def preparar() -> None:
    from buengobierno.banco.medir import entorno

    os.environ.update(entorno())
    import django

    django.setup()


def cliente_de(usuario):
    from django.test import Client

    cliente = Client(HTTP_HOST="localhost", HTTP_X_FORWARDED_PROTO="https")
    cliente.force_login(usuario, backend="django.contrib.auth.backends.ModelBackend")
    return cliente


def pedir(cliente, ruta: str):
    respuesta = cliente.get(ruta)
    if respuesta.status_code != 200:
        raise SystemExit(f"{ruta}: HTTP {respuesta.status_code}")
    return respuesta


def ms_por_peticion(cliente, ruta: str, veces: int) -> float:
    rondas = []
    for _ronda in range(5):
        inicio = time.process_time()
        for _vez in range(max(1, veces // 5)):
            pedir(cliente, ruta)
        rondas.append((time.process_time() - inicio) * 1000 / max(1, veces // 5))
    return min(rondas)  # the least disturbed round: the machine may be shared


def llamadas(cliente, ruta: str, veces: int = 5) -> int:
    """Python function calls per request: a count that other load does not move."""
    perfil = cProfile.Profile()
    perfil.enable()
    for _vez in range(veces):
        pedir(cliente, ruta)
    perfil.disable()
    return round(pstats.Stats(perfil).total_calls / veces)


def consultas(cliente, ruta: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as capturadas:
        pedir(cliente, ruta)
    return len(capturadas.captured_queries)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--veces", type=int, default=20)
    parser.add_argument("--todas", action="store_true", help="every page, not only lists")
    parser.add_argument("--perfil", help="the page (its name in the table) to profile")
    parser.add_argument("--como", default="Despacho", choices=("Despacho", "Directivo"))
    parser.add_argument("--solo", help="only pages whose name contains this text")
    opciones = parser.parse_args(argv)
    preparar()
    from buengobierno.banco.medir import de_las_apps, muestras, paginas_de

    despacho, directivo, _admin, delegacion, compromiso, reunion = muestras()
    otras = de_las_apps()
    for rol, usuario in (("Despacho", despacho), ("Directivo", directivo)):
        if opciones.perfil and rol != opciones.como:
            continue
        cliente = cliente_de(usuario)
        paginas = paginas_de(usuario, delegacion, compromiso, reunion)
        paginas += [p for m in otras for p in m.paginas(usuario)]
        for pagina in paginas:
            if not (opciones.todas or pagina.tipo == "lista"):
                continue
            if opciones.solo and opciones.solo not in pagina.que:
                continue
            if opciones.perfil:
                if pagina.que != opciones.perfil:
                    continue
                for _vez in range(3):
                    pedir(cliente, pagina.ruta)
                perfil = cProfile.Profile()
                perfil.enable()
                for _vez in range(opciones.veces):
                    pedir(cliente, pagina.ruta)
                perfil.disable()
                if os.environ.get("BANCO_PERFIL_ARCHIVO"):
                    perfil.dump_stats(os.environ["BANCO_PERFIL_ARCHIVO"])
                estadisticas = pstats.Stats(perfil, stream=sys.stdout)
                estadisticas.sort_stats("cumulative").print_stats(60)
                estadisticas.sort_stats("tottime").print_stats(30)
                return
            for _vez in range(3):
                respuesta = pedir(cliente, pagina.ruta)
            ms = ms_por_peticion(cliente, pagina.ruta, opciones.veces)
            n = consultas(cliente, pagina.ruta)
            miles = llamadas(cliente, pagina.ruta) / 1000
            tamano = len(respuesta.content) // 1024
            print(f"| {pagina.que} | {rol} | {n} | {ms:.1f} | {miles:.0f} mil | {tamano} KB |")


if __name__ == "__main__":
    main()
