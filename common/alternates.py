"""The same page in every language: for the language switcher and hreflang links."""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page


def _home_url(language_code):
    home = Page.objects.filter(depth=2, locale__language_code=language_code).live().first()
    return home.url if home else f"/{language_code}/"


def page_alternates(page):
    """[(language code, language name, url, exists)] with a fallback to that language's home."""
    live = {p.locale.language_code: p for p in page.get_translations(inclusive=True).live().select_related("locale")}
    result = []
    for code, name in settings.LANGUAGES:
        if code in live:
            result.append((code, name, live[code].url, True))
        else:
            result.append((code, name, _home_url(code), False))
    return result


def view_alternates(request):
    """For views that are not Wagtail pages (search, API docs): the URL under each language prefix."""
    path = request.get_full_path()
    result = []
    for code, name in settings.LANGUAGES:
        with translation.override(translation.get_language()):
            url = translate_url(path, code)
        result.append((code, name, url, True))
    return result


def locale_for_request():
    return Locale.get_active()
