"""What the page of a delegation says comes next (the platform's next-step panel)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from buengobierno.documentos.formato import fecha_larga, frase
from buengobierno.web.siguiente_paso import SiguientePaso
from delegaciones.models import Delegacion
from delegaciones.templatetags.delegaciones import clase_delegacion

Estado = Delegacion.Estado


def siguiente_paso(
    delegacion: Delegacion,
    *,
    formularios: list,
    puede_llenar_ficha: bool,
    delegar_otra: bool,
    abierta: str = "",
) -> SiguientePaso:
    d, sesion = delegacion, delegacion.sesion
    delegado = str(d.delegado)
    ficha = d.ficha_o_none
    enlace = None
    espera_a, desde = "", None
    if d.estado == Estado.BORRADOR:
        explicacion = _(
            "La delegación está en borrador: numere la carta para la firma; a %(persona)s se "
            "le notifica cuando la carta esté firmada."
        ) % {"persona": delegado}
        espera_a, desde = _("el Despacho de Gobierno"), d.creado_en
    elif d.estado == Estado.PENDIENTE_FIRMA:
        explicacion = _(
            "La carta No. %(numero)s está pendiente de firma. Descárguela, hágala firmar y "
            "suba la copia firmada (PDF) o registre el radicado de Daruma: solo entonces se "
            "notifica a %(persona)s."
        ) % {"numero": d.numero_carta, "persona": delegado}
        espera_a, desde = _("el Despacho de Gobierno"), d.creado_en
    elif d.estado == Estado.NOTIFICADA:
        explicacion = _(
            "%(persona)s debe aceptar o rechazar la delegación para la sesión del %(fecha)s."
        ) % {
            "persona": delegado,
            "fecha": fecha_larga(sesion.fecha),
        }
        espera_a, desde = delegado, d.notificada_en
    elif d.estado in Delegacion.DEBEN_FICHA and not sesion.ya_empezo:
        explicacion = _(
            "%(persona)s aceptó. Después de la sesión del %(fecha)s enviará la ficha técnica, "
            "a más tardar el %(plazo)s."
        ) % {
            "persona": delegado,
            "fecha": fecha_larga(sesion.fecha),
            "plazo": fecha_larga(d.fecha_limite_ficha),
        }
        espera_a, desde = delegado, d.respondida_en
    elif d.estado in Delegacion.DEBEN_FICHA:
        if d.ficha_vencida:
            explicacion = _("La ficha técnica venció el %(plazo)s y aún no se ha enviado.") % {
                "plazo": fecha_larga(d.plazo_vigente)
            }
        else:
            explicacion = _(
                "La sesión ya se realizó: falta la ficha técnica, a más tardar el %(plazo)s."
            ) % {"plazo": fecha_larga(d.plazo_vigente)}
        if ficha is not None and ficha.observaciones_revision:
            explicacion += " " + _(
                "El Despacho la devolvió para completarla: %(observaciones)s"
            ) % {"observaciones": frase(ficha.observaciones_revision)}
        espera_a, desde = delegado, sesion.inicio
        if puede_llenar_ficha:
            texto = _("Continuar la ficha técnica") if ficha else _("Llenar la ficha técnica")
            enlace = (texto, reverse("delegaciones:ficha", args=[d.pk]), "bi-pencil-square")
    elif d.estado == Estado.FICHA_ENTREGADA:
        explicacion = _(
            "%(persona)s entregó la ficha técnica; el Despacho la revisa o la devuelve para completarla."
        ) % {"persona": delegado}
        espera_a = _("el Despacho de Gobierno")
        desde = (ficha.reenviada_en or ficha.entregada_en) if ficha else None
    elif d.estado == Estado.FICHA_REVISADA:
        explicacion = _("La ficha técnica fue revisada: la delegación está completa.")
    elif d.estado == Estado.RECHAZADA:
        explicacion = _("%(persona)s no puede asistir: %(motivo)s") % {
            "persona": delegado,
            "motivo": frase(d.motivo_rechazo),
        }
        if delegar_otra:
            enlace = (
                _("Delegar en otra persona"),
                sesion.get_absolute_url() + "#form-delegar",
                "bi-person-plus",
            )
    elif d.estado == Estado.NO_ASISTIO:
        explicacion = _("%(persona)s no asistió a la sesión: %(motivo)s La ficha no se debe.") % {
            "persona": delegado,
            "motivo": frase(d.motivo_sin_representacion),
        }
    elif d.estado == Estado.SUSPENDIDA:
        explicacion = _(
            "La entidad convocante suspendió la sesión: %(motivo)s La ficha no se debe."
        ) % {"motivo": frase(d.motivo_sin_representacion)}
    else:  # cancelada
        explicacion = _("La delegación se canceló: %(motivo)s") % {
            "motivo": frase(d.motivo_cancelacion)
        }
    return SiguientePaso(
        estado=d.estado_mostrado,
        clase_estado=clase_delegacion(d),
        explicacion=explicacion,
        espera_a=espera_a,
        desde=desde,
        formularios=formularios,
        enlace=enlace,
        abierta=abierta,
        vencido=d.ficha_vencida,
    )
