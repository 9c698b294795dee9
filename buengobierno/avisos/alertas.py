"""What administrators see on Mi escritorio about the reminders: mail not going out, failures.

An SMTP outage used to be visible only in the ledger's admin list; rows that reached
`fallido` waited there for somebody to look.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from buengobierno.avisos.models import Recordatorio
from buengobierno.web.escritorio import Alerta

Estado = Recordatorio.Estado


def _lista(estado: str) -> str:
    return f"{reverse('admin:avisos_recordatorio_changelist')}?estado__exact={estado}"


def alertas_de_correo(usuario):
    # Pending rows with attempts behind them failed at least once and wait for a retry.
    con_error = Recordatorio.objects.filter(estado=Estado.PENDIENTE, intentos__gt=0).exclude(
        ultimo_error=""
    )
    reintentos = con_error.count()
    if reintentos:
        ultimo = con_error.order_by("-proximo_intento").values_list("ultimo_error", flat=True)[0]
        yield Alerta(
            titulo=ngettext(
                "El correo no está saliendo: %(n)d recordatorio espera un reintento.",
                "El correo no está saliendo: %(n)d recordatorios esperan un reintento.",
                reintentos,
            )
            % {"n": reintentos},
            detalle=_("Último error: %(error)s") % {"error": ultimo[:300]},
            url=_lista(Estado.PENDIENTE),
            enlace=_("Ver los recordatorios pendientes"),
        )
    fallidos = Recordatorio.objects.filter(estado=Estado.FALLIDO).count()
    if fallidos:
        yield Alerta(
            titulo=ngettext(
                "%(n)d recordatorio no se pudo enviar y espera su revisión.",
                "%(n)d recordatorios no se pudieron enviar y esperan su revisión.",
                fallidos,
            )
            % {"n": fallidos},
            detalle=_(
                "No se reintentan solos: revise el error de cada uno y use «Reintentar ahora» "
                "cuando el problema esté resuelto."
            ),
            url=_lista(Estado.FALLIDO),
            enlace=_("Ver los recordatorios fallidos"),
        )
