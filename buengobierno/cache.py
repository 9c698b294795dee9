"""Django's Redis cache that stops waiting for a Redis that failed.

The socket timeouts in settings bound each call (REDIS_ESPERA_MAXIMA). Still, a page that
reads and writes the cache would wait that long on every call while Redis is stalled. After a
connection error or a timeout this backend answers every command of the process with an
immediate error for PAUSA_TRAS_FALLO seconds, then tries Redis again (per server). Callers already
tolerate a failing cache (it only holds what can be recomputed).
"""

import threading
import time

import redis
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

PAUSA_TRAS_FALLO = 30  # seconds

_cerrojo = threading.Lock()
_en_pausa_hasta: dict[tuple, float] = {}  # server -> time.monotonic() when the pause ends


class RedisEnPausa(redis.exceptions.ConnectionError):
    """Raised without touching the network while Redis is paused after a failure."""


class _Redis(redis.Redis):
    def execute_command(self, *args, **options):
        datos = self.connection_pool.connection_kwargs
        servidor = (datos.get("host"), datos.get("port"), datos.get("path"))
        if _en_pausa_hasta.get(servidor, 0.0) > time.monotonic():
            raise RedisEnPausa("Redis no respondió hace poco; la caché está en pausa.")
        try:
            return super().execute_command(*args, **options)
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError):
            with _cerrojo:
                _en_pausa_hasta[servidor] = time.monotonic() + PAUSA_TRAS_FALLO
            raise


class _Cliente(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._client = _Redis


class CacheRedisTolerante(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _Cliente


def reanudar() -> None:
    """End every pause now (e.g. a test that stalled a Redis of its own)."""
    with _cerrojo:
        _en_pausa_hasta.clear()
