"""Rename the role "Secretario de Despacho" to "Secretario de Gobierno" (issue 11, item 17).

In Cali every secretary is a "secretario de despacho"; the role is the Secretario de
Gobierno's. The group is renamed in place, so its members and permissions stay. If a group
with the new name already exists (post_migrate of a newer release ran first), the old
group's members and permissions move to it and the old group is deleted.
"""

from django.db import migrations

ANTERIOR = "Secretario de Despacho"
NUEVO = "Secretario de Gobierno"


def _renombrar(apps, desde, hacia):
    Group = apps.get_model("auth", "Group")
    viejo = Group.objects.filter(name=desde).first()
    if viejo is None:
        return
    nuevo = Group.objects.filter(name=hacia).first()
    if nuevo is None:
        viejo.name = hacia
        viejo.save(update_fields=["name"])
        return
    nuevo.permissions.add(*viejo.permissions.all())
    nuevo.user_set.add(*viejo.user_set.all())
    viejo.delete()


def renombrar(apps, schema_editor):
    _renombrar(apps, ANTERIOR, NUEVO)


def deshacer(apps, schema_editor):
    _renombrar(apps, NUEVO, ANTERIOR)


class Migration(migrations.Migration):
    dependencies = [("organizacion", "0003_usuario_tratamiento")]

    operations = [migrations.RunPython(renombrar, deshacer)]
