from django.utils.translation import gettext_lazy as _

from buengobierno.web.procedimientos import RELACIONES, ProcedimientoConfig


class CooperacionProyectosConfig(ProcedimientoConfig):
    name = "cooperacion.proyectos"
    label = "cooperacion_proyectos"
    verbose_name = _("P007 Fortalecimiento para la formulación de proyectos de cooperación")
    codigo = "MEDE01.09.P007"
    area = RELACIONES
    icono = "bi-lightbulb"
    url_inicio = "cooperacion_proyectos:inicio"
    descripcion = _("Perfiles de proyectos de cooperación, convocatorias y asesorías.")
    contenido = (
        _("Perfiles de proyecto alineados con los ODS"),
        _("Convocatorias y sus cierres"),
        _("Asesorías técnicas a organismos"),
        _("Ficha técnica perfil de proyecto (MEDE01.09.P007.F001)"),
    )
