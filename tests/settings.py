"""Settings for the test suite: the project's settings with test-friendly environment defaults.

DATABASE_URL still decides the database, so the same suite runs on SQLite and PostgreSQL.
"""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "pruebas-de-buen-gobierno-" + "0123456789abcdef" * 3)
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SESSION_COOKIE_SECURE", "false")
os.environ.setdefault("VAR_DIR", os.path.join(tempfile.gettempdir(), "buengobierno-pruebas"))
os.environ.setdefault("EMAIL_URL", "consolemail://")
os.environ.setdefault("CELERY_TASK_ALWAYS_EAGER", "true")

from buengobierno.settings import *  # noqa: E402, F403
from buengobierno.settings import DATABASES, STORAGES, VAR_DIR  # noqa: E402

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory, so a real Celery worker in a subprocess sees the test database.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "pruebas.sqlite3")}

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "media"
CELERY_TASK_EAGER_PROPAGATES = True
