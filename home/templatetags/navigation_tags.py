"""The site's menu: the language's home page and the sections under it, with the active one."""

from django import template
from django.conf import settings
from wagtail.models import Page

from common.alternates import home_page
from operations.caching import shared

register = template.Library()


def _navigation(context):
    """The active language's home URL and menu sections, kept per content generation."""
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


def active_state(page, section):
    """``aria-current`` of a menu section for ``page``: "page" on the section itself, "true" on a
    page below it, None elsewhere (tree paths: a page below a section starts with its path)."""
    if not isinstance(page, Page) or not page.path.startswith(section["path"]):
        return None
    return "page" if page.pk == section["pk"] else "true"


@register.simple_tag(takes_context=True)
def language_home(context):
    return _navigation(context)["home_url"]


@register.simple_tag(takes_context=True)
def main_sections(context):
    """The index pages directly under the home page of the active language: pk, title, url and
    ``current`` (the aria-current value for the page being shown, or None)."""
    page = context.get("page")
    return [{**section, "current": active_state(page, section)} for section in _navigation(context)["sections"]]
