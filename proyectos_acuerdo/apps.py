from django.utils.translation import gettext_lazy as _

from buengobierno.web.procedimientos import DESPACHO, ProcedimientoConfig


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
