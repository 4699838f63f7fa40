"""What the open JSON API tells reusers about each result: documented in the README (API).

A result's ``id`` is the page's ``translation_key``: it stays the same when a title, slug or
parent changes, and is shared by a page's translations, so ``id`` + ``language`` identify a
result and ``id`` alone links the Dutch and French versions. Everything here reads what
``search.service.load_pages`` already loaded, plus one query for all the translations: the
query count does not grow with the number of results.
"""

from django.conf import settings
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page

from common.images import CARD_SPECS
from common.urls import absolute_url, page_url

from . import registry

API_RENDITION = CARD_SPECS[-1]  # a spec load_pages prefetches: no query, no new file


def translation_urls(pages, request):
    """{(translation_key, language): absolute URL} of the live versions of ``pages`` in the other
    languages, in one query."""
    if not pages:
        return {}
    others = (
        Page.objects.live()
        .filter(translation_key__in={page.translation_key for page in pages})
        .select_related("locale")
        .only("id", "path", "depth", "url_path", "translation_key", "locale__language_code")
    )
    return {(other.translation_key, other.locale.language_code): page_url(other, request) for other in others}


def translation_of(page, urls):
    """The URL of the page's version in the other language, or None when it has none."""
    for code, _name in settings.LANGUAGES:
        if code != page.locale.language_code and (page.translation_key, code) in urls:
            return urls[(page.translation_key, code)]
    return None


def image_of(page, request):
    """{"url", "alt"} of the card rendition (prefetched with the page), or None."""
    image = getattr(page, "image", None)
    if image is None:
        return None
    try:
        rendition = image.get_rendition(API_RENDITION)
    except (SourceImageIOError, OSError):
        return None  # a missing file costs the picture, not the answer
    return {"url": absolute_url(rendition.url, request), "alt": getattr(page, "image_alt", "") or ""}


def _iso(moment):
    return moment.isoformat() if moment else None


def result(page, kind, results, urls, request):
    document = kind.document
    return {
        "id": str(page.translation_key),
        "language": page.locale.language_code,
        "type": kind.key,
        "title": page.title,
        "url": page_url(page, request),
        "summary": document.summary_of(page),
        "start": _iso(document.date_of(page, document.start)),
        "end": _iso(document.date_of(page, document.end)),
        "status": getattr(page, "status", None),
        "municipality": getattr(page, "municipality", None) or None,
        "image": image_of(page, request),
        "translation": translation_of(page, urls),
        "terms": results.terms_by_page.get(page.pk, {}),
    }


def serialize(results, request):
    urls = translation_urls(results.pages, request)
    return {
        "count": results.total,
        "page": results.query.page,
        "pages": results.page_count,
        "messages": results.messages,
        "results": [result(page, registry.kind_of(page), results, urls, request) for page in results.pages],
        "facets": [
            {
                "key": facet.key,
                "label": facet.label,
                "options": [
                    {"slug": o.slug, "label": o.label, "count": o.count, "selected": o.selected} for o in facet.options
                ],
            }
            for facet in results.facets
        ],
    }
