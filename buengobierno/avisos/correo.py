"""The one e-mail helper: a template triplet rendered into a multipart message.

Every e-mail of the system is three templates under templates/emails/:
`<plantilla>-subject.txt` (one line), `<plantilla>-body.txt` and `<plantilla>-body.html`
(which extends `emails/_base.html`, the institutional layout).
"""

import uuid
from dataclasses import dataclass
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context, engines
from django.template.loader import render_to_string
from django.utils import translation


@dataclass(frozen=True)
class CorreoRenderizado:
    asunto: str  # without EMAIL_SUBJECT_PREFIX: the in-app notice uses it as its title
    texto: str
    html: str


def url_absoluta(url: str) -> str:
    """An in-site path made absolute with SITE_URL, for links that leave the site."""
    if url.startswith(("http://", "https://")):
        return url
    base = getattr(settings, "SITE_URL", "http://localhost:8000").rstrip("/")
    if not url:
        return base + "/"
    return base + (url if url.startswith("/") else "/" + url)


def nuevo_id_mensaje() -> str:
    """A fresh Message-ID in the sender's domain, made once per reminder and kept on its row.

    Not Django's make_msgid(): that one asks the DNS for this machine's name.
    """
    dominio = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "buengobierno"
    return f"<{uuid.uuid4().hex}.recordatorio@{dominio}>"


def _renderizar_texto(nombre: str, contexto: dict) -> str:
    # Plain text must not be HTML-escaped: "Hacienda & Planeación" stays as written.
    plantilla = engines["django"].engine.get_template(nombre)
    return plantilla.render(Context(contexto, autoescape=False))


def renderizar_correo(plantilla: str, contexto: dict) -> CorreoRenderizado:
    """Render the triplet `emails/<plantilla>-…` in the site's language."""
    with translation.override(settings.LANGUAGE_CODE):
        asunto = " ".join(_renderizar_texto(f"emails/{plantilla}-subject.txt", contexto).split())
        contexto = {**contexto, "asunto": asunto}
        texto = _renderizar_texto(f"emails/{plantilla}-body.txt", contexto).strip() + "\n"
        html = render_to_string(f"emails/{plantilla}-body.html", contexto)
    return CorreoRenderizado(asunto=asunto, texto=texto, html=html)


def construir_correo(
    plantilla: str, contexto: dict, destinatario, *, id_mensaje: str = ""
) -> EmailMultiAlternatives:
    """The e-mail `emails/<plantilla>` for `destinatario` (a user or an address), not sent.

    The subject is one line prefixed by EMAIL_SUBJECT_PREFIX; the body has a text part and
    an HTML alternative. `id_mensaje` fixes the Message-ID (else Django makes a new one).
    """
    correo = renderizar_correo(plantilla, contexto)
    direccion = getattr(destinatario, "email", destinatario)
    mensaje = EmailMultiAlternatives(
        subject=getattr(settings, "EMAIL_SUBJECT_PREFIX", "") + correo.asunto,
        body=correo.texto,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[direccion],
        # RFC 3834: tells mail servers and autoresponders this is an automatic message.
        headers={"Auto-Submitted": "auto-generated"},
    )
    if id_mensaje:
        mensaje.extra_headers["Message-ID"] = id_mensaje
    mensaje.attach_alternative(correo.html, "text/html")
    return mensaje
