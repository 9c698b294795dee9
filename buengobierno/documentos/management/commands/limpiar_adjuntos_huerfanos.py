"""Delete attachment files that no Adjunto row points to.

guardar_adjunto writes the file before the row; if the caller's transaction later rolls back,
the row disappears and the file stays. Such files are removed here once they are old enough
not to belong to a transaction still in progress.
"""

from datetime import timedelta

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.utils import timezone

from buengobierno.documentos.models import Adjunto


def _archivos(carpeta: str):
    subcarpetas, archivos = default_storage.listdir(carpeta)
    for archivo in archivos:
        yield f"{carpeta}/{archivo}"
    for subcarpeta in subcarpetas:
        yield from _archivos(f"{carpeta}/{subcarpeta}")


class Command(BaseCommand):
    help = "Borra los archivos de adjuntos que ningún registro usa (por ejemplo, tras un rollback)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--horas",
            type=int,
            default=24,
            help="Solo borra archivos con más de estas horas (24 por defecto).",
        )
        parser.add_argument("--simular", action="store_true", help="Lista sin borrar.")

    def handle(self, *args, horas, simular, **options):
        if not default_storage.exists("adjuntos"):
            return
        limite = timezone.now() - timedelta(hours=horas)
        usados = set(Adjunto.objects.values_list("archivo", flat=True))
        borrados = 0
        for nombre in _archivos("adjuntos"):
            if nombre in usados or default_storage.get_modified_time(nombre) > limite:
                continue
            if not simular:
                default_storage.delete(nombre)
            borrados += 1
            self.stdout.write(nombre)
        verbo = "Se borrarían" if simular else "Se borraron"
        self.stdout.write(self.style.SUCCESS(f"{verbo} {borrados} archivos huérfanos."))
