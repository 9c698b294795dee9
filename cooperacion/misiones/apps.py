from django.utils.translation import gettext_lazy as _

from buengobierno.organizacion.roles import TODAS, Rol, conceder
from buengobierno.web.procedimientos import RELACIONES, ProcedimientoConfig

_MODELOS = ("visitainternacional", "miembrodelegacion", "actividaditinerario", "itemprotocolo")

# Grants are declared at import so the post_migrate permission sync includes them. The admin
# changelist of visits applies the «reservada» rule too (admin.py).
for _modelo in _MODELOS:
    conceder(Rol.ADMINISTRADOR, f"cooperacion_misiones.{_modelo}", TODAS)
    conceder(Rol.RELACIONES, f"cooperacion_misiones.{_modelo}", {"view", "add", "change"})
    for _rol in (Rol.DESPACHO, Rol.SECRETARIO, Rol.CONSULTA):
        conceder(_rol, f"cooperacion_misiones.{_modelo}", {"view"})


class CooperacionMisionesConfig(ProcedimientoConfig):
    name = "cooperacion.misiones"
    label = "cooperacion_misiones"
    verbose_name = _("P008 Misiones diplomáticas")
    codigo = "MEDE01.09.P008"
    area = RELACIONES
    icono = "bi-airplane"
    url_inicio = "cooperacion_misiones:inicio"
    descripcion = _("Visitas internacionales: delegación, itinerario, protocolo y resultados.")
    contenido = (
        _("Visitas internacionales y su delegación"),
        _("Itinerario con lugar y anfitrión"),
        _("Lista de protocolo y logística"),
        _("Ficha de visita internacional (MEDE01.09.P008.F001)"),
    )

    def ready(self):
        from buengobierno.plazos.senales import calendario_cambiado
        from cooperacion.misiones.services import recalcular_plazos

        calendario_cambiado.connect(recalcular_plazos, dispatch_uid="cooperacion_misiones.plazos")
