"""An iCalendar (RFC 5545) feed of a person's open commitments, one all-day event each.

Outlook and Google Calendar subscribe to the secret URL; they poll it, so nothing is pushed.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from compromisos.models import Compromiso

PRODID = "-//Alcaldía de Santiago de Cali//Buen Gobierno P005//ES"


def _escapar(texto: str) -> str:
    return (
        str(texto)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _plegar(linea: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1)."""
    datos = linea.encode()
    if len(datos) <= 75:
        return linea
    partes, actual = [], b""
    for caracter in linea:
        codificado = caracter.encode()
        limite = 75 if not partes else 74
        if len(actual) + len(codificado) > limite:
            partes.append(actual.decode())
            actual = b""
        actual += codificado
    partes.append(actual.decode())
    return "\r\n ".join(partes)


def compromisos_del_calendario(usuario):
    return (
        Compromiso.objects.abiertos()
        .de_persona(usuario)
        .select_related("responsable", "organismo")
        .order_by("fecha_limite", "pk")
    )


def generar_ics(usuario) -> str:
    sitio = getattr(settings, "SITE_URL", "http://localhost:8000").rstrip("/")
    dominio = sitio.split("://", 1)[-1].split("/", 1)[0].split(":")[0] or "buengobierno"
    sello = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    lineas = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:" + _escapar(_("Mis compromisos — Buen Gobierno")),
        "X-WR-TIMEZONE:America/Bogota",
    ]
    for compromiso in compromisos_del_calendario(usuario):
        fin = compromiso.fecha_limite + timedelta(days=1)
        url = sitio + compromiso.get_absolute_url()
        descripcion = _("%(descripcion)s\nResponsable: %(responsable)s\nOrigen: %(origen)s") % {
            "descripcion": compromiso.descripcion,
            "responsable": compromiso.responsable,
            "origen": compromiso.origen_descripcion or _("registrado a mano"),
        }
        lineas += [
            "BEGIN:VEVENT",
            f"UID:compromiso-{compromiso.pk}@{dominio}",
            f"DTSTAMP:{sello}",
            f"DTSTART;VALUE=DATE:{compromiso.fecha_limite:%Y%m%d}",
            f"DTEND;VALUE=DATE:{fin:%Y%m%d}",
            "SUMMARY:" + _escapar(_("Vence: %(compromiso)s") % {"compromiso": compromiso}),
            "DESCRIPTION:" + _escapar(descripcion + "\n" + url),
            f"URL:{url}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lineas.append("END:VCALENDAR")
    return "\r\n".join(_plegar(linea) for linea in lineas) + "\r\n"
