"""Fill an empty database with eight years of use, for the benchmark and for query plans.

    python manage.py sembrar_escala                 # full scale: a few minutes on PostgreSQL
    python manage.py sembrar_escala --escala 0.1    # a tenth of every volume
    python manage.py sembrar_escala --clave "Otra-Clave-2026"   # people can sign in

See buengobierno/web/escala.py for what is seeded and how a procedure adds its records.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from buengobierno.web.escala import base_vacia, sembrar


def _escala(valor: str) -> float:
    try:
        numero = float(valor)
    except ValueError:
        raise CommandError(f"--escala {valor!r} no es un número.") from None
    if not 0 < numero <= 10:
        raise CommandError("--escala debe ser mayor que 0 y a lo sumo 10 (1 = volumen completo).")
    return numero


class Command(BaseCommand):
    help = (
        "Llena una base de datos vacía con ocho años de uso (≈300 personas, 20.000 sesiones y "
        "delegaciones, 13.000 reuniones, 200.000 compromisos…) para medir el rendimiento."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--escala",
            type=_escala,
            default=1.0,
            help="Fracción de los volúmenes completos (p. ej. 0.1). Por defecto 1.",
        )
        parser.add_argument(
            "--semilla",
            type=int,
            default=2026,
            help="Semilla del azar: la misma semilla y el mismo día dan los mismos datos.",
        )
        parser.add_argument(
            "--clave",
            default=None,
            help="Contraseña de todas las personas sembradas (sin ella nadie puede ingresar).",
        )
        parser.add_argument(
            "--forzar",
            action="store_true",
            help="Sembrar aunque la base de datos ya tenga usuarios (se agrega a lo que hay).",
        )

    def handle(self, *args, escala, semilla, clave, forzar, **opciones):
        if not base_vacia() and not forzar:
            raise CommandError(
                "La base de datos ya tiene usuarios: la semilla de escala es para una base vacía "
                "(créela de nuevo y ejecute migrate). Use --forzar para agregar los datos de todas "
                "formas; nunca en la base de datos de producción."
            )
        inicio = time.monotonic()
        escritas = sembrar(escala=escala, semilla=semilla, clave=clave, stdout=self.stdout)
        self.stdout.write("")
        for modelo, filas in sorted(escritas.items()):
            self.stdout.write(f"  {modelo:<40} {filas:>10,}".replace(",", "."))
        self.stdout.write(
            self.style.SUCCESS(
                f"Semilla de escala {escala:g} lista en {time.monotonic() - inicio:.0f} s."
            )
        )
