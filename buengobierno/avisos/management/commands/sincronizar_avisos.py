from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS

from buengobierno.avisos.registro import sincronizar_tareas_periodicas


class Command(BaseCommand):
    help = (
        "Crea en django-celery-beat la tarea periódica de cada escaneo registrado "
        "(conserva la programación y el estado que un administrador haya editado)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, **opciones):
        resultado = sincronizar_tareas_periodicas(using=opciones["database"])
        for nombre in resultado["creadas"]:
            self.stdout.write(self.style.SUCCESS(f"Creada: {nombre}"))
        for nombre in resultado["existentes"]:
            self.stdout.write(f"Ya existía (se conserva su programación): {nombre}")
        for nombre in resultado["huerfanas"]:
            self.stdout.write(
                self.style.WARNING(f"Sin escaneo registrado (revísela en el admin): {nombre}")
            )
