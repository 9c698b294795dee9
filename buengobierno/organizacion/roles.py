"""The roles of DESIGN.md as Django groups, and the model permissions each one holds.

The groups are created by a data migration; their permissions are granted after every
migrate (post_migrate), because a permission exists only once its model's migration has run.
A procedure app adds its own models to PERMISOS_POR_ROL through `conceder`, in its ready().
"""

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _


class Rol(TextChoices):
    ADMINISTRADOR = "Administrador", _("Administrador")
    DESPACHO = "Despacho de Gobierno", _("Despacho de Gobierno")
    SECRETARIO = "Secretario de Gobierno", _("Secretario de Gobierno")
    RELACIONES = "Relaciones y Cooperación", _("Relaciones y Cooperación")
    DIRECTIVO = "Directivo", _("Directivo")
    ENLACE = "Enlace", _("Enlace")
    JURIDICA = "Jurídica", _("Jurídica")
    VIABILIZADOR = "Viabilizador", _("Viabilizador")
    CONSULTA = "Consulta", _("Consulta")


# role -> {"app_label.model": set of actions among view/add/change/delete}
PERMISOS_POR_ROL: dict[str, dict[str, set[str]]] = {rol.value: {} for rol in Rol}
TODAS = {"view", "add", "change", "delete"}


def conceder(rol: str, modelo: str, acciones: set[str]) -> None:
    """Declare that `rol` holds `acciones` on `modelo` ("app_label.model")."""
    PERMISOS_POR_ROL[rol].setdefault(modelo.lower(), set()).update(acciones)


for _modelo in ("organizacion.organismo", "organizacion.usuario", "plazos.dianohabil"):
    conceder(Rol.ADMINISTRADOR, _modelo, TODAS)
for _modelo in ("django_celery_beat.periodictask", "django_celery_beat.crontabschedule"):
    conceder(Rol.ADMINISTRADOR, _modelo, TODAS)
conceder(Rol.ADMINISTRADOR, "auth.group", {"view", "change"})
for _rol in Rol:
    conceder(_rol, "organizacion.organismo", {"view"})


def sincronizar_permisos(sender=None, using="default", **kwargs):
    """Make every role group hold at least the permissions PERMISOS_POR_ROL declares.

    It only adds: permissions an admin granted by hand in the admin are kept.
    """
    from django.apps import apps
    from django.contrib.auth.models import Group, Permission

    if not apps.is_installed("django.contrib.auth"):
        return
    existentes = {
        (p.content_type.app_label, p.codename): p
        for p in Permission.objects.using(using).select_related("content_type")
    }
    for rol, modelos in PERMISOS_POR_ROL.items():
        grupo, _creado = Group.objects.using(using).get_or_create(name=rol)
        claves = {
            (modelo.split(".")[0], f"{accion}_{modelo.split('.')[1]}")
            for modelo, acciones in modelos.items()
            for accion in acciones
        }
        grupo.permissions.add(*(existentes[c] for c in claves if c in existentes))
