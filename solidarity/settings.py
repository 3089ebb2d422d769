"""The one settings module, driven by the environment.

SOLIDARITY_ENV chooses the profile: ``development`` (the default: debug, SQLite
under var/, console e-mail), ``test`` or ``production`` (secret key, hosts and
security headers required; nothing insecure is defaulted).
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from solidarity.environment import (
    ConfigurationError,
    env_bool,
    env_choice,
    env_email,
    env_hosts,
    env_int,
    env_origins,
    env_rate,
    env_str,
    env_url,
)

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = PACKAGE_DIR.parent
VAR_DIR = Path(env_str("SOLIDARITY_VAR_DIR", str(BASE_DIR / "var"))).resolve()

ENVIRONMENT = env_choice(
    "SOLIDARITY_ENV", ("development", "test", "production"), default="development"
)
PRODUCTION = ENVIRONMENT == "production"

if PRODUCTION:
    SECRET_KEY = env_str("SOLIDARITY_SECRET_KEY")
    if len(SECRET_KEY) < 50:
        raise ConfigurationError(
            "The environment variable SOLIDARITY_SECRET_KEY must be at least 50 characters long."
        )
    ALLOWED_HOSTS = env_hosts("SOLIDARITY_ALLOWED_HOSTS")
    DEBUG = False
else:
    SECRET_KEY = env_str("SOLIDARITY_SECRET_KEY", "development-only-key-" + "x" * 40)
    ALLOWED_HOSTS = env_hosts(
        "SOLIDARITY_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"], allow_any=True
    )
    DEBUG = env_bool("SOLIDARITY_DEBUG", ENVIRONMENT == "development")

CSRF_TRUSTED_ORIGINS = env_origins("SOLIDARITY_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "ninja",
    "huey.contrib.djhuey",
    "solidarity.core",
    "solidarity.countries",
    "solidarity.accounts",
    "solidarity.resolutions",
    "solidarity.practices",
    "solidarity.calls",
    "solidarity.declaration",
    "solidarity.mandate",
    "solidarity.visits",
    "solidarity.votes",
    "solidarity.engagements",
    "solidarity.indicators",
    "solidarity.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "solidarity.core.middleware.RefuseNulBytes",
    "solidarity.core.middleware.RefuseOversizedBodies",
    "solidarity.core.middleware.RefuseIncompleteBodies",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "solidarity.core.middleware.PrivateWhenSignedIn",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
    "solidarity.core.ratelimit.LimitDataExports",
]

ROOT_URLCONF = "solidarity.urls"
WSGI_APPLICATION = "solidarity.wsgi.application"
ASGI_APPLICATION = "solidarity.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "solidarity.core.context_processors.platform",
            ],
        },
    }
]

# Databases: SQLite under var/ by default; PostgreSQL (psycopg 3) when DATABASE_URL is set.
# Production names its database: postgres://... or, for one machine, sqlite:////path.
DATABASE_SCHEMES = ("postgres", "postgresql", "pgsql", "sqlite")
if PRODUCTION:
    DATABASE_URL = env_url("DATABASE_URL", schemes=DATABASE_SCHEMES)
else:
    DATABASE_URL = env_url("DATABASE_URL", "", schemes=DATABASE_SCHEMES)
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if not DATABASE_URL or DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    if DATABASE_URL:
        SQLITE_PATH = Path(DATABASES["default"]["NAME"])
    else:
        SQLITE_PATH = Path(env_str("SOLIDARITY_SQLITE_PATH", str(VAR_DIR / "solidarity.sqlite3")))
    SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SQLITE_PATH,
            "OPTIONS": {
                # WAL lets readers go on while one writer commits; writers wait
                # for each other instead of failing with "database is locked".
                # A 32 MiB page cache (2 MiB by default) keeps the search
                # index's pages at hand when a catalogue grows large.
                "init_command": (
                    "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA foreign_keys=ON;"
                    "PRAGMA cache_size=-32768;"
                ),
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache and rate limits: Redis when REDIS_URL is set, local memory otherwise.
# Catalogues (facets, ranking) are served by an embedded tantivy index that mirrors
# the database's full-text index; "database" serves them from the database alone.
SEARCH_ENGINE = env_choice("SOLIDARITY_SEARCH_ENGINE", ("tantivy", "database"), "tantivy")
SEARCH_INDEX_DIR = Path(env_str("SOLIDARITY_SEARCH_INDEX_DIR", str(VAR_DIR / "search")))

# Production needs Redis: rate limits and login counts must be shared by every
# process of every machine (without it they are counted in a file under var/,
# shared by the processes of one machine only: see core/ratelimit.py).
REDIS_SCHEMES = ("redis", "rediss", "unix")
if PRODUCTION:
    REDIS_URL = env_url("REDIS_URL", schemes=REDIS_SCHEMES)
else:
    REDIS_URL = env_url("REDIS_URL", "", schemes=REDIS_SCHEMES)
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "solidarity",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The one job queue (Huey) for work that must not run in a request: e-mail,
# document builds, reminders, deadlines. Jobs wait in Redis when REDIS_URL is
# set, else in an SQLite file under var/. A consumer runs them: its own process
# in production (`solidarity run_huey`), started by `solidarity serve` in
# development. Tests run each job at once, in the process that queues it.
HUEY = {
    "name": "solidarity",
    "immediate": ENVIRONMENT == "test",
    "results": False,
    "consumer": {"workers": env_int("SOLIDARITY_JOB_WORKERS", 2), "worker_type": "thread"},
}
if REDIS_URL:
    HUEY |= {"huey_class": "huey.RedisHuey", "connection": {"url": REDIS_URL}}
else:
    HUEY |= {
        "huey_class": "huey.SqliteHuey",
        "connection": {"filename": str(VAR_DIR / "jobs.sqlite3")},
    }
    if ENVIRONMENT != "test":
        VAR_DIR.mkdir(parents=True, exist_ok=True)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, with failures counted per address (password spraying).
    "solidarity.accounts.throttle.AddressThrottledBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "mandate:desk"  # each role starts at its desk
LOGOUT_REDIRECT_URL = "core:home"

# Login throttling: after 5 failures for one e-mail from one address, wait 15 minutes;
# after 30 from one address, whatever the e-mails, that address waits for the end of
# its quarter-hour (accounts/throttle.py).
AXES_FAILURE_LIMIT = env_int("SOLIDARITY_LOGIN_FAILURE_LIMIT", 5, minimum=1)
LOGIN_ADDRESS_FAILURE_LIMIT = env_int("SOLIDARITY_LOGIN_ADDRESS_FAILURE_LIMIT", 30, minimum=1)
LOGIN_ADDRESS_WINDOW = 15 * 60
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_RESET_ON_SUCCESS = True
# With Redis the counts are shared by every web process; without, they live in the database.
AXES_HANDLER = (
    "axes.handlers.cache.AxesCacheHandler"
    if REDIS_URL
    else "axes.handlers.database.AxesDatabaseHandler"
)
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_LOCKOUT_CALLABLE = "solidarity.accounts.throttle.lockout_response"
AXES_VERBOSE = False

# E-mail: printed to the console in development, SMTP in production.
# The address of the platform as people reach it, for links in e-mails.
# Production names both: links to 127.0.0.1 and mail from an .invalid domain reach nobody.
if PRODUCTION:
    SITE_URL = env_url("SOLIDARITY_SITE_URL", schemes=("https",)).rstrip("/")
    DEFAULT_FROM_EMAIL = env_email("SOLIDARITY_FROM_EMAIL")
else:
    SITE_URL = env_url(
        "SOLIDARITY_SITE_URL", "http://127.0.0.1:8000", schemes=("http", "https")
    ).rstrip("/")
    DEFAULT_FROM_EMAIL = env_email(
        "SOLIDARITY_FROM_EMAIL", "Solidarity <no-reply@solidarity.invalid>"
    )
if PRODUCTION:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env_hosts("SOLIDARITY_EMAIL_HOST")[0]
    EMAIL_PORT = env_int("SOLIDARITY_EMAIL_PORT", 587, minimum=1, maximum=65535)
    EMAIL_HOST_USER = env_str("SOLIDARITY_EMAIL_USER", "")
    EMAIL_HOST_PASSWORD = env_str("SOLIDARITY_EMAIL_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("SOLIDARITY_EMAIL_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Internationalization: the six official languages of the United Nations.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("ru", _("Russian")),
    ("zh-hans", _("Chinese")),
    ("ar", _("Arabic")),
]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
FORMAT_MODULE_PATH = ["solidarity.formats"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = Path(env_str("SOLIDARITY_STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_ROOT = Path(env_str("SOLIDARITY_MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Outside production, WhiteNoise serves straight from the apps' static folders.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = DEBUG
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# The largest file any form accepts is 20 MB; a request may carry a little more.
SOLIDARITY_MAX_REQUEST_BYTES = env_int("SOLIDARITY_MAX_REQUEST_MB", 25, minimum=1) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# Security headers. Content Security Policy: no inline scripts or styles anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SOLIDARITY_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SOLIDARITY_HSTS_SECONDS", 31536000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    # The job queue's consumer says what it runs, once.
    "loggers": {"huey": {"handlers": ["console"], "level": "INFO", "propagate": False}},
    "root": {
        "handlers": ["console"],
        "level": env_choice(
            "SOLIDARITY_LOG_LEVEL", ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"), "WARNING"
        ),
    },
}

# Requests per client address to the open data (the API, exports, feeds and
# downloads share one count), counted atomically in Redis, or without Redis in
# RATE_LIMIT_PATH, shared by the processes of this machine (core/ratelimit.py).
API_RATE = env_rate("SOLIDARITY_API_RATE", "300/m")
RATE_LIMIT_PATH = VAR_DIR / "ratelimit.sqlite3"
RATE_LIMIT_KEY_PREFIX = "solidarity:limit"
# Reverse proxies in front of the platform: the client's address is read from
# X-Forwarded-For only that many hops deep, so a client cannot forge it.
PROXY_COUNT = env_int("SOLIDARITY_PROXY_COUNT", 0, minimum=0, maximum=10)
NINJA_NUM_PROXIES = PROXY_COUNT
AXES_CLIENT_IP_CALLABLE = "solidarity.core.ratelimit.forwarded_address"

# Platform facts shown in the interface.
SOLIDARITY_DEMO_ALLOWED = not PRODUCTION
