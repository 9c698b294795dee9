#!/usr/bin/env python3
"""Set up and run Buen Gobierno on this machine, with nothing but Python 3.11+ and git.

    python3 dev.py run    # install, migrate, load demo data, run web + Celery worker + beat
    python3 dev.py test   # install, then run the whole test suite (pytest)

Both create .venv/ and install the locked dependencies (requirements-dev.lock, with hashes) the
first time and whenever the lock file changes. Only the standard library is used here.
"""

import ctypes.util
import hashlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

RAIZ = Path(__file__).resolve().parent
VENV = RAIZ / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / "python"
CANDADO = RAIZ / "requirements-dev.lock"
VAR = RAIZ / "var"


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
    faltan = (
        [] if ctypes.util.find_library("pango-1.0") else ["libpango-1.0-0", "libpangoft2-1.0-0"]
    )
    if not Path("/usr/share/fonts/truetype/dejavu").is_dir():
        faltan.append("fonts-dejavu-core")
    asegurar_paquetes_debian(faltan=faltan, para="generar los PDF (WeasyPrint)")


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
            f"Aviso: faltan {' '.join(faltan)} para {para}: sudo apt-get install {' '.join(faltan)}"
        )


def puerto_pedido() -> int:
    crudo = os.environ.get("PORT", "8000")
    if not crudo.isdigit() or not 0 < int(crudo) < 65536:
        sys.exit(f"PORT={crudo!r} no es un puerto válido (use un número, p. ej. PORT=8001).")
    return int(crudo)


def puerto_ocupado(puerto: int) -> bool:
    with socket.socket() as s:
        # As the servers themselves do: a port left in TIME_WAIT by a stopped copy is free.
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", puerto))
        except OSError:
            return True
    return False


def responde(puerto: int) -> bool:
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", puerto)) == 0


def clave_local() -> str:
    """A strong SECRET_KEY of this checkout, made once and kept in var/ (never committed)."""
    archivo = VAR / "clave-secreta"
    if not archivo.exists():
        VAR.mkdir(exist_ok=True)
        archivo.write_text(secrets.token_urlsafe(50))
        archivo.chmod(0o600)
    return archivo.read_text().strip()


def entorno_local(puerto: int = 8000) -> dict:
    """The embedded default: SQLite, filesystem broker and console e-mail under var/.

    DEBUG stays off, as in production, so that a mistyped address shows the system's own 404
    page; `DEBUG=true python3 dev.py run` brings Django's debug pages back for development.
    Plain HTTP on 127.0.0.1, so no HTTPS redirect, secure cookies or HSTS.
    """
    return {
        **os.environ,
        "DEBUG": os.environ.get("DEBUG", "false"),
        "SECRET_KEY": os.environ.get("SECRET_KEY") or clave_local(),
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "SECURE_HSTS_SECONDS": "0",
        "SITE_URL": os.environ.get("SITE_URL", f"http://127.0.0.1:{puerto}"),
        "PYTHONUNBUFFERED": "1",
    }


def correr() -> None:
    puerto = puerto_pedido()
    # Checked before anything else: a second copy must not migrate or load data under the first.
    if puerto_ocupado(puerto):
        sys.exit(
            f"El puerto {puerto} ya está en uso: quizá Buen Gobierno ya está corriendo "
            f"(ábralo en http://127.0.0.1:{puerto}/). Para otra copia use otro puerto: "
            f"PORT={puerto + 1} python3 dev.py run"
        )
    preparar_entorno()
    env = entorno_local(puerto)
    manage = [PYTHON, "manage.py"]
    decir("Aplicando migraciones")
    ejecutar(*manage, "migrate", "--no-input", "-v", "0", env=env)
    decir("Preparando los archivos estáticos")
    ejecutar(*manage, "collectstatic", "--no-input", "-v", "0", env=env)
    decir("Cargando organismos y datos de demostración")
    ejecutar(*manage, "cargar_demo", "--forzar", env=env)
    procesos = [
        subprocess.Popen(
            [str(PYTHON), "manage.py", "runserver", f"127.0.0.1:{puerto}", "--noreload"],
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
                "WARNING",
                "-c",
                "2",
            ],
            cwd=RAIZ,
            env=env,
        ),
    ]
    try:
        for _ in range(60):
            if responde(puerto) or procesos[0].poll() is not None:
                break
            time.sleep(0.5)
        if procesos[0].poll() is None:
            decir(f"Buen Gobierno está listo: abra http://127.0.0.1:{puerto}/ en el navegador")
            print(f"    Administración:  http://127.0.0.1:{puerto}/admin/")
            print("    Para detenerlo:  Ctrl+C en esta terminal")
            print(f"    ¿Puerto ocupado? PORT={puerto + 1} python3 dev.py run", flush=True)
        while all(p.poll() is None for p in procesos):
            time.sleep(1)
    except KeyboardInterrupt:
        return
    finally:
        detener(procesos)
    sys.exit(
        "Buen Gobierno se detuvo porque uno de sus procesos terminó (vea los mensajes de arriba)."
    )


def detener(procesos: list[subprocess.Popen]) -> None:
    for p in procesos:
        if p.poll() is None:
            p.send_signal(signal.SIGINT)
    for p in procesos:
        try:
            p.wait(timeout=15)
        except subprocess.TimeoutExpired:
            p.kill()


def buscar_redis() -> str | None:
    """redis-server on the PATH, or where Debian installs it."""
    return shutil.which("redis-server") or next(
        (
            str(r)
            for r in map(Path, ("/usr/bin/redis-server", "/usr/sbin/redis-server"))
            if r.exists()
        ),
        None,
    )


def puerto_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def preparar_redis(env: dict) -> subprocess.Popen | None:
    """The Redis the worker integration test needs: the one answering on 6379 (or REDIS_PRUEBAS),
    else one started here (installed with apt-get when root), stopped when the run ends."""
    if env.get("REDIS_PRUEBAS") or responde(6379):
        return None
    binario = buscar_redis()
    if binario is None:
        asegurar_paquetes_debian(faltan=["redis-server"], para="la prueba con el worker de Celery")
        binario = buscar_redis()
        if binario is None:
            return None
    puerto = 6379 if not puerto_ocupado(6379) else puerto_libre()
    decir(f"Iniciando Redis en 127.0.0.1:{puerto} para las pruebas (se detiene al terminar)")
    proceso = subprocess.Popen(
        [binario, "--bind", "127.0.0.1", "--port", str(puerto), "--save", "", "--appendonly", "no"],
        cwd=tempfile.gettempdir(),
        stdout=subprocess.DEVNULL,
    )
    for _ in range(50):
        if responde(puerto):
            break
        time.sleep(0.1)
    env["REDIS_PRUEBAS"] = f"redis://127.0.0.1:{puerto}"
    return proceso


def probar(argumentos: list[str]) -> int:
    preparar_entorno()
    asegurar_paquetes_debian(
        faltan=[] if Path("/usr/bin/chromium").exists() else ["chromium"],
        para="las pruebas en el navegador",
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    redis = preparar_redis(env)
    decir(
        f"Pruebas sobre {'PostgreSQL' if 'postgres' in env.get('DATABASE_URL', '') else 'SQLite'}"
    )
    try:
        return subprocess.run([str(BIN / "pytest"), *argumentos], cwd=RAIZ, env=env).returncode
    finally:
        if redis is not None:
            detener([redis])


def main() -> None:
    orden = sys.argv[1] if len(sys.argv) > 1 else ""
    if orden == "run":
        correr()
    elif orden == "test":
        sys.exit(probar(sys.argv[2:]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
