from django.utils.translation import gettext_lazy as _

from buengobierno.web.procedimientos import DESPACHO, ProcedimientoConfig


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
