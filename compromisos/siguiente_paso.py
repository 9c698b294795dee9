"""What the page of a commitment says comes next (the platform's next-step panel)."""

from django.utils.translation import gettext as _

from buengobierno.documentos.formato import fecha_larga, frase
from buengobierno.web.siguiente_paso import SiguientePaso
from compromisos.models import Compromiso
from compromisos.templatetags.compromisos import clase_estado

Estado = Compromiso.Estado


def siguiente_paso(
    compromiso: Compromiso, *, formularios: list, abierta: str = ""
) -> SiguientePaso:
    c = compromiso
    responsable = str(c.responsable or _("el responsable"))
    espera_a, desde = "", None
    if c.abierto:
        if c.vencido:
            explicacion = _(
                "Venció el %(fecha)s: %(persona)s debe cumplirlo o solicitar una nueva fecha con una "
                "justificación."
            ) % {
                "fecha": fecha_larga(c.fecha_limite),
                "persona": responsable,
            }
        else:
            explicacion = _(
                "%(persona)s debe cumplirlo a más tardar el %(fecha)s y registrar sus avances."
            ) % {
                "persona": responsable,
                "fecha": fecha_larga(c.fecha_limite),
            }
        espera_a, desde = responsable, c.creado_en
        solicitud = c.solicitud_pendiente()
        if solicitud is not None:
            explicacion = _(
                "%(persona)s solicitó mover la fecha límite de cumplimiento al %(fecha)s; el "
                "Despacho (o quien convocó la reunión) aprueba o rechaza la solicitud."
            ) % {"persona": solicitud.autor, "fecha": fecha_larga(solicitud.fecha_nueva)}
            espera_a, desde = _("el Despacho de Gobierno"), solicitud.fecha
    elif c.estado == Estado.CUMPLIDO:
        explicacion = _(
            "%(persona)s lo reportó cumplido el %(fecha)s; quien hace el seguimiento verifica "
            "la evidencia o lo devuelve."
        ) % {"persona": responsable, "fecha": fecha_larga(c.fecha_cumplimiento)}
        espera_a = str(c.creado_por) if c.creado_por_id else _("el seguimiento")
        desde = c.fecha_cumplimiento
    elif c.estado == Estado.VERIFICADO:
        explicacion = _("Cumplido y verificado: no queda nada por hacer.")
    elif c.estado == Estado.CANCELADO:
        explicacion = _("Se canceló: %(motivo)s") % {"motivo": frase(c.motivo_cancelacion)}
    else:  # a draft of a meeting still open
        explicacion = _("Se está registrando en una reunión que aún no se ha cerrado.")
    return SiguientePaso(
        estado=c.estado_mostrado,
        clase_estado=clase_estado(c),
        explicacion=explicacion,
        espera_a=espera_a,
        desde=desde,
        formularios=formularios,
        abierta=abierta,
        vencido=c.vencido,
    )
