"""Settings shared by every environment.

Everything an operator may change is read from the environment (see README, "Configuration").
Defaults are safe for a developer's machine: SQLite, database search, no external services.
"""

import os
from pathlib import Path

import dj_database_url
from csp import constants as csp_constants

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
    "information",
    "seo",
    "search",
    "editorial",
    "submissions",
    "operations",
    "two_factor",
    "demo",
    # Translation of content
    "wagtail_localize",
    "wagtail_localize.locales",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.frontend_cache",
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
    # Wagtail's admin formats moments with humanize's naturaltime ("een minuut geleden"); its
    # catalogues load only when the app is installed.
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    # Security: Content-Security-Policy, login lock-out, second factor for the admin.
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

# Order matters (operations/ explains each piece): the request context and security headers wrap
# everything; the page cache sits outside sessions, CSRF and CSP so it sees every Vary and cookie
# they add and stores a response complete with its headers; the second login step follows the
# user (two_factor/); axes goes last (django-axes' rule).
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "operations.logging.RequestContextMiddleware",
    "operations.page_cache.PageCacheMiddleware",
    "operations.site_lookup.SiteLookupMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "operations.csp.SiteCSPMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # A path with control characters is the translated 404 before any view looks it up.
    "common.middleware.CleanPathMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "two_factor.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
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
# PostgreSQL never makes a request wait without end: a connection attempt gives up after
# DATABASE_CONNECT_TIMEOUT seconds, a statement after DATABASE_STATEMENT_TIMEOUT milliseconds
# (0: no limit; commands such as migrate or rebuild_search_index may need a higher one).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        connect_timeout=int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "3")),
        options=f"-c statement_timeout={int(os.environ.get('DATABASE_STATEMENT_TIMEOUT', '5000'))}",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (shared by every worker: page cache, rate limits, search
# vocabulary), otherwise memory local to each process (fine for one process and for tests).
# Redis is an optimisation, never a dependency (operations/resilient_cache.py): short socket
# timeouts, every error a miss, and after REDIS_BREAKER_FAILURES failures in a row Redis is
# skipped for REDIS_BREAKER_COOLDOWN seconds; meanwhile each process keeps values in its own
# memory for at most REDIS_FALLBACK_SECONDS (REDIS_FALLBACK_MAX_ENTRIES entries).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "operations.resilient_cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("DJANGO_CACHE_PREFIX", "zb"),
            "TIMEOUT": 3600,
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": float(os.environ.get("REDIS_CONNECT_TIMEOUT", "0.25")),
                "SOCKET_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "0.25")),
                "BREAKER_FAILURES": int(os.environ.get("REDIS_BREAKER_FAILURES", "3")),
                "BREAKER_COOLDOWN": float(os.environ.get("REDIS_BREAKER_COOLDOWN", "5")),
                "FALLBACK_SECONDS": float(os.environ.get("REDIS_FALLBACK_SECONDS", "60")),
                "FALLBACK_MAX_ENTRIES": int(os.environ.get("REDIS_FALLBACK_MAX_ENTRIES", "500")),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "TIMEOUT": 3600}}

# Whole anonymous pages are kept in the cache this many seconds (0: off) and thrown away when
# content changes (operations/page_cache.py, operations/caching.py). CDN_MAX_AGE is what a CDN in front may keep a page
# (s-maxage); browsers always revalidate (max-age=0) because nobody can purge a browser.
PAGE_CACHE_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "300"))
CDN_MAX_AGE = int(os.environ.get("DJANGO_CDN_MAX_AGE", "60"))
# Data every page shows (site, menu, footer) is kept this many seconds under the same generation,
# for every page rendered, cached or not: editors' views and pages with forms included
# (operations/caching.py). 0: looked up on every request.
SHARED_DATA_SECONDS = int(os.environ.get("DJANGO_SHARED_DATA_SECONDS", "600"))

# Wagtail's front-end cache invalidation (a CDN or a caching proxy in front), off unless configured:
# WAGTAIL_FRONTEND_CACHE=cloudflare (CLOUDFLARE_BEARER_TOKEN, CLOUDFLARE_ZONEID),
# cloudfront (CLOUDFRONT_DISTRIBUTION_ID) or http (FRONTEND_CACHE_LOCATION, a Varnish/nginx purge URL).
WAGTAILFRONTENDCACHE = {}
_frontend_cache = os.environ.get("WAGTAIL_FRONTEND_CACHE", "")
if _frontend_cache == "cloudflare":
    WAGTAILFRONTENDCACHE["default"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
        "ZONEID": os.environ.get("CLOUDFLARE_ZONEID", ""),
    }
elif _frontend_cache == "cloudfront":
    WAGTAILFRONTENDCACHE["default"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ.get("CLOUDFRONT_DISTRIBUTION_ID", ""),
    }
elif _frontend_cache == "http":
    WAGTAILFRONTENDCACHE["default"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ.get("FRONTEND_CACHE_LOCATION", ""),
    }

# Logins: django-axes first so a locked-out visitor never reaches the password check (no hashing,
# so refused attempts cost the server almost nothing). After AXES_FAILURE_LIMIT failed logins for
# one user name from one address, that pair is refused (429) for AXES_COOLOFF_MINUTES; after
# AXES_ADDRESS_FAILURE_LIMIT failures from one address over any user names (password spraying),
# the whole address is (operations/login_guard.py). Nothing personal in the logs (AXES_VERBOSE
# off); only failed attempts are stored, and the visitor's address is REMOTE_ADDR unless the
# connection comes from one of DJANGO_TRUSTED_PROXIES (operations/client_address.py).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = int(os.environ.get("AXES_COOLOFF_MINUTES", "15")) / 60  # hours
AXES_ADDRESS_FAILURE_LIMIT = int(os.environ.get("AXES_ADDRESS_FAILURE_LIMIT", "20"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "operations.login_guard.AddressLimitHandler"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_DISABLE_ACCESS_LOG = True
AXES_CLIENT_IP_CALLABLE = "operations.client_address.client_address"
AXES_LOCKOUT_TEMPLATE = "operations/lockout.html"  # in the editor's language (axes has no Dutch)
# Second step in the admin (two_factor/): an authenticator app (TOTP) plus backup codes; required
# for superusers and Eindredactie, optional for other editors. The app shows this issuer name.
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Zorgzame Buurten")

# Content-Security-Policy (django-csp 4). Public pages run no inline script at all (only files
# from /static/; JSON-LD data blocks are not executed), so the policy needs no 'unsafe-inline'
# and whole pages can be cached: a nonce is only added when a template asks for one, and the
# page cache refuses to store such a page. The Wagtail admin needs inline scripts and styles,
# so operations.csp.SiteCSPMiddleware relaxes the policy for the admin path only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", csp_constants.NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Extra sources for images/media on another host (a CDN or S3 bucket), comma-separated.
CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"] += env_list("DJANGO_CSP_IMG_SRC")
# A browser-features policy: nothing the site uses is allowed to ask for them.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# The Wagtail admin's path, e.g. a less guessable one in production (with the trailing slash).
WAGTAIL_ADMIN_PATH = os.environ.get("DJANGO_ADMIN_PATH", "admin/").strip("/") + "/"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # "aaaaaaaaaaaa" passes all four above.
    {"NAME": "operations.passwords.CharacterVarietyValidator", "OPTIONS": {"min_distinct": 6}},
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
# The public site's address for absolute URLs written outside a request (e-mails from commands
# and workers); inside a request the request's own scheme and host are used (common/urls.py).
SITE_BASE_URL = os.environ.get("SITE_BASE_URL", "")  # empty: WAGTAILADMIN_BASE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Refused at upload from the file header, before decoding (a 40-megapixel photo decodes to
# 120 MB): common/image_forms.py.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(os.environ.get("WAGTAILIMAGES_MAX_IMAGE_PIXELS", "40000000"))
WAGTAILIMAGES_IMAGE_FORM_BASE = "common.image_forms.ImageForm"  # the limit read from the header
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Search: the database backend unless ELASTICSEARCH_URL is set (then the database is the fallback).
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "zorgzamebuurten")
# Each call to the cluster waits at most ELASTICSEARCH_TIMEOUT seconds, all calls of one request
# together at most ELASTICSEARCH_REQUEST_BUDGET; after a failure one search at a time tries it,
# waiting at most ELASTICSEARCH_TRIAL_TIMEOUT; after ELASTICSEARCH_BREAKER_FAILURES failures in
# a row the database answers for ELASTICSEARCH_BREAKER_COOLDOWN seconds (search/backends/breaker.py).
ELASTICSEARCH_OPTIONS = {
    "request_timeout": float(os.environ.get("ELASTICSEARCH_TIMEOUT", "2")),
    "max_retries": int(os.environ.get("ELASTICSEARCH_MAX_RETRIES", "0")),
}
ELASTICSEARCH_REQUEST_BUDGET = float(os.environ.get("ELASTICSEARCH_REQUEST_BUDGET", "2"))
ELASTICSEARCH_TRIAL_TIMEOUT = float(os.environ.get("ELASTICSEARCH_TRIAL_TIMEOUT", "0.5"))
ELASTICSEARCH_BREAKER_FAILURES = int(os.environ.get("ELASTICSEARCH_BREAKER_FAILURES", "3"))
ELASTICSEARCH_BREAKER_COOLDOWN = float(os.environ.get("ELASTICSEARCH_BREAKER_COOLDOWN", "30"))
# /healthz waits at most this long for all its checks together (each runs in its own thread).
HEALTH_CHECK_TIMEOUT = float(os.environ.get("HEALTH_CHECK_TIMEOUT", "0.8"))
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
# Named by dotted path (settings import no app code); editorial/machine_translation.py builds and checks it.
if os.environ.get("MACHINE_TRANSLATION_BACKEND", "").strip():
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "editorial.machine_translation.from_environment",
        "OPTIONS": {
            name: os.environ.get(name, "")
            for name in ("MACHINE_TRANSLATION_BACKEND", "MACHINE_TRANSLATION_API_KEY", "MACHINE_TRANSLATION_URL")
        },
    }
# "Meld je project aan": sends (valid or not) per visitor address per hour.
SUBMISSIONS_RATE_LIMIT = int(os.environ.get("SUBMISSIONS_RATE_LIMIT", "10"))
SUBMISSIONS_RATE_PERIOD = 3600
# The reverse proxies in front of the site (addresses or networks, comma-separated): only a
# connection from one of them may name the visitor in X-Forwarded-For. Empty: trust no header.
# Checked when the site starts (operations/client_address.py): a count such as "1" is refused.
TRUSTED_PROXIES = [item.strip() for item in os.environ.get("DJANGO_TRUSTED_PROXIES", "").split(",") if item.strip()]
# Avatars in the admin without asking an outside service (Gravatar) about editors' e-mail addresses.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Events (events/conf.py): registrations are deleted this many days after the event ends
# (run `manage.py purge_registrations` daily); the privacy notice linked from the sign-up form
# (empty: the editors' privacy page, else the built-in notice; "{language}" is replaced by nl/fr).
EVENTS_REGISTRATION_RETENTION_DAYS = int(os.environ.get("EVENTS_REGISTRATION_RETENTION_DAYS", "30"))
EVENTS_PRIVACY_NOTICE_URL = os.environ.get("EVENTS_PRIVACY_NOTICE_URL", "")
# Double opt-in: a sign-up holds no place until its link is used within EVENTS_CONFIRMATION_HOURS
# (unconfirmed requests are purged by `purge_registrations`); sends of the form per address per period.
EVENTS_CONFIRMATION_HOURS = int(os.environ.get("EVENTS_CONFIRMATION_HOURS", "48"))
EVENTS_REGISTRATION_RATE_LIMIT = int(os.environ.get("EVENTS_REGISTRATION_RATE_LIMIT", "10"))
EVENTS_REGISTRATION_RATE_PERIOD = int(os.environ.get("EVENTS_REGISTRATION_RATE_PERIOD", "3600"))
# Without an operator's URL, the form links the editors' privacy page (information app) when published.
EVENTS_PRIVACY_NOTICE_LOOKUP = "information.links.privacy_notice_url"

# Logs: plain lines for developers; production.py switches the handler to one JSON object per
# line. Every record carries the request's id, method, path and the user's id (never an e-mail,
# an address or form data): operations/logging.py.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_context": {"()": "operations.logging.RequestContextFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "operations.logging.JsonFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["request_context"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "wagtail.contrib.redirects": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}
