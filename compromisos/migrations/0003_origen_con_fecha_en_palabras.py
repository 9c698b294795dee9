"""Commitments copied the name of their meeting as "Consejo de Gobierno (2026-11-26)"; the
name now reads "Consejo de Gobierno, 26 de noviembre de 2026" (no ISO date a person reads),
and the copies already stored are rewritten the same way."""

import re

from django.db import migrations

MESES = (
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
).split()
ISO_AL_FINAL = re.compile(r"^(?P<nombre>.*) \((?P<anio>\d{4})-(?P<mes>\d{2})-(?P<dia>\d{2})\)$")


def en_palabras(texto: str) -> str:
    partes = ISO_AL_FINAL.match(texto)
    if not partes or not 1 <= int(partes["mes"]) <= 12:
        return texto
    mes = MESES[int(partes["mes"]) - 1]
    return f"{partes['nombre']}, {int(partes['dia'])} de {mes} de {partes['anio']}"


def reescribir(apps, schema_editor):
    for nombre in ("Compromiso", "Reunion"):
        modelo = apps.get_model("compromisos", nombre)
        filas = modelo.objects.filter(origen_descripcion__regex=r" \([0-9]{4}-[0-9]{2}-[0-9]{2}\)$")
        cambiadas = []
        for fila in filas.only("pk", "origen_descripcion").iterator(chunk_size=2000):
            fila.origen_descripcion = en_palabras(fila.origen_descripcion)
            cambiadas.append(fila)
            if len(cambiadas) == 2000:
                modelo.objects.bulk_update(cambiadas, ["origen_descripcion"])
                cambiadas = []
        modelo.objects.bulk_update(cambiadas, ["origen_descripcion"])


class Migration(migrations.Migration):
    dependencies = [("compromisos", "0002_tipos_de_reunion")]

    operations = [migrations.RunPython(reescribir, migrations.RunPython.noop)]
