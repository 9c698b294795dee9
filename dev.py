#!/usr/bin/env python3
"""Set up and run Buen Gobierno on this machine, with nothing but Python 3.11+ and git.

    python3 dev.py run    # install, migrate, load demo data, run web + Celery worker + beat
    python3 dev.py test   # install, then run the whole test suite (pytest)
    DATABASE_URL=postgres://… python3 dev.py bench   # the benchmark (README, «Rendimiento»)

Both create .venv/ and install the locked dependencies (requirements-dev.lock, with hashes) the
first time and whenever the lock file changes. Only the standard library is used here.
"""

import ctypes.util
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import venv
from pathlib import Path

RAIZ = Path(__file__).resolve().parent
VENV = RAIZ / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / "python"
CANDADO = RAIZ / "requirements-dev.lock"
PUERTO = int(os.environ.get("PORT", "8000"))


def decir(texto: str) -> None:
    print(f"\033[1;34m==>\033[0m {texto}", flush=True)


def ejecutar(*args, **kwargs) -> None:
    subprocess.run([str(a) for a in args], check=True, cwd=RAIZ, **kwargs)


def preparar_entorno() -> None:
    """Create the virtualenv and install the lock file when it changed since the last install."""
    if sys.version_info < (3, 11):  # noqa: UP036  (this script may be run by an older python3)
        sys.exit("Buen Gobierno necesita Python 3.11 o posterior.")
    if not PYTHON.exists():
        decir("Creando el entorno virtual en .venv/")
        venv.create(VENV, with_pip=True)
    huella = hashlib.sha256(CANDADO.read_bytes()).hexdigest()
    marca = VENV / ".instalado"
    if not marca.exists() or marca.read_text() != huella:
        decir("Instalando dependencias fijadas en requirements-dev.lock")
        ejecutar(PYTHON, "-m", "pip", "install", "-q", "--upgrade", "pip")
        ejecutar(PYTHON, "-m", "pip", "install", "-q", "--require-hashes", "-r", CANDADO)
        marca.write_text(huella)
    asegurar_paquetes_debian(
        faltan=[]
        if ctypes.util.find_library("pango-1.0")
        else ["libpango-1.0-0", "libpangoft2-1.0-0"],
        para="generar los PDF (WeasyPrint)",
    )


def asegurar_paquetes_debian(*, faltan: list[str], para: str) -> None:
    if not faltan:
        return
    if shutil.which("apt-get") and os.geteuid() == 0:
        decir(f"Instalando {' '.join(faltan)} para {para}")
        ejecutar("apt-get", "update", "-qq")
        ejecutar(
            "apt-get",
            "install",
            "-y",
            "-qq",
            *faltan,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )
    else:
        print(
            f"Aviso: faltan {' '.join(faltan)} para {para}; instálelos con el gestor de paquetes."
        )


def entorno_local() -> dict:
    """The embedded default: DEBUG on, SQLite, filesystem broker and console e-mail under var/."""
    return {**os.environ, "DEBUG": os.environ.get("DEBUG", "true"), "PYTHONUNBUFFERED": "1"}


def correr() -> None:
    preparar_entorno()
    env = entorno_local()
    manage = [PYTHON, "manage.py"]
    decir("Aplicando migraciones")
    ejecutar(*manage, "migrate", "--no-input", "-v", "0", env=env)
    decir("Cargando organismos y datos de demostración")
    ejecutar(*manage, "cargar_demo", "--forzar", env=env)
    procesos = [
        subprocess.Popen(
            [str(PYTHON), "manage.py", "runserver", f"127.0.0.1:{PUERTO}", "--noreload"],
            cwd=RAIZ,
            env=env,
        ),
        # One worker with embedded beat: the schedules live in the database (django-celery-beat).
        subprocess.Popen(
            [
                str(BIN / "celery"),
                "-A",
                "buengobierno",
                "worker",
                "-B",
                "--loglevel",
                "INFO",
                "-c",
                "2",
            ],
            cwd=RAIZ,
            env=env,
        ),
    ]
    decir(
        f"Buen Gobierno está en http://127.0.0.1:{PUERTO}/  (administración: /admin/). Ctrl+C para salir."
    )
    try:
        while all(p.poll() is None for p in procesos):
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        for p in procesos:
            if p.poll() is None:
                p.send_signal(signal.SIGINT)
        for p in procesos:
            try:
                p.wait(timeout=15)
            except subprocess.TimeoutExpired:
                p.kill()


def redis_responde(puerto: int = 6379) -> bool:
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", puerto)) == 0


def probar(argumentos: list[str]) -> int:
    preparar_entorno()
    asegurar_paquetes_debian(
        faltan=[] if Path("/usr/bin/chromium").exists() else ["chromium"],
        para="las pruebas en el navegador",
    )
    if not redis_responde() and shutil.which("redis-server"):
        decir("Iniciando Redis en 127.0.0.1:6379 para las pruebas de integración")
        ejecutar(
            "redis-server",
            "--daemonize",
            "yes",
            "--bind",
            "127.0.0.1",
            "--port",
            "6379",
            "--save",
            "",
        )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    decir(
        f"Pruebas sobre {'PostgreSQL' if 'postgres' in env.get('DATABASE_URL', '') else 'SQLite'}"
    )
    return subprocess.run([str(BIN / "pytest"), *argumentos], cwd=RAIZ, env=env).returncode


def banco() -> int:
    """The benchmark on PostgreSQL (README, «Rendimiento»): seeds an empty database first."""
    preparar_entorno()
    return subprocess.run([str(PYTHON), "-m", "buengobierno.banco"], cwd=RAIZ).returncode


def main() -> None:
    orden = sys.argv[1] if len(sys.argv) > 1 else ""
    if orden == "run":
        correr()
    elif orden == "test":
        sys.exit(probar(sys.argv[2:]))
    elif orden == "bench":
        sys.exit(banco())
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
