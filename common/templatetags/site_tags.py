from django import template
from django.conf import settings
from django.utils.http import urlencode
from wagtail.models import Page

from common.alternates import home_page, page_alternates, view_alternates
from taxonomy.localization import localized_name

register = template.Library()


@register.simple_tag(takes_context=True)
def language_alternates(context):
    page = context.get("page")
    if isinstance(page, Page) and page.pk:
        return page_alternates(page)
    return view_alternates(context["request"])


@register.simple_tag(takes_context=True)
def absolute(context, url):
    request = context.get("request")
    if request is None or url.startswith("http"):
        return url
    return request.build_absolute_uri(url)


@register.simple_tag(takes_context=True)
def term_name(context, term):
    return localized_name(term, request=context.get("request"))


@register.simple_tag(takes_context=True)
def page_url_with(context, number):
    """The current URL with ?page=<number>, keeping other parameters."""
    params = context["request"].GET.copy()
    params["page"] = number
    return "?" + urlencode(sorted(params.lists()), doseq=True)


def _request_home(context):
    """The active language's home page, looked up once per request (header, menu, 404 link)."""
    request = context.get("request")
    language = context.get("LANGUAGE_CODE", settings.LANGUAGE_CODE)
    cache = getattr(request, "_home_pages", None) if request is not None else None
    if cache is None:
        cache = {}
        if request is not None:
            request._home_pages = cache
    if language not in cache:
        cache[language] = home_page(language)
    return cache[language]


@register.simple_tag(takes_context=True)
def language_home(context):
    home = _request_home(context)
    return home.url if home else "/"


@register.simple_tag(takes_context=True)
def main_sections(context):
    """The index pages directly under the home page of the active language."""
    request = context.get("request")
    cached = getattr(request, "_main_sections", None)
    if cached is not None:
        return cached
    home = _request_home(context)
    sections = list(home.get_children().live().in_menu()) if home else []
    if request is not None:
        request._main_sections = sections
    return sections
