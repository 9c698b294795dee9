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
