"""Start-up configuration: environment variables are validated and production is hardened."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parents[2]

PRODUCCION = {
    "DEBUG": "false",
    "SECRET_KEY": "k9#" + "q" * 30 + "Zx!7-producción-de-pruebas-muy-larga",
    "ALLOWED_HOSTS": "buengobierno.cali.gov.co",
    "CSRF_TRUSTED_ORIGINS": "https://buengobierno.cali.gov.co",
    "DATABASE_URL": "postgres://buengobierno:clave@127.0.0.1:5432/buengobierno",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "EMAIL_URL": "smtp+tls://usuario:clave@smtp.cali.gov.co:587",
}


def manage(*args, **variables):
    # Only the process basics: the test run's own settings variables must not leak in.
    entorno = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "TMPDIR")}
    entorno.update(variables)
    entorno["DJANGO_SETTINGS_MODULE"] = "buengobierno.settings"
    entorno["VAR_DIR"] = str(Path(os.environ.get("TMPDIR", "/tmp")) / "buengobierno-config")
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=RAIZ,
        env=entorno,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_values_pass_the_deploy_check():
    resultado = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCCION)
    assert resultado.returncode == 0, resultado.stderr
    assert "no issues" in resultado.stdout


@pytest.mark.parametrize(
    ("variable", "valor"),
    [
        ("DEBUG", "quizás"),
        ("DATABASE_URL", "esto-no-es-una-url"),
        ("REDIS_URL", "localhost:6379"),
        ("CSRF_TRUSTED_ORIGINS", "buengobierno.cali.gov.co"),
        ("SESSION_COOKIE_AGE", "un-día"),
    ],
)
def test_a_bad_value_stops_start_up_naming_the_variable(variable, valor):
    resultado = manage("check", **{**PRODUCCION, variable: valor})
    assert resultado.returncode != 0
    assert variable in resultado.stderr


def test_secret_key_is_required_when_debug_is_off():
    variables = {k: v for k, v in PRODUCCION.items() if k != "SECRET_KEY"}
    resultado = manage("check", **variables)
    assert resultado.returncode != 0
    assert "SECRET_KEY" in resultado.stderr


@pytest.mark.parametrize(
    "clave",
    [
        "corta-" + "x" * 20,  # fewer than 50 characters
        "ab" * 40,  # fewer than 5 distinct characters
        "django-insecure-" + "k9#qZx!7" * 8,  # Django's published placeholder
        "cambie-esta-clave-por-una-larga-y-aleatoria-" + "k9#qZx!7" * 4,  # .env.example's
    ],
)
def test_a_weak_secret_key_stops_start_up_when_debug_is_off(clave):
    resultado = manage("check", **{**PRODUCCION, "SECRET_KEY": clave})
    assert resultado.returncode != 0
    assert "SECRET_KEY es débil" in resultado.stderr


def test_a_short_secret_key_is_accepted_in_development():
    resultado = manage("check", **{**PRODUCCION, "DEBUG": "true", "SECRET_KEY": "corta"})
    assert resultado.returncode == 0, resultado.stderr
