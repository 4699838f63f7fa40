from django import template
from wagtail.models import Page

from common import alternates
from common.alternates import page_alternates, view_alternates, with_filters
from common.urls import absolute_url

register = template.Library()


@register.simple_tag(takes_context=True)
def language_alternates(context, keep_filters=False):
    """(code, name, url, exists) per language. ``keep_filters`` (the language switcher) keeps a
    listing's active filters; the hreflang links in the head stay canonical."""
    page = context.get("page")
    request = context["request"]
    alternates = page_alternates(page) if isinstance(page, Page) and page.pk else view_alternates(request)
    if keep_filters and context.get("results") is not None:
        alternates = with_filters(alternates, request)
    return alternates


def _absolute(request, url):
    return absolute_url(url, request)


@register.simple_tag(takes_context=True)
def absolute(context, url):
    return _absolute(context.get("request"), url)


@register.simple_tag(takes_context=True)
def hreflang_links(context, language_versions):
    """[(hreflang, absolute URL)] for the page head from ``language_alternates``' answer, by the
    same rule as the sitemap (common.alternates.hreflang_links)."""
    request = context.get("request")
    urls = {code: _absolute(request, url) for code, _name, url, exists in language_versions if exists}
    return alternates.hreflang_links(urls)
