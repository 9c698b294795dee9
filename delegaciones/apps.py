from django.utils.translation import gettext_lazy as _

from buengobierno.web.procedimientos import DESPACHO, ProcedimientoConfig


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
