"""The meeting types every installation starts with; admins add others in the admin."""

from django.db import migrations


def cargar(apps, schema_editor):
    from compromisos.apps import sembrar_tipos_de_reunion

    sembrar_tipos_de_reunion(apps)


class Migration(migrations.Migration):
    dependencies = [("compromisos", "0001_initial")]

    operations = [migrations.RunPython(cargar, migrations.RunPython.noop)]
