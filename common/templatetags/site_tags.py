from django import template
from django.conf import settings
from django.utils.http import urlencode
from wagtail.models import Page

from common import alternates
from common.alternates import home_page, page_alternates, view_alternates
from common.shared_fragments import shared

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


@register.simple_tag(takes_context=True)
def page_url_with(context, number):
    """The current URL with ?page=<number>, keeping other parameters."""
    params = context["request"].GET.copy()
    params["page"] = number
    return "?" + urlencode(sorted(params.lists()), doseq=True)


def _navigation(context):
    """The active language's home URL and menu sections (see common.shared_fragments)."""
    request = context.get("request")
    language = context.get("LANGUAGE_CODE", settings.LANGUAGE_CODE)
    return shared(request, f"navigation:{language}", lambda: _lookup_navigation(language, request))


def _lookup_navigation(language, request):
    home = home_page(language)
    if home is None:
        return {"home_url": "/", "sections": []}
    sections = [
        {"pk": page.pk, "path": page.path, "title": page.title, "url": page.get_url(request)}
        for page in home.get_children().live().in_menu()
    ]
    return {"home_url": home.get_url(request), "sections": sections}


@register.simple_tag(takes_context=True)
def language_home(context):
    return _navigation(context)["home_url"]


@register.simple_tag(takes_context=True)
def main_sections(context):
    """The index pages directly under the home page of the active language: pk, path, title, url."""
    return _navigation(context)["sections"]
