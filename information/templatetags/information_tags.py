from django import template

from common.shared_fragments import shared
from information.links import footer_pages as _footer_pages

register = template.Library()


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """The information pages of the active language (pk, title, url), looked up once per request
    (and once per content generation when the page cache is on: see common.shared_fragments)."""
    request = context.get("request")
    cached = getattr(request, "_footer_pages", None)
    if cached is None:
        language = context.get("LANGUAGE_CODE")
        cached = shared(
            request,
            f"footer:{language}",
            lambda: [
                {"pk": page.pk, "title": page.title, "url": page.get_url(request)} for page in _footer_pages(language)
            ],
        )
        if request is not None:
            request._footer_pages = cached
    return cached
