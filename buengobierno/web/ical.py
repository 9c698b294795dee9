"""iCalendar (RFC 5545) files and feeds of the procedures, written by the `icalendar` library.

    eventos = [evento(uid="compromiso-7", resumen=…, dia=fecha_limite, descripcion=…, url=…)]
    return respuesta_ics(calendario(_("Mis compromisos"), eventos), "compromisos.ics")

The library escapes every text value (a line break of any kind — CRLF, LF or a lone CR —
becomes "\\n", so a title cannot start a property of its own), folds long lines and ends
them in CRLF. Times go out in UTC; an all-day event is a date with a one-day DURATION (no
date arithmetic, so even the last representable day gives a valid file).
"""

from datetime import UTC, date, datetime, timedelta

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//Alcaldía de Santiago de Cali//Buen Gobierno//ES"
UN_DIA = timedelta(days=1)


def sitio() -> str:
    return getattr(settings, "SITE_URL", "http://localhost:8000").rstrip("/")


def dominio() -> str:
    """The host of SITE_URL, for globally unique event UIDs."""
    return sitio().split("://", 1)[-1].split("/", 1)[0].split(":")[0] or "buengobierno"


def evento(
    *,
    uid: str,
    resumen: str,
    inicio: datetime | None = None,
    dia: date | None = None,
    duracion: timedelta | None = None,
    descripcion: str = "",
    lugar: str = "",
    url: str = "",
    transparente: bool = False,
) -> Event:
    """One VEVENT: at `inicio` (aware datetime) for `duracion`, or all day on `dia`."""
    if (inicio is None) == (dia is None):
        raise ValueError("Un evento lleva inicio o día, uno de los dos.")
    vevento = Event()
    vevento.add("uid", f"{uid}@{dominio()}")
    vevento.add("dtstamp", timezone.now().astimezone(UTC).replace(microsecond=0))
    if dia is not None:
        vevento.add("dtstart", dia)
        vevento.add("duration", UN_DIA)
    else:
        vevento.add("dtstart", inicio.astimezone(UTC).replace(microsecond=0))
        if duracion is not None:
            vevento.add("duration", duracion)
    vevento.add("summary", str(resumen))
    if lugar:
        vevento.add("location", str(lugar))
    if descripcion:
        vevento.add("description", str(descripcion))
    if url:
        vevento.add("url", url)
    if transparente:
        vevento.add("transp", "TRANSPARENT")
    return vevento


def calendario(nombre: str, eventos: list[Event]) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", str(nombre))
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    for vevento in eventos:
        cal.add_component(vevento)
    return cal.to_ical()


def respuesta_ics(contenido: bytes, nombre_archivo: str, *, adjunto: bool = True) -> HttpResponse:
    """The file as the browser or a calendar client should take it: private, never cached
    (buengobierno.web.seguridad adds Cache-Control to every calendar response)."""
    respuesta = HttpResponse(contenido, content_type="text/calendar; charset=utf-8")
    disposicion = "attachment" if adjunto else "inline"
    respuesta["Content-Disposition"] = f'{disposicion}; filename="{nombre_archivo}"'
    return respuesta
