"""An iCalendar (RFC 5545) feed of a person's open commitments, one all-day event each.

Outlook and Google Calendar subscribe to the secret URL; they poll it, so nothing is pushed.
"""

from datetime import date, timedelta

from django.utils.translation import gettext as _

from buengobierno.web.ical import calendario, dominio, escapar, sello, sitio
from compromisos.models import Compromiso


def compromisos_del_calendario(usuario):
    return (
        Compromiso.objects.abiertos()
        .de_persona(usuario)
        .select_related("responsable", "organismo")
        .order_by("fecha_limite", "pk")
    )


def generar_ics(usuario) -> str:
    base, marca = sitio(), sello()
    eventos = []
    for compromiso in compromisos_del_calendario(usuario):
        # An all-day event ends the next day; on the last date Python holds (bad data
        # saved before dates were bounded) there is none, and DTSTART alone means one day.
        fin = (
            compromiso.fecha_limite + timedelta(days=1)
            if compromiso.fecha_limite < date.max
            else None
        )
        url = base + compromiso.get_absolute_url()
        descripcion = _("%(descripcion)s\nResponsable: %(responsable)s\nOrigen: %(origen)s") % {
            "descripcion": compromiso.descripcion,
            "responsable": compromiso.responsable,
            "origen": compromiso.origen_descripcion or _("registrado a mano"),
        }
        eventos.append(
            [
                f"UID:compromiso-{compromiso.pk}@{dominio()}",
                f"DTSTAMP:{marca}",
                f"DTSTART;VALUE=DATE:{compromiso.fecha_limite:%Y%m%d}",
                *([f"DTEND;VALUE=DATE:{fin:%Y%m%d}"] if fin else []),
                "SUMMARY:" + escapar(_("Vence: %(compromiso)s") % {"compromiso": compromiso}),
                "DESCRIPTION:" + escapar(descripcion + "\n" + url),
                f"URL:{url}",
                "TRANSP:TRANSPARENT",
            ]
        )
    return calendario(_("Mis compromisos — Buen Gobierno"), eventos)
