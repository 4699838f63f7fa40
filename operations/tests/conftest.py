"""Production settings, loaded from the real module, applied to the test client's site.

``production_settings`` imports ``zorgzamebuurten.settings.production`` with an environment like
an operator's and overrides the settings that decide headers, cookies and middleware, so the
test client talks to the production middleware stack. Static file storage stays as in tests
(WhiteNoise's manifest needs ``collectstatic``; the load script exercises that part).
"""

import importlib
import sys

import pytest

PRODUCTION_MODULE = "zorgzamebuurten.settings.production"
APPLIED = (
    "MIDDLEWARE",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SECURE_REDIRECT_EXEMPT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "SECURE_REFERRER_POLICY",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SAMESITE",
    "LANGUAGE_COOKIE_SECURE",
    "LANGUAGE_COOKIE_HTTPONLY",
    "CONTENT_SECURITY_POLICY",
    "PERMISSIONS_POLICY",
    "X_FRAME_OPTIONS",
    "AUTHENTICATION_BACKENDS",
    "AUTH_PASSWORD_VALIDATORS",
    "PAGE_CACHE_SECONDS",
    "SHARED_DATA_SECONDS",
    "CDN_MAX_AGE",
)


def load_production(monkeypatch, **env):
    monkeypatch.setenv("DJANGO_SECRET_KEY", "x" * 60)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    sys.modules.pop(PRODUCTION_MODULE, None)
    sys.modules.pop("zorgzamebuurten.settings.base", None)
    try:
        return importlib.import_module(PRODUCTION_MODULE)
    finally:
        sys.modules.pop(PRODUCTION_MODULE, None)
        sys.modules.pop("zorgzamebuurten.settings.base", None)


@pytest.fixture
def production_settings(settings, monkeypatch, tmp_path):
    module = load_production(monkeypatch)
    for name in APPLIED:
        setattr(settings, name, getattr(module, name))
    settings.STATIC_ROOT = tmp_path  # WhiteNoise reads it when the middleware starts
    return settings


@pytest.fixture
def https_client(client):
    """A client whose requests arrive through a TLS-terminating proxy, as in production."""
    client.defaults["HTTP_X_FORWARDED_PROTO"] = "https"
    return client


@pytest.fixture
def client_factory():
    """New anonymous visitors, each with their own cookies."""
    from django.test import Client

    return Client
