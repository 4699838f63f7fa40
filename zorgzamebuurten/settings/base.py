"""Settings shared by every environment.

Everything an operator may change is read from the environment (see README, "Configuration").
Defaults are safe for a developer's machine: SQLite, database search, no external services.
"""

import os
from pathlib import Path

import dj_database_url

from editorial.machine_translation import machine_translator_from_env

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Our apps: the shared vocabulary first, then one app per content area.
    "taxonomy",
    "common",
    "home",
    "projects",
    "methods",
    "events",
    "search",
    "editorial",
    "submissions",
    "demo",
    # Translation of content
    "wagtail_localize",
    "wagtail_localize.locales",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
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
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "zorgzamebuurten.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "zorgzamebuurten.wsgi.application"

# Database: SQLite in the project folder unless DATABASE_URL names another one
# (postgres://user:password@host:5432/name in production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Dutch is the default and the source language of all content; French is made
# from it with wagtail-localize. Both live under a URL prefix (/nl/, /fr/).
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("fr", "Français")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "static_collected"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Zorgzame Buurten"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Search: the database backend unless ELASTICSEARCH_URL is set (then the database is the fallback).
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "zorgzamebuurten")
ELASTICSEARCH_OPTIONS = {"request_timeout": float(os.environ.get("ELASTICSEARCH_TIMEOUT", "5"))}
# Per-language analyzers: folded case and accents, the language's stop words and stemmer.
ELASTICSEARCH_ANALYZERS = {
    "filters": {
        "zb_dutch_stop": {"type": "stop", "stopwords": "_dutch_"},
        "zb_dutch_stemmer": {"type": "stemmer", "language": "dutch"},
        "zb_french_elision": {
            "type": "elision",
            "articles_case": True,
            "articles": ["l", "d", "j", "qu", "n", "s", "c", "m", "t"],
        },
        "zb_french_stop": {"type": "stop", "stopwords": "_french_"},
        "zb_french_stemmer": {"type": "stemmer", "language": "light_french"},
    },
    "nl": {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["lowercase", "asciifolding", "zb_dutch_stop", "zb_dutch_stemmer"],
    },
    "fr": {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["zb_french_elision", "lowercase", "asciifolding", "zb_french_stop", "zb_french_stemmer"],
    },
}

# Editorial workflow (editorial/, submissions/; README "Editors and translators").
# Machine translation in wagtail-localize stays off unless MACHINE_TRANSLATION_BACKEND names one.
if _machine_translator := machine_translator_from_env(os.environ):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = _machine_translator
# "Meld je project aan": sends (valid or not) per visitor address per hour, and how many reverse proxies in
# front of the site append the visitor's address to X-Forwarded-For (0: use REMOTE_ADDR).
SUBMISSIONS_RATE_LIMIT = int(os.environ.get("SUBMISSIONS_RATE_LIMIT", "10"))
SUBMISSIONS_RATE_PERIOD = 3600
SUBMISSIONS_TRUSTED_PROXIES = int(os.environ.get("DJANGO_TRUSTED_PROXIES", "0"))
# Avatars in the admin without asking an outside service (Gravatar) about editors' e-mail addresses.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Events (events/conf.py): registrations are deleted this many days after the event ends
# (run `manage.py purge_registrations` daily); the privacy notice linked from the sign-up form
# (empty: the site's own notice; "{language}" is replaced by nl/fr).
EVENTS_REGISTRATION_RETENTION_DAYS = int(os.environ.get("EVENTS_REGISTRATION_RETENTION_DAYS", "30"))
EVENTS_PRIVACY_NOTICE_URL = os.environ.get("EVENTS_PRIVACY_NOTICE_URL", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "wagtail.contrib.redirects": {"level": "WARNING"},
    },
}
