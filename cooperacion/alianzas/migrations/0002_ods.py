from django.db import migrations


def sembrar(apps, schema_editor):
    from cooperacion.alianzas.models import sembrar_ods

    sembrar_ods(apps)


class Migration(migrations.Migration):
    dependencies = [("cooperacion_alianzas", "0001_initial")]

    operations = [migrations.RunPython(sembrar, migrations.RunPython.noop)]
