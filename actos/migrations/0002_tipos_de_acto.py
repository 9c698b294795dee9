"""The act types every installation starts with, each with its numbering series; admins add
others (and change the formats) in the admin."""

from django.db import migrations


def cargar(apps, schema_editor):
    from actos.apps import sembrar_tipos_de_acto

    sembrar_tipos_de_acto(apps)


class Migration(migrations.Migration):
    dependencies = [("actos", "0001_inicial"), ("documentos", "0002_datos_iniciales")]

    operations = [migrations.RunPython(cargar, migrations.RunPython.noop)]
