"""Sharing and structured data in the page head: Open Graph, Twitter cards, organisation JSON-LD."""

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page

from common.images import SHARE_SPECS
from common.jsonld import script_tag
from common.urls import absolute_url

register = template.Library()

# The rendition shared on social media (1.91:1, JPEG for every platform), made on image save.
SHARE_RENDITION = SHARE_SPECS[0]
OG_LOCALES = {"nl": "nl_BE", "fr": "fr_BE"}


def _absolute(request, url):
    return absolute_url(url, request)


def _description(page):
    text = getattr(page, "search_description", "") or getattr(page, "intro", "") or ""
    return Truncator(strip_tags(str(text)).strip()).chars(200)


@register.inclusion_tag("seo/social_meta.html", takes_context=True)
def social_meta(context):
    request = context.get("request")
    page = context.get("page")
    language = translation.get_language() or settings.LANGUAGE_CODE
    data = {
        "site_name": _("Zorgzame Buurten"),
        "locale": OG_LOCALES.get(language, language),
        "other_locales": [OG_LOCALES.get(code, code) for code, _name in settings.LANGUAGES if code != language],
        "url": absolute_url(request.path, request) if request is not None else "",
        "type": "website",
        "title": _("Zorgzame Buurten"),
        "description": "",
        "image": None,
    }
    if isinstance(page, Page):
        data["title"] = page.seo_title or page.title
        data["description"] = _description(page)
        data["type"] = "website" if page.depth <= 3 else "article"
        image = getattr(page, "image", None)
        if image is not None:
            try:
                rendition = image.get_rendition(SHARE_RENDITION)
            except SourceImageIOError:
                rendition = None
            if rendition is not None:
                data["image"] = {
                    "url": _absolute(request, rendition.url),
                    "width": rendition.width,
                    "height": rendition.height,
                    "alt": getattr(page, "image_alt", ""),
                }
    return data


@register.simple_tag(takes_context=True)
def organisation_jsonld(context):
    """schema.org ``Organization`` for the home page: name in both languages, address, logo."""
    request = context.get("request")
    home = context.get("page")
    url = _absolute(request, home.get_url(request=request) if isinstance(home, Page) else "/")
    names = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            names[code] = _("Zorgzame Buurten")
    language = translation.get_language() or settings.LANGUAGE_CODE
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": names.get(language, names[settings.LANGUAGE_CODE]),
        "alternateName": sorted({name for code, name in names.items() if code != language}),
        "url": url,
        "logo": _absolute(request, static("img/logo.svg")),
        "description": _(
            "Zorgzame Buurten brengt buren, vrijwilligers, zorg- en welzijnsorganisaties en lokale besturen "
            "samen, zodat mensen goed kunnen blijven wonen in hun eigen buurt."
        ),
        "areaServed": [
            {"@type": "AdministrativeArea", "name": _("Vlaanderen")},
            {"@type": "City", "name": _("Brussel")},
        ],
        "knowsLanguage": [code for code, _name in settings.LANGUAGES],
    }
    return script_tag(data)
