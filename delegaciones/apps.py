from django.utils.translation import gettext_lazy as _

from buengobierno.organizacion.roles import TODAS, Rol, conceder
from buengobierno.web.procedimientos import DESPACHO, ProcedimientoConfig

_MODELOS = (
    "instancia",
    "sesion",
    "delegacion",
    "fichatecnica",
    "compromisoficha",
    "delegacionpermanente",
)

# Grants are declared at import so the post_migrate permission sync includes them.
for _modelo in _MODELOS:
    conceder(Rol.ADMINISTRADOR, f"delegaciones.{_modelo}", TODAS)
    conceder(Rol.CONSULTA, f"delegaciones.{_modelo}", {"view"})
for _rol in (Rol.DESPACHO, Rol.SECRETARIO):
    for _modelo in _MODELOS:
        conceder(_rol, f"delegaciones.{_modelo}", {"view", "add", "change"})
for _rol in (Rol.DIRECTIVO, Rol.ENLACE, Rol.RELACIONES, Rol.JURIDICA):
    for _modelo in ("instancia", "sesion", "delegacionpermanente"):
        conceder(_rol, f"delegaciones.{_modelo}", {"view"})
    for _modelo in ("delegacion", "fichatecnica", "compromisoficha"):
        conceder(_rol, f"delegaciones.{_modelo}", {"view", "add", "change"})


class DelegacionesConfig(ProcedimientoConfig):
    name = "delegaciones"
    label = "delegaciones"
    verbose_name = _("P001 Gestión de delegaciones del alcalde a instancias")
    codigo = "MEDE01.09.P001"
    area = DESPACHO
    icono = "bi-people"
    url_inicio = "delegaciones:inicio"
    descripcion = _(
        "Representación del Alcalde y del Secretario en comités, juntas y consejos, con la ficha técnica de delegación."
    )
    contenido = (
        _("Instancias: comités, juntas directivas, consejos y su base legal"),
        _("Sesiones de cada instancia"),
        _("Delegaciones con instrucciones y postura de la Administración"),
        _(
            "Ficha técnica de delegación (MEDE01.09.P001.F001), a más tardar tres días hábiles después de la sesión"
        ),
    )

    def ready(self):
        from django.db.models.signals import post_delete, post_migrate, post_save

        from buengobierno.web.escritorio import registrar_indicadores, registrar_pendientes
        from delegaciones import escritorio, resumen
        from delegaciones.models import Delegacion, FichaTecnica, Sesion

        registrar_pendientes(escritorio.delegaciones_pendientes)
        registrar_indicadores(escritorio.indicadores_de_delegaciones)
        # The on-time figures kept per organism and instancia follow every change.
        for senal, receptor, modelo in (
            (post_save, resumen.al_guardar_delegacion, Delegacion),
            (post_delete, resumen.al_borrar_delegacion, Delegacion),
            (post_save, resumen.al_cambiar_ficha, FichaTecnica),
            (post_delete, resumen.al_cambiar_ficha, FichaTecnica),
            (post_save, resumen.al_guardar_sesion, Sesion),
        ):
            senal.connect(
                receptor, sender=modelo, dispatch_uid=f"delegaciones.cifras.{receptor.__name__}"
            )
        post_migrate.connect(
            resumen.llenar_si_falta, sender=self, dispatch_uid="delegaciones.cifras"
        )
        from buengobierno.plazos.senales import calendario_cambiado
        from delegaciones.services import recalcular_plazos

        calendario_cambiado.connect(recalcular_plazos, dispatch_uid="delegaciones.plazos")
