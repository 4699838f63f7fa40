"""Machine translation is off unless configured, and configuring it wrongly fails loudly."""

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import TranslationSource

from editorial.machine_translation import machine_translator_from_env


def test_off_by_default():
    assert machine_translator_from_env({}) is None
    assert not hasattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR")
    assert get_machine_translator() is None


def test_deepl_and_libretranslate_from_the_environment():
    assert machine_translator_from_env(
        {"MACHINE_TRANSLATION_BACKEND": "DeepL", "MACHINE_TRANSLATION_API_KEY": "k:fx"}
    ) == {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": "k:fx"},
    }
    config = machine_translator_from_env(
        {"MACHINE_TRANSLATION_BACKEND": "libretranslate", "MACHINE_TRANSLATION_URL": "https://lt.example.org/"}
    )
    assert config["OPTIONS"] == {"LIBRETRANSLATE_URL": "https://lt.example.org", "API_KEY": ""}


@pytest.mark.parametrize(
    "environ",
    [
        {"MACHINE_TRANSLATION_BACKEND": "babelfish"},
        {"MACHINE_TRANSLATION_BACKEND": "deepl"},
        {"MACHINE_TRANSLATION_BACKEND": "libretranslate", "MACHINE_TRANSLATION_API_KEY": "k"},
    ],
)
def test_incomplete_configuration_is_refused(environ):
    with pytest.raises(ImproperlyConfigured):
        machine_translator_from_env(environ)


@pytest.mark.django_db
def test_the_configured_backend_reaches_the_sync_form(client, settings, eindredactie):
    """With a backend set, wagtail-localize offers machine translation when syncing (no call is made)."""
    source = TranslationSource.objects.filter(locale__language_code="nl").first()
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    client.force_login(eindredactie)
    assert b"use_machine_translation" not in client.get(url).content

    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_from_env({"MACHINE_TRANSLATION_BACKEND": "dummy"})
    response = client.get(url)
    assert response.status_code == 200
    assert b"use_machine_translation" in response.content


def test_the_settings_dotted_path_builds_the_configured_translator():
    """The settings name ``from_environment`` by path (they import no app code); it builds the backend."""
    from wagtail_localize.machine_translators.dummy import DummyTranslator

    from editorial.machine_translation import from_environment

    assert isinstance(from_environment({"MACHINE_TRANSLATION_BACKEND": "dummy"}), DummyTranslator)
    with pytest.raises(ImproperlyConfigured):
        from_environment({"MACHINE_TRANSLATION_BACKEND": "deepl"})
