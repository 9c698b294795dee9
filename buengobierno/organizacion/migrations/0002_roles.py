"""Create the roles of DESIGN.md as groups; their permissions are granted by post_migrate."""

from django.db import migrations

ROLES = [
    "Administrador",
    "Despacho de Gobierno",
    "Secretario de Despacho",
    "Relaciones y Cooperación",
    "Directivo",
    "Enlace",
    "Jurídica",
    "Viabilizador",
    "Consulta",
]


def crear_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for nombre in ROLES:
        Group.objects.get_or_create(name=nombre)


def borrar_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [("organizacion", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(crear_roles, borrar_roles)]
