"""Servers that misbehave, for the fault tests: real sockets on 127.0.0.1, no mocks."""

import socket
import threading
from contextlib import suppress


class ServidorMudo:
    """Accepts TCP connections and never answers: a stalled Redis or SMTP server.

    Usable as a context manager; `url_redis` points Redis clients at it.
    """

    def __init__(self):
        self._escucha = socket.create_server(("127.0.0.1", 0), backlog=128)
        self.puerto = self._escucha.getsockname()[1]
        self.conexiones: list[socket.socket] = []
        self._hilo = threading.Thread(target=self._aceptar, daemon=True)

    @property
    def url_redis(self) -> str:
        return f"redis://127.0.0.1:{self.puerto}/0"

    def _aceptar(self):
        while True:
            try:
                conexion, _direccion = self._escucha.accept()
            except OSError:  # closed by __exit__
                return
            self.conexiones.append(conexion)  # held open, never read, never answered

    def __enter__(self):
        self._hilo.start()
        return self

    def __exit__(self, *exc):
        with suppress(OSError):
            self._escucha.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept() on Linux
        self._escucha.close()
        for conexion in self.conexiones:
            conexion.close()
        self._hilo.join(timeout=5)


class BuzonCaprichoso:
    """An aiosmtpd handler that answers as `modo` says (it may change between attempts):

    - "aceptar": stores the message and replies 250;
    - "cortar": stores it, then drops the connection before replying (the edge where a
      sender cannot know whether the message arrived);
    - "callar": stores it and never replies until `soltar()`;
    - "rechazar": replies 554 to the message and does not store it;
    - "colgar_en_rcpt": holds its reply to RCPT until `soltar()` (a send stuck before DATA),
      then goes on as "aceptar".

    `.mensajes` holds the stored envelopes; `.en_espera` is set when a reply is held back.
    """

    def __init__(self, modo="aceptar"):
        self.modo = modo
        self.mensajes = []
        self.en_espera = threading.Event()
        self._soltado = threading.Event()

    def soltar(self):
        self._soltado.set()

    async def _esperar_a_que_suelten(self, server):
        self.en_espera.set()
        await server.loop.run_in_executor(None, self._soltado.wait)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.modo == "colgar_en_rcpt":
            await self._esperar_a_que_suelten(server)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.modo == "rechazar":
            return "554 Mensaje rechazado"
        self.mensajes.append(envelope)
        if self.modo == "cortar":
            server.transport.abort()
        elif self.modo == "callar":
            await self._esperar_a_que_suelten(server)
            server.transport.abort()
        return "250 Message accepted for delivery"
