"""Settings for Buen Gobierno, read from environment variables only.

Without any variable the project runs on the embedded default: SQLite under var/, a Celery
broker on the filesystem under var/, e-mail to the console. Production sets DATABASE_URL,
REDIS_URL, EMAIL_URL, SECRET_KEY, ALLOWED_HOSTS… (see README). A bad value stops start-up
with a message that names the variable.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
if (BASE_DIR / ".env").exists():
    environ.Env.read_env(BASE_DIR / ".env")

_VERDADEROS = {"1", "true", "yes", "on", "si", "sí"}
_FALSOS = {"0", "false", "no", "off", ""}


def _booleano(nombre: str, defecto: bool) -> bool:
    crudo = env.str(nombre, default=str(defecto)).strip().lower()
    if crudo in _VERDADEROS:
        return True
    if crudo in _FALSOS:
        return False
    raise ImproperlyConfigured(f"{nombre}={crudo!r} no es un valor booleano (use true o false).")


def _entero(nombre: str, defecto: int, minimo: int = 0) -> int:
    crudo = env.str(nombre, default=str(defecto)).strip()
    try:
        valor = int(crudo)
    except ValueError:
        raise ImproperlyConfigured(f"{nombre}={crudo!r} no es un número entero.") from None
    if valor < minimo:
        raise ImproperlyConfigured(f"{nombre}={valor} debe ser al menos {minimo}.")
    return valor


def _url(nombre: str, defecto: str, parser, requerido: str):
    crudo = env.str(nombre, default=defecto)
    try:
        valor = parser(crudo)
    except Exception as exc:  # environ raises several types for malformed URLs
        raise ImproperlyConfigured(f"{nombre} no es una URL válida ({exc}).") from None
    if not valor.get(requerido):
        raise ImproperlyConfigured(f"{nombre}={crudo!r} no es una URL reconocida.")
    return valor


VAR_DIR = Path(env.str("VAR_DIR", default=str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = _booleano("DEBUG", False)
SECRET_KEY = env.str("SECRET_KEY", default="")
# Placeholders that were published (Django's own prefix, .env.example): never a real key.
_CLAVES_DE_EJEMPLO = ("django-insecure-", "cambie-esta-clave")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY es obligatoria cuando DEBUG está apagado.")
    SECRET_KEY = "solo-para-desarrollo-no-usar-en-produccion-" + "x" * 20
elif not DEBUG and (
    len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith(_CLAVES_DE_EJEMPLO)
):
    # The same test as Django's deploy check (security.W009), made fatal: a guessable key
    # lets anyone forge sessions and password-reset links.
    raise ImproperlyConfigured(
        "SECRET_KEY es débil: debe tener al menos 50 caracteres, con al menos 5 distintos, y "
        "no ser un valor de ejemplo. Genere una con: "
        "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
for _origen in CSRF_TRUSTED_ORIGINS:
    if not _origen.startswith(("http://", "https://")):
        raise ImproperlyConfigured(
            f"CSRF_TRUSTED_ORIGINS: {_origen!r} debe empezar por http:// o https://."
        )

INSTALLED_APPS = [
    # The platform first: its templates and commands take precedence.
    "buengobierno.organizacion",
    "buengobierno.plazos",
    "buengobierno.avisos",
    "buengobierno.documentos",
    "buengobierno.web",
    # The eight procedures of MEDE01.09.
    "delegaciones",
    "agenda",
    "actos",
    "proyectos_acuerdo",
    "compromisos",
    "cooperacion.alianzas",
    "cooperacion.proyectos",
    "cooperacion.misiones",
    # Third parties.
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_htmx",
    "simple_history",
    "django_celery_beat",
    "axes",
    "csp",
    # Django.
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "buengobierno.web.seguridad.CabecerasDeSeguridad",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes last, as its documentation asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "buengobierno.urls"
WSGI_APPLICATION = "buengobierno.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "buengobierno.web.context_processors.plataforma",
            ],
        },
    },
]

DATABASES = {
    "default": _url(
        "DATABASE_URL", f"sqlite:///{VAR_DIR / 'buengobierno.sqlite3'}", env.db_url_config, "ENGINE"
    )
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Persistent connections: a new PostgreSQL connection per request costs more than many a
# page's queries. Each gunicorn thread keeps one for up to CONN_MAX_AGE seconds, checked
# before reuse so a restarted database costs one retry, not an error page. Off in
# development, where runserver starts a thread (and so a connection) per request.
DATABASES["default"]["CONN_MAX_AGE"] = _entero("CONN_MAX_AGE", 0 if DEBUG else 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = _booleano("CONN_HEALTH_CHECKS", True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # What the planner charges for reading a page out of order. PostgreSQL's default (4)
    # assumes spinning disks; on SSD, or a database that fits in memory, ≈ 1.1 is the usual
    # value. With 4 it hashes whole tables (20,000 sessions) to join a few hundred rows.
    _coste = env.str("PG_RANDOM_PAGE_COST", default="1.1").strip()
    try:
        if float(_coste) <= 0:
            raise ValueError
    except ValueError:
        raise ImproperlyConfigured(
            f"PG_RANDOM_PAGE_COST={_coste!r} debe ser un número mayor que 0."
        ) from None
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = f"-c random_page_cost={_coste}"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the web process and the Celery worker share the file.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "organizacion.Usuario"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "escritorio"
LOGOUT_REDIRECT_URL = "login"

# A session lasts one working day from login and ends when the browser closes. Not renewed on
# every request: the notification bell polls each minute and would keep an idle tab signed in.
SESSION_COOKIE_AGE = _entero("SESSION_COOKIE_AGE", 8 * 60 * 60, minimo=300)
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# django-axes: lock the pair (username, client address). Locking each on its own would let
# one attacker lock a user out from anywhere, and lock everybody behind one proxy address.
AXES_FAILURE_LIMIT = _entero("AXES_FAILURE_LIMIT", 5, minimo=1)
AXES_COOLOFF_TIME = _entero("AXES_COOLOFF_MINUTOS", 15, minimo=1) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/bloqueado.html"
# How many trusted proxies (the TLS terminator…) stand in front of gunicorn: the client's
# address is then taken that many hops from the right of X-Forwarded-For.
AXES_IPWARE_PROXY_COUNT = _entero("AXES_IPWARE_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "buengobierno.organizacion.direccion.ip_del_cliente"

LANGUAGE_CODE = "es-co"
LANGUAGES = [("es-co", _("Español (Colombia)"))]
TIME_ZONE = "America/Bogota"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "staticfiles")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns on a missing folder
# Uploaded files are private: never under STATIC, never given a public URL (see documentos).
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# E-mail: console by default; EMAIL_URL=smtp://user:pass@host:587 (or smtp+tls://…) in production.
_correo = _url("EMAIL_URL", "consolemail://", env.email_url_config, "EMAIL_BACKEND")
if _correo["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend":
    # Django's SMTP backend that tells a refused message from one whose delivery is unknown,
    # so a reminder is never multiplied by retries (see buengobierno/avisos/smtp.py).
    _correo["EMAIL_BACKEND"] = "buengobierno.avisos.smtp.EmailBackend"
vars().update(_correo)
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Buen Gobierno <buengobierno@cali.gov.co>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Each SMTP step waits at most this long; a whole send is also cut at 180 s (the task's limit).
EMAIL_TIMEOUT = _entero("EMAIL_TIMEOUT", 20, minimo=1)
if EMAIL_TIMEOUT > 60:
    raise ImproperlyConfigured(f"EMAIL_TIMEOUT={EMAIL_TIMEOUT} no puede pasar de 60 segundos.")
EMAIL_SUBJECT_PREFIX = "[Buen Gobierno] "

# Celery: Redis in production; by default a filesystem broker under var/ that needs no server.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL and not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured(f"REDIS_URL={REDIS_URL!r} debe empezar por redis:// o rediss://.")
# Every wait on Redis is bounded: a Redis that accepts connections and never answers costs
# a request at most this long, never a hang (the worker's 30 s default would end in a 500).
REDIS_ESPERA_MAXIMA = 2  # seconds, to connect and to read a reply
# The cache is shared by web and workers in production (e.g. the counts of long lists). Code
# that uses it tolerates its failure: nothing the system needs lives only in the cache, and
# after a failure the backend skips Redis for 30 s (buengobierno/cache.py).
CACHES = {
    "default": (
        {
            "BACKEND": "buengobierno.cache.CacheRedisTolerante",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "socket_connect_timeout": REDIS_ESPERA_MAXIMA,
                "socket_timeout": REDIS_ESPERA_MAXIMA,
            },
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# Options of the Celery broker when it is Redis: a silent Redis fails a publish after 2 s
# instead of blocking the request forever, and kombu does not retry it (max_retries 0): the
# ledger row stays pendiente for the reenviar_pendientes scan.
OPCIONES_BROKER_REDIS = {
    "visibility_timeout": 3600,
    "socket_connect_timeout": REDIS_ESPERA_MAXIMA,
    "socket_timeout": REDIS_ESPERA_MAXIMA,
    "max_retries": 0,
}
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL or "filesystem://")
if CELERY_BROKER_URL.startswith("filesystem://"):
    _cola = VAR_DIR / "celery"
    for _carpeta in ("entrada", "procesados"):
        (_cola / _carpeta).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_cola / "entrada"),
        "data_folder_out": str(_cola / "entrada"),
        "processed_folder": str(_cola / "procesados"),
        # Exchange tables too, or kombu writes them to ./control in the working directory.
        "control_folder": str(_cola / "control"),
        "store_processed": False,
    }
else:
    CELERY_BROKER_TRANSPORT_OPTIONS = dict(OPCIONES_BROKER_REDIS)
CELERY_TASK_ALWAYS_EAGER = _booleano("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Saving a record must not hang when the broker is down: publishing gives up fast and the
# reminder stays pending in the ledger for the next scan to pick up.
CELERY_BROKER_CONNECTION_TIMEOUT = REDIS_ESPERA_MAXIMA
CELERY_TASK_PUBLISH_RETRY = False
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 0}

# Reminders
AVISOS_REINTENTOS_MAXIMOS = _entero("AVISOS_REINTENTOS_MAXIMOS", 8, minimo=0)
# P005: remind this many business days before a commitment falls due, and escalate to the
# head of the organism once it is this many business days overdue.
COMPROMISOS_DIAS_AVISO_PREVIO = _entero("COMPROMISOS_DIAS_AVISO_PREVIO", 3, minimo=1)
COMPROMISOS_DIAS_ESCALAMIENTO = _entero("COMPROMISOS_DIAS_ESCALAMIENTO", 2, minimo=0)
# P004: whether Ley 136 art. 73's three days between commission and plenary are business days.
PROYECTOS_DIAS_ENTRE_DEBATES_HABILES = _booleano("PROYECTOS_DIAS_ENTRE_DEBATES_HABILES", False)
SITE_URL = env.str("SITE_URL", default="http://localhost:8000").rstrip("/")

# Exports: an XLSX of more rows than this is produced in the background and kept this many days.
EXPORTACION_FILAS_EN_LINEA = _entero("EXPORTACION_FILAS_EN_LINEA", 50_000, minimo=1)
EXPORTACION_DIAS_VIGENCIA = _entero("EXPORTACION_DIAS_VIGENCIA", 7, minimo=1)

# Attachments
ADJUNTOS_TAMANO_MAXIMO_MB = _entero("ADJUNTOS_TAMANO_MAXIMO_MB", 20, minimo=1)
# An office file (DOCX, XLSX, ODT…) is a ZIP: refused if it unpacks to more than this.
ADJUNTOS_DESCOMPRIMIDO_MAXIMO_MB = _entero("ADJUNTOS_DESCOMPRIMIDO_MAXIMO_MB", 50, minimo=1)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Production hardening, switched by flags rather than by separate code paths.
SECURE_SSL_REDIRECT = _booleano("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = _booleano("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = _entero("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_REDIRECT_EXEMPT = [r"^salud/$"]

# Content-Security-Policy (django-csp): scripts only from our own static files — no inline
# <script>, no on…= handlers, no eval (htmx's allowEval is off in web/_cabeza.html). Styles
# keep 'unsafe-inline' for the style="" attributes of Bootstrap's components and Chart.js;
# images allow data: for Bootstrap's inline SVG icons.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Browser features no page uses, off for every origin (buengobierno.web.seguridad).
PERMISSIONS_POLICY = {
    funcion: []
    for funcion in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        # WeasyPrint logs every rendering step at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
