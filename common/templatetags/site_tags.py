from django import template
from wagtail.models import Page

from common import alternates
from common.alternates import page_alternates, view_alternates

register = template.Library()


@register.simple_tag(takes_context=True)
def language_alternates(context):
    page = context.get("page")
    if isinstance(page, Page) and page.pk:
        return page_alternates(page)
    return view_alternates(context["request"])


def _absolute(request, url):
    if request is None or url.startswith("http"):
        return url
    return request.build_absolute_uri(url)


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
