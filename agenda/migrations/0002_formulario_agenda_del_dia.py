"""The controlled form of the day's agenda (MEDE01.09.P002.F001), for the header of its PDF."""

import datetime

from django.db import migrations

CODIGO = "MEDE01.09.P002.F001"


def cargar(apps, schema_editor):
    apps.get_model("documentos", "FormularioControlado").objects.get_or_create(
        codigo=CODIGO,
        defaults={
            "nombre": "Agenda del día del Secretario de Gobierno",
            "version": "01",
            "fecha_vigencia": datetime.date(2023, 7, 26),
            "proceso": "Gestión del Buen Gobierno (MEDE01.09)",
        },
    )


def descargar(apps, schema_editor):
    apps.get_model("documentos", "FormularioControlado").objects.filter(codigo=CODIGO).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("agenda", "0001_initial"),
        ("documentos", "0004_fusion_documentos_generados_y_firmantes"),
    ]

    operations = [migrations.RunPython(cargar, descargar)]
