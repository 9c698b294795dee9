from django.utils.translation import gettext_lazy as _

from buengobierno.organizacion.roles import TODAS, Rol, conceder
from buengobierno.web.procedimientos import RELACIONES, ProcedimientoConfig

_MODELOS = (
    "objetivodesarrollo",
    "cooperante",
    "contactocooperante",
    "alianza",
    "recursoalianza",
)

# Grants are declared at import so the post_migrate permission sync includes them.
for _modelo in _MODELOS:
    conceder(Rol.ADMINISTRADOR, f"cooperacion_alianzas.{_modelo}", TODAS)
    conceder(Rol.RELACIONES, f"cooperacion_alianzas.{_modelo}", {"view", "add", "change"})
    for _rol in (Rol.DESPACHO, Rol.SECRETARIO, Rol.CONSULTA, Rol.JURIDICA):
        conceder(_rol, f"cooperacion_alianzas.{_modelo}", {"view"})


class CooperacionAlianzasConfig(ProcedimientoConfig):
    name = "cooperacion.alianzas"
    label = "cooperacion_alianzas"
    verbose_name = _("P006 Alianzas internacionales")
    codigo = "MEDE01.09.P006"
    area = RELACIONES
    icono = "bi-globe2"
    url_inicio = "cooperacion_alianzas:inicio"
    descripcion = _("Cooperantes y alianzas internacionales de la Alcaldía.")
    contenido = (
        _("Cooperantes: embajadas, agencias, multilaterales, ciudades, ONG"),
        _("Alianzas: convenios, memorandos, hermanamientos"),
        _("Vigencias y recursos por tipo y moneda"),
    )

    def ready(self):
        from django.db.models.signals import post_migrate

        from buengobierno.web.escritorio import registrar_pendientes
        from cooperacion import escritorio

        registrar_pendientes(escritorio.pendientes_de_cooperacion)
        post_migrate.connect(_asegurar_ods, sender=self, dispatch_uid="cooperacion.ods")


def _asegurar_ods(sender, using="default", **kwargs):
    # A flush (transactional tests) empties the table but runs post_migrate again.
    from cooperacion.alianzas.models import sembrar_ods

    sembrar_ods()
