"""The controlled forms of circular 4112.020.22.2.1020.000697 (26 July 2023) and the numbering
series the procedures use. Both are editable data: the admin changes versions and formats."""

import datetime

from django.db import migrations

PROCESO = "Gestión del Buen Gobierno (MEDE01.09)"
VIGENCIA = datetime.date(2023, 7, 26)

FORMULARIOS = [
    ("MEDE01.09.P001.F001", "Ficha técnica de delegación"),
    ("MEDE01.09.P004.F001", "Ficha técnica proyecto de acuerdo"),
    ("MEDE01.09.P007.F001", "Ficha técnica perfil de proyecto"),
    ("MEDE01.09.P008.F001", "Ficha de visita internacional"),
    ("MEDE01.09.P005.I001", "Instructivo para el uso del aplicativo de seguimiento"),
]

SERIES = [
    ("decretos", "Decretos del Alcalde", "4112.010.20.{numero:04d}"),
    ("actas-consejo-gobierno", "Actas del Consejo de Gobierno", "{anio}-{numero:04d}"),
    ("cartas-delegacion", "Cartas de delegación", "{anio}-{numero:04d}"),
]


def cargar(apps, schema_editor):
    FormularioControlado = apps.get_model("documentos", "FormularioControlado")
    SerieConsecutiva = apps.get_model("documentos", "SerieConsecutiva")
    for codigo, nombre in FORMULARIOS:
        FormularioControlado.objects.get_or_create(
            codigo=codigo,
            defaults={
                "nombre": nombre,
                "version": "01",
                "fecha_vigencia": VIGENCIA,
                "proceso": PROCESO,
            },
        )
    for codigo, nombre, formato in SERIES:
        SerieConsecutiva.objects.get_or_create(
            codigo=codigo, defaults={"nombre": nombre, "formato": formato}
        )


def descargar(apps, schema_editor):
    apps.get_model("documentos", "FormularioControlado").objects.filter(
        codigo__in=[c for c, _ in FORMULARIOS]
    ).delete()
    apps.get_model("documentos", "SerieConsecutiva").objects.filter(
        codigo__in=[c for c, _, _ in SERIES], contadores__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("documentos", "0001_initial")]

    operations = [migrations.RunPython(cargar, descargar)]
