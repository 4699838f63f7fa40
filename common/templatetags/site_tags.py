from django import template
from django.conf import settings
from django.utils.http import urlencode
from wagtail.models import Page

from common.alternates import page_alternates, view_alternates
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
def term_names(context, terms):
    request = context.get("request")
    return [localized_name(term, request=request) for term in terms]


@register.simple_tag(takes_context=True)
def localized_page(context, page):
    """A linked page (e.g. a method) in the visitor's language when it has been translated."""
    return page.localized


@register.simple_tag(takes_context=True)
def page_url_with(context, number):
    """The current URL with ?page=<number>, keeping other parameters."""
    params = context["request"].GET.copy()
    params["page"] = number
    return "?" + urlencode(sorted(params.lists()), doseq=True)


@register.simple_tag
def site_languages():
    return settings.LANGUAGES


@register.simple_tag(takes_context=True)
def language_home(context):
    home = (
        Page.objects.filter(depth=2, locale__language_code=context.get("LANGUAGE_CODE", settings.LANGUAGE_CODE))
        .live()
        .first()
    )
    return home.url if home else "/"


@register.simple_tag(takes_context=True)
def main_sections(context):
    """The index pages directly under the home page of the active language."""
    request = context.get("request")
    cached = getattr(request, "_main_sections", None)
    if cached is not None:
        return cached
    language = context.get("LANGUAGE_CODE", settings.LANGUAGE_CODE)
    home = Page.objects.filter(depth=2, locale__language_code=language).live().first()
    sections = list(home.get_children().live().in_menu()) if home else []
    if request is not None:
        request._main_sections = sections
    return sections
