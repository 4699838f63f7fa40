from django import template

from information.links import footer_pages as _footer_pages
from operations.caching import shared

register = template.Library()


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """The information pages of the active language: pk, title, url (kept per content
    generation, operations.caching.shared)."""
    request = context.get("request")
    language = context.get("LANGUAGE_CODE")

    def lookup():
        return [{"pk": page.pk, "title": page.title, "url": page.get_url(request)} for page in _footer_pages(language)]

    return shared(request, f"footer:{language}", lookup)
