"""Machine translation for wagtail-localize: off unless the environment names a backend.

Read by the settings, so nothing here may import Django models. Without
``MACHINE_TRANSLATION_BACKEND`` the setting stays unset and wagtail-localize offers no machine
translation, so the site never calls an external service.
"""

from django.core.exceptions import ImproperlyConfigured

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
