from django.core.management.base import BaseCommand

from buengobierno.plazos.tabla import DESDE, HASTA, sincronizar_calendario


class Command(BaseCommand):
    help = (
        "Regenera la tabla de días hábiles a partir del paquete holidays y de los días no "
        "hábiles del administrador (migrate ya lo hace cuando algo cambió)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--forzar", action="store_true", help="Reescribe aunque nada parezca haber cambiado."
        )

    def handle(self, *args, forzar=False, **options):
        cambios = sincronizar_calendario(forzar=forzar)
        self.stdout.write(
            f"Calendario de días hábiles {DESDE.year}–{HASTA.year}: {cambios} filas actualizadas."
        )
