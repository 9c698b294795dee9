"""iCalendar (RFC 5545) text for the calendar files and feeds of the procedures.

    contenido = calendario(_("Mis compromisos — Buen Gobierno"), [evento_1, evento_2])

where each event is the list of its property lines ("UID:…", "DTSTART:…"), written with
`escapar()` for free text; `calendario` wraps them, folds long lines and ends lines in CRLF.
"""

from django.conf import settings
from django.utils import timezone

PRODID = "-//Alcaldía de Santiago de Cali//Buen Gobierno//ES"


def escapar(texto: str) -> str:
    return (
        str(texto)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def plegar(linea: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1)."""
    if len(linea.encode()) <= 75:
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


def sitio() -> str:
    return getattr(settings, "SITE_URL", "http://localhost:8000").rstrip("/")


def dominio() -> str:
    """The host of SITE_URL, for globally unique event UIDs."""
    return sitio().split("://", 1)[-1].split("/", 1)[0].split(":")[0] or "buengobierno"


def sello() -> str:
    return timezone.now().strftime("%Y%m%dT%H%M%SZ")


def calendario(nombre: str, eventos: list[list[str]]) -> str:
    lineas = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:" + escapar(nombre),
        "X-WR-TIMEZONE:America/Bogota",
    ]
    for evento in eventos:
        lineas += ["BEGIN:VEVENT", *evento, "END:VEVENT"]
    lineas.append("END:VCALENDAR")
    return "\r\n".join(plegar(linea) for linea in lineas) + "\r\n"
