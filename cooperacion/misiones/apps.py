from django.utils.translation import gettext_lazy as _

from buengobierno.web.procedimientos import RELACIONES, ProcedimientoConfig


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
