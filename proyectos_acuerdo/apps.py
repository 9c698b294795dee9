from django.utils.translation import gettext_lazy as _

from buengobierno.organizacion.roles import TODAS, Rol, conceder
from buengobierno.web.procedimientos import DESPACHO, ProcedimientoConfig

_MODELOS = (
    "proyectoacuerdo",
    "concepto",
    "facultadextraordinaria",
    "periodosesiones",
    "miembrocomite",
)

# Grants are declared at import so the post_migrate permission sync includes them.
for _modelo in _MODELOS:
    conceder(Rol.ADMINISTRADOR, f"proyectos_acuerdo.{_modelo}", TODAS)
    conceder(Rol.CONSULTA, f"proyectos_acuerdo.{_modelo}", {"view"})
for _rol in (Rol.DESPACHO, Rol.SECRETARIO):
    for _modelo in ("proyectoacuerdo", "concepto", "facultadextraordinaria"):
        conceder(_rol, f"proyectos_acuerdo.{_modelo}", {"view", "add", "change"})
    for _modelo in ("periodosesiones", "miembrocomite"):
        conceder(_rol, f"proyectos_acuerdo.{_modelo}", {"view"})
for _rol in (Rol.DIRECTIVO, Rol.ENLACE, Rol.JURIDICA, Rol.VIABILIZADOR):
    for _modelo in ("proyectoacuerdo", "concepto"):
        conceder(_rol, f"proyectos_acuerdo.{_modelo}", {"view", "add", "change"})
    conceder(_rol, "proyectos_acuerdo.periodosesiones", {"view"})


class ProyectosAcuerdoConfig(ProcedimientoConfig):
    name = "proyectos_acuerdo"
    label = "proyectos_acuerdo"
    verbose_name = _("P004 Proyectos de acuerdo")
    codigo = "MEDE01.09.P004"
    area = DESPACHO
    icono = "bi-bank"
    url_inicio = "proyectos_acuerdo:inicio"
    descripcion = _(
        "Proyectos de acuerdo ante el Concejo con su viabilidad técnica, financiera y jurídica."
    )
    contenido = (
        _("Proyectos de acuerdo e impacto fiscal (Ley 819 de 2003, art. 7)"),
        _("Conceptos de viabilidad y discrepancias"),
        _("Trámite en el Concejo: comisión, debates, sanción"),
        _("Facultades extraordinarias y su vencimiento"),
        _("Ficha técnica proyecto de acuerdo (MEDE01.09.P004.F001)"),
    )

    def ready(self):
        from buengobierno.plazos.senales import calendario_cambiado
        from buengobierno.web.escritorio import registrar_pendientes
        from proyectos_acuerdo import escritorio
        from proyectos_acuerdo.services import recalcular_plazos

        registrar_pendientes(escritorio.pendientes)
        calendario_cambiado.connect(recalcular_plazos, dispatch_uid="proyectos_acuerdo.plazos")
