"""The README's two commands: `dev.py run` refuses a busy port clearly, `dev.py test` brings the
Redis the worker test needs and stops it afterwards."""

import socket
import subprocess
import sys

import pytest
import redis

import dev


def _ejecutar_run(puerto) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "dev.py", "run"],
        cwd=dev.RAIZ,
        env={"PATH": "/usr/bin:/bin", "PORT": str(puerto)},
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_run_refuses_a_second_copy_on_a_busy_port_and_names_another_one():
    with socket.socket() as ocupado:
        ocupado.bind(("127.0.0.1", 0))
        ocupado.listen()
        puerto = ocupado.getsockname()[1]

        resultado = _ejecutar_run(puerto)

    assert resultado.returncode == 1
    assert f"El puerto {puerto} ya está en uso" in resultado.stderr
    assert f"PORT={puerto + 1} python3 dev.py run" in resultado.stderr
    assert "Traceback" not in resultado.stderr
    assert "Aplicando migraciones" not in resultado.stdout


def test_run_explains_a_port_that_is_not_a_number():
    resultado = _ejecutar_run("ocho mil")

    assert resultado.returncode == 1
    assert "no es un puerto válido" in resultado.stderr


def test_the_local_server_runs_with_debug_off_and_a_strong_key_kept_in_var(tmp_path, monkeypatch):
    monkeypatch.setattr(dev, "VAR", tmp_path)
    monkeypatch.delenv("DEBUG", raising=False)
    monkeypatch.delenv("SECRET_KEY", raising=False)

    entorno = dev.entorno_local()

    assert entorno["DEBUG"] == "false"
    assert len(entorno["SECRET_KEY"]) >= 50
    assert dev.entorno_local()["SECRET_KEY"] == entorno["SECRET_KEY"]
    assert (tmp_path / "clave-secreta").stat().st_mode & 0o077 == 0
    assert entorno["SECURE_SSL_REDIRECT"] == "false"


def test_test_starts_its_own_redis_when_none_answers_and_stops_it(monkeypatch):
    # As on a bare machine: nothing answers on 6379 (whatever this one runs there).
    respuesta_real = dev.responde
    monkeypatch.setattr(dev, "responde", lambda p: p != 6379 and respuesta_real(p))
    monkeypatch.setattr(dev, "puerto_ocupado", lambda p: True)  # 6379 may really be taken here
    entorno = {}

    proceso = dev.preparar_redis(entorno)
    try:
        assert proceso is not None
        assert redis.Redis.from_url(entorno["REDIS_PRUEBAS"], socket_timeout=2).ping()
    finally:
        dev.detener([proceso])

    assert proceso.returncode is not None
    with pytest.raises(redis.exceptions.ConnectionError):
        redis.Redis.from_url(entorno["REDIS_PRUEBAS"], socket_connect_timeout=1).ping()


def test_test_uses_the_redis_it_is_given():
    entorno = {"REDIS_PRUEBAS": "redis://127.0.0.1:6390"}

    assert dev.preparar_redis(entorno) is None
    assert entorno == {"REDIS_PRUEBAS": "redis://127.0.0.1:6390"}
