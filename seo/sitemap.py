"""The sitemap's entries: every live public page with its translations as hreflang alternates.

Wagtail's own sitemap knows nothing of languages; here pages are grouped by ``translation_key``
so each URL lists itself and its translations (and Dutch as ``x-default``), as Google asks.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from common.alternates import hreflang_links
from common.urls import absolute_url

# Views that are not Wagtail pages but belong in the sitemap, by URL name.
VIEW_NAMES = ["search", "submissions:submit"]


@dataclass
class Entry:
    location: str
    lastmod: datetime | None = None
    alternates: list[tuple[str, str]] = field(default_factory=list)  # (hreflang, absolute URL)


def _with_alternates(groups):
    """groups: [{language: (url, lastmod)}] -> one Entry per URL, each listing the whole group."""
    entries = []
    for group in groups:
        alternates = hreflang_links({code: url for code, (url, _lastmod) in group.items()})
        for _code, (url, lastmod) in sorted(group.items()):
            entries.append(Entry(url, lastmod, alternates))
    return entries


def page_groups(request):
    pages = (
        Page.objects.live()
        .public()
        .filter(depth__gte=2)
        .select_related("locale")
        .order_by("path")
        .only("id", "path", "depth", "url_path", "translation_key", "last_published_at", "locale__language_code")
    )
    groups = {}
    for page in pages:
        url = page.get_url(request=request)
        if url:
            url = absolute_url(url, request)
            groups.setdefault(page.translation_key, {})[page.locale.language_code] = (url, page.last_published_at)
    return list(groups.values())


def view_groups(request):
    groups = []
    for name in VIEW_NAMES:
        group = {}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                group[code] = (absolute_url(reverse(name), request), None)
        groups.append(group)
    return groups


def entries(request):
    return _with_alternates(page_groups(request) + view_groups(request))
