from django.utils.translation import gettext_lazy as _

from buengobierno.web.procedimientos import DESPACHO, ProcedimientoConfig


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
