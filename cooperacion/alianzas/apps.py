from django.utils.translation import gettext_lazy as _

from buengobierno.web.procedimientos import RELACIONES, ProcedimientoConfig


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
