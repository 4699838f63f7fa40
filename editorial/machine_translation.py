"""Machine translation for wagtail-localize: off unless the environment names a backend.

The settings do not import this module: when ``MACHINE_TRANSLATION_BACKEND`` is set they name
``from_environment`` by its dotted path as the translator's CLASS, with the environment's values
as its OPTIONS; wagtail-localize calls it when it needs a translator, and ``check_configuration``
(run when the app is ready) refuses an incomplete configuration at start-up. Without
``MACHINE_TRANSLATION_BACKEND`` the setting stays unset and wagtail-localize offers no machine
translation, so the site never calls an external service.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

BACKENDS = {
    "deepl": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
    "libretranslate": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
    # Reverses the words; for trying the admin without any service. Never for production.
    "dummy": "wagtail_localize.machine_translators.dummy.DummyTranslator",
}


def machine_translator_from_env(environ):
    """The WAGTAILLOCALIZE_MACHINE_TRANSLATOR setting for ``environ``, or None when off."""
    backend = environ.get("MACHINE_TRANSLATION_BACKEND", "").strip().lower()
    if not backend:
        return None
    if backend not in BACKENDS:
        raise ImproperlyConfigured(
            f"MACHINE_TRANSLATION_BACKEND={backend!r} is unknown; use one of {', '.join(sorted(BACKENDS))}."
        )
    api_key = environ.get("MACHINE_TRANSLATION_API_KEY", "").strip()
    options = {}
    if backend == "deepl":
        if not api_key:
            raise ImproperlyConfigured("MACHINE_TRANSLATION_BACKEND=deepl needs MACHINE_TRANSLATION_API_KEY.")
        options = {"AUTH_KEY": api_key}
    elif backend == "libretranslate":
        url = environ.get("MACHINE_TRANSLATION_URL", "").strip().rstrip("/")
        if not url:
            raise ImproperlyConfigured("MACHINE_TRANSLATION_BACKEND=libretranslate needs MACHINE_TRANSLATION_URL.")
        options = {"LIBRETRANSLATE_URL": url, "API_KEY": api_key}
    return {"CLASS": BACKENDS[backend], "OPTIONS": options}


def from_environment(options):
    """The configured wagtail-localize translator, built from the environment's values."""
    config = machine_translator_from_env(options)
    return import_string(config["CLASS"])(config["OPTIONS"])


def check_configuration():
    """Raise ImproperlyConfigured at start-up when the settings name an incomplete backend."""
    config = getattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR", None) or {}
    if config.get("CLASS") == f"{__name__}.from_environment":
        machine_translator_from_env(config.get("OPTIONS", {}))
