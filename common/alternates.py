"""The same page in every language: for the language switcher and hreflang links."""

from django.conf import settings
from django.urls import translate_url
from wagtail.models import Page

from .params import query_params


def home_page(language_code):
    """The live home page of a language tree, or None."""
    return Page.objects.filter(depth=2, locale__language_code=language_code).live().first()


def _home_url(language_code):
    home = home_page(language_code)
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


def hreflang_links(urls):
    """The one hreflang rule, for the page head and the sitemap: ``urls`` maps each language a
    page exists in to its URL; a page in more than one language lists every version, and the
    default language's as ``x-default``. A page in one language has no alternates."""
    if len(urls) < 2:
        return []
    links = [(code, urls[code]) for code, _name in settings.LANGUAGES if code in urls]
    if settings.LANGUAGE_CODE in urls:
        links.append(("x-default", urls[settings.LANGUAGE_CODE]))
    return links


def view_alternates(request):
    """For views that are not Wagtail pages (search, API docs): the URL under each language
    prefix, without the query string (the canonical address, as hreflang wants it)."""
    result = []
    for code, name in settings.LANGUAGES:
        result.append((code, name, translate_url(request.path, code), True))
    return result


def with_filters(alternates, request):
    """The alternates carrying the request's filters, for the language switcher of a listing:
    facet slugs are the same in both languages, so the other language shows the same selection
    (from its first page)."""
    query, _messages = query_params(request)
    query = query.copy()
    query.pop("page", None)
    if not query:
        return alternates
    suffix = "?" + query.urlencode()
    return [(code, name, url + suffix if exists else url, exists) for code, name, url, exists in alternates]
