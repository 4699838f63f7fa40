"""Data every page shows (home link, main menu, footer links), kept between requests.

The page cache middleware sets ``request.content_generation`` when the page cache is on: the
number that changes whenever content is published, moved or deleted. Keyed on it, this data is
looked up once per generation instead of on every page the cache has not stored yet. Without a
generation (the page cache off, as in development and tests) it is simply computed.
"""

from django.conf import settings
from django.core.cache import cache


def shared(request, name, compute):
    """``compute()``, kept for the current content generation when there is one; picklable
    values only (plain dicts and strings, not pages)."""
    generation = getattr(request, "content_generation", None) if request is not None else None
    if generation is None:
        return compute()
    key = f"shared:{generation}:{request.get_host()}:{name}"
    return cache.get_or_set(key, compute, getattr(settings, "PAGE_CACHE_SECONDS", 300) or 300)
