from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from buengobierno.organizacion.roles import TODAS, Rol, conceder
from buengobierno.web.procedimientos import DESPACHO, ProcedimientoConfig

# The meeting types every installation starts with (admins add others). Only the Consejo de
# Gobierno numbers its actas, in the platform's series "actas-consejo-gobierno".
TIPOS_DE_REUNION = [
    # nombre, numera_acta, serie, orden
    ("Consejo de Gobierno", True, "actas-consejo-gobierno", 10),
    ("Comité", False, "", 20),
    ("Mesa de trabajo", False, "", 30),
    ("Seguimiento", False, "", 40),
    ("Comité Coordinador de Proyectos de Acuerdo", False, "", 50),
]
CONSEJO_DE_GOBIERNO = TIPOS_DE_REUNION[0][0]
COMITE_PROYECTOS_DE_ACUERDO = TIPOS_DE_REUNION[4][0]

_MODELOS = (
    "tiporeunion",
    "reunion",
    "puntoorden",
    "asistente",
    "decision",
    "metaestrategica",
    "compromiso",
    "corresponsable",
    "reprogramacion",
    "avance",
    "calendariopersonal",
)
_REGISTRO = ("reunion", "puntoorden", "asistente", "decision", "compromiso", "avance")


def sembrar_tipos_de_reunion(apps) -> None:
    """Create the seeded meeting types that are missing (an admin's edits are kept)."""
    TipoReunion = apps.get_model("compromisos", "TipoReunion")
    for nombre, numera, serie, orden in TIPOS_DE_REUNION:
        TipoReunion.objects.get_or_create(
            nombre=nombre, defaults={"numera_acta": numera, "serie_acta": serie, "orden": orden}
        )


def _asegurar_tipos(sender, using="default", **kwargs):
    # A flush (transactional tests) empties the table but runs post_migrate again.
    from django.apps import apps

    sembrar_tipos_de_reunion(apps)


# Grants are declared at import so the post_migrate permission sync includes them.
for _modelo in _MODELOS:
    conceder(Rol.ADMINISTRADOR, f"compromisos.{_modelo}", TODAS)
for _rol in (Rol.DESPACHO, Rol.SECRETARIO):
    for _modelo in _REGISTRO + ("corresponsable", "reprogramacion"):
        conceder(_rol, f"compromisos.{_modelo}", {"view", "add", "change"})
    conceder(_rol, "compromisos.metaestrategica", {"view"})
    conceder(_rol, "compromisos.tiporeunion", {"view"})
for _rol in (Rol.DIRECTIVO, Rol.ENLACE, Rol.RELACIONES, Rol.JURIDICA, Rol.VIABILIZADOR):
    for _modelo in ("compromiso", "avance", "reprogramacion"):
        conceder(_rol, f"compromisos.{_modelo}", {"view", "change"})
    for _modelo in (
        "reunion",
        "puntoorden",
        "asistente",
        "decision",
        "tiporeunion",
        "metaestrategica",
    ):
        conceder(_rol, f"compromisos.{_modelo}", {"view"})
for _modelo in _MODELOS:
    if _modelo != "calendariopersonal":
        conceder(Rol.CONSULTA, f"compromisos.{_modelo}", {"view"})


class CompromisosConfig(ProcedimientoConfig):
    name = "compromisos"
    label = "compromisos"
    verbose_name = _("P005 Seguimiento a compromisos")
    codigo = "MEDE01.09.P005"
    area = DESPACHO
    icono = "bi-check2-square"
    url_inicio = "compromisos:inicio"
    descripcion = _("Reuniones registradas en vivo y el tablero único de compromisos.")
    contenido = (
        _("Reuniones: asistentes, objetivo, orden del día, desarrollo"),
        _("Compromisos con responsable y fecha"),
        _("Seguimiento hasta su cumplimiento con evidencia"),
        _("Acta de reunión"),
    )

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from buengobierno.plazos.tabla import calendario_cambiado
        from buengobierno.web.escritorio import registrar_indicadores, registrar_pendientes
        from compromisos import escritorio, resumen
        from compromisos.models import Compromiso

        registrar_pendientes(escritorio.compromisos_pendientes)
        registrar_indicadores(escritorio.indicadores_de_compromisos)
        post_migrate.connect(_asegurar_tipos, sender=self, dispatch_uid="compromisos.tipos")
        # The figures per organism and month (CifrasDelMes) follow every commitment's save.
        post_save.connect(resumen.al_guardar, sender=Compromiso, dispatch_uid="compromisos.cifras")
        post_delete.connect(resumen.al_borrar, sender=Compromiso, dispatch_uid="compromisos.cifras")
        calendario_cambiado.connect(
            resumen.al_cambiar_el_calendario, dispatch_uid="compromisos.cifras"
        )
        post_migrate.connect(
            resumen.llenar_si_falta, sender=self, dispatch_uid="compromisos.cifras"
        )
