from django.utils.translation import gettext_lazy as _

from buengobierno.organizacion.roles import TODAS, Rol, conceder
from buengobierno.web.procedimientos import DESPACHO, ProcedimientoConfig

_MODELOS = (
    "actoadministrativo",
    "versionacto",
    "vistobueno",
    "revisionforma",
    "itemrevision",
    "notificacion",
    "relacionacto",
    "etapaacto",
)

# Grants are declared at import so the post_migrate permission sync includes them.
for _modelo in (*_MODELOS, "tipoacto"):
    conceder(Rol.ADMINISTRADOR, f"actos.{_modelo}", TODAS)
    conceder(Rol.CONSULTA, f"actos.{_modelo}", {"view"})
for _rol in (Rol.DESPACHO, Rol.SECRETARIO):
    conceder(_rol, "actos.tipoacto", {"view"})
    for _modelo in _MODELOS:
        conceder(_rol, f"actos.{_modelo}", {"view", "add", "change"})
for _rol in (Rol.DIRECTIVO, Rol.ENLACE, Rol.JURIDICA):
    for _modelo in ("actoadministrativo", "versionacto", "vistobueno"):
        conceder(_rol, f"actos.{_modelo}", {"view", "add", "change"})


def sembrar_tipos_de_acto(apps) -> None:
    """The four types of the issue, each with its numbering series (formats editable)."""
    SerieConsecutiva = apps.get_model("documentos", "SerieConsecutiva")
    TipoActo = apps.get_model("actos", "TipoActo")
    for nombre, serie, titulo, formato in (
        ("Decreto", "decretos", "Decretos del Alcalde", "4112.010.20.{numero:04d}"),
        ("Resolución", "resoluciones", "Resoluciones del Alcalde", "4112.010.21.{numero:04d}"),
        ("Circular", "circulares", "Circulares del Alcalde", "4112.010.22.{numero:04d}"),
        ("Directiva", "directivas", "Directivas del Alcalde", "4112.010.23.{numero:04d}"),
    ):
        serie, _creada = SerieConsecutiva.objects.get_or_create(
            codigo=serie, defaults={"nombre": titulo, "formato": formato}
        )
        TipoActo.objects.get_or_create(nombre=nombre, defaults={"serie": serie})


class ActosConfig(ProcedimientoConfig):
    name = "actos"
    label = "actos"
    verbose_name = _("P003 Gestión de actos administrativos")
    codigo = "MEDE01.09.P003"
    area = DESPACHO
    icono = "bi-file-earmark-text"
    url_inicio = "actos:inicio"
    descripcion = _(
        "Decretos, resoluciones y circulares hacia la firma del Alcalde, con los vistos buenos exigidos."
    )
    contenido = (
        _("Actos administrativos y sus versiones (SHA-256)"),
        _("Visto bueno del organismo productor y del DAGJP"),
        _("Revisión de forma de la Secretaría y devoluciones con observaciones"),
        _("Firma, numeración y publicación en el Boletín Oficial"),
    )

    def ready(self):
        from actos import escritorio
        from actos.services import recalcular_plazos
        from buengobierno.plazos.senales import calendario_cambiado
        from buengobierno.web.escritorio import registrar_pendientes

        registrar_pendientes(escritorio.actos_pendientes)
        calendario_cambiado.connect(recalcular_plazos, dispatch_uid="actos.plazos")
