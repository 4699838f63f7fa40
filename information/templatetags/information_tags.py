from django import template

from information.links import footer_pages as _footer_pages

register = template.Library()


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """The information pages of the active language, looked up once per request."""
    request = context.get("request")
    cached = getattr(request, "_footer_pages", None)
    if cached is None:
        cached = _footer_pages(context.get("LANGUAGE_CODE"))
        if request is not None:
            request._footer_pages = cached
    return cached
