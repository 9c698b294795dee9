"""An iCalendar (RFC 5545) feed of a person's open commitments, one all-day event each.

Outlook and Google Calendar subscribe to the secret URL; they poll it, so nothing is pushed.
"""

from django.utils.translation import gettext as _

from buengobierno.web.ical import calendario, evento, sitio
from compromisos.models import Compromiso


def compromisos_del_calendario(usuario):
    return (
        Compromiso.objects.abiertos()
        .de_persona(usuario)
        .select_related("responsable", "organismo")
        .order_by("fecha_limite", "pk")
    )


def generar_ics(usuario) -> bytes:
    base = sitio()
    eventos = []
    for compromiso in compromisos_del_calendario(usuario):
        url = base + compromiso.get_absolute_url()
        descripcion = _("%(descripcion)s\nResponsable: %(responsable)s\nOrigen: %(origen)s") % {
            "descripcion": compromiso.descripcion,
            "responsable": compromiso.responsable,
            "origen": compromiso.origen_descripcion or _("registrado a mano"),
        }
        eventos.append(
            evento(
                uid=f"compromiso-{compromiso.pk}",
                dia=compromiso.fecha_limite,
                resumen=_("Vence: %(compromiso)s") % {"compromiso": compromiso},
                descripcion=descripcion + "\n" + url,
                url=url,
                transparente=True,
            )
        )
    return calendario(_("Mis compromisos — Buen Gobierno"), eventos)
