"""Django settings. Every value that differs between machines comes from the environment."""

import os
from pathlib import Path

import dj_database_url

from mattran.config.env import env_bool, env_list, env_str

BASE_DIR = Path(__file__).resolve().parents[2]
VAR_DIR = Path(env_str("MATTRAN_VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-change-me-in-production")
DEBUG = env_bool("DEBUG", True)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "mattran.core",
    "mattran.audit",
    "mattran.units",
    "mattran.accounts",
    "mattran.programmes",
    "mattran.reporting",
    "mattran.analytics",
    "mattran.plans",
    "mattran.imports",
    "mattran.documents",
    "mattran.emulation",
    "mattran.reminders",
    "mattran.households",
    "mattran.funds",
    "mattran.voice",
    "mattran.people",
    "mattran.boards",
    "mattran.api",
    "ninja",
    "mattran.activities",
    "mattran.dashboard",
    "mattran.archive",
    "mattran.demo",
    "django_htmx",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "mattran.config.urls"
WSGI_APPLICATION = "mattran.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "mattran" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "mattran.accounts.context.current_unit",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'mattran.sqlite3'}"),
        # Under pytest, connections close after each request so that the browser tests'
        # live-server thread does not hold the test database open at teardown.
        conn_max_age=0 if "PYTEST_VERSION" in os.environ else 60,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A file, not memory, so that the browser tests' live server thread sees the same data.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
    # Several app server processes write at once: a transaction takes the write lock when it
    # begins (a deferred one that reads, then writes, fails with "database is locked" instead
    # of waiting), and readers go on beside the writer (WAL).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL;",
    }

AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
# Idle sessions end after 30 minutes; each request extends the session.
SESSION_COOKIE_AGE = int(env_str("SESSION_COOKIE_AGE", str(30 * 60)))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
# Repeated failed sign-ins lock the account for a while.
LOGIN_MAX_FAILURES = 5
LOGIN_LOCK_MINUTES = 15

LANGUAGE_CODE = "vi"
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
IMPORTS_RUN_INLINE = env_bool("MATTRAN_IMPORTS_INLINE", "PYTEST_VERSION" in os.environ)

# Reminders are e-mailed through Django's mail settings; the demo prints them to the console.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Mặt trận <no-reply@mattran.local>")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

# The REST API: requests a minute per token, and the largest bulk upload accepted.
API_RATE_LIMIT = int(env_str("API_RATE_LIMIT", "120"))
API_BULK_MAX_BYTES = int(env_str("API_BULK_MAX_MB", "200")) * 1024 * 1024
