"""Django's SMTP backend, telling where in the conversation a send stopped.

For a reminder an SMTP failure is one of two kinds:

- before the message was handed over (connection refused, a refusal of MAIL or RCPT, the
  server answering an error code): it certainly was not delivered, retrying is safe;
- after the message started to go out with DATA but before the server's reply (a timeout, a
  dropped connection): the server may have stored it, and a retry may deliver a copy.

This backend records which (`datos_iniciados`, `entregado`) and calls `antes_de_los_datos`
right before DATA, the last moment at which the sender can still decide not to send. A QUIT
that fails after the server accepted the message is not an error: the message is delivered.

EMAIL_URL smtp://… selects it (see settings); any other backend simply lacks these
attributes, and the reminders engine then treats every failure as "not delivered".
"""

import smtplib
from collections.abc import Callable

from django.core.mail.backends import smtp


class _Vigilada:
    """Mixin for smtplib's client: reports the DATA phase to the backend that opened it."""

    vigilante: "EmailBackend | None" = None

    def data(self, msg):
        vigilante = self.vigilante
        if vigilante is not None:
            if vigilante.antes_de_los_datos is not None:
                vigilante.antes_de_los_datos()
            vigilante.datos_iniciados = True
        codigo, respuesta = super().data(msg)
        if vigilante is not None and codigo == 250:
            vigilante.entregado = True
        return codigo, respuesta


class _SMTP(_Vigilada, smtplib.SMTP):
    pass


class _SMTP_SSL(_Vigilada, smtplib.SMTP_SSL):
    pass


class EmailBackend(smtp.EmailBackend):
    def __init__(self, *args, antes_de_los_datos: Callable[[], None] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.antes_de_los_datos = antes_de_los_datos
        self.datos_iniciados = False
        self.entregado = False

    @property
    def connection_class(self):
        return _SMTP_SSL if self.use_ssl else _SMTP

    def open(self):
        nueva = super().open()
        if self.connection is not None:
            self.connection.vigilante = self
        return nueva

    def close(self):
        try:
            super().close()
        except Exception:
            # The server said 250: a QUIT that times out must not make the caller send again.
            if not self.entregado:
                raise


def fallo_incierto(conexion, exc: BaseException) -> bool:
    """Whether the send that raised `exc` on `conexion` may have delivered the message."""
    if not getattr(conexion, "datos_iniciados", False):
        return False
    # An answer with an error code (e.g. 554 to the message) is a refusal, not a doubt.
    return not isinstance(exc, smtplib.SMTPResponseException)
