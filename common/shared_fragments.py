"""Data every page shows (home link, main menu, footer links), kept between requests.

The page cache middleware sets ``request.content_generation`` when the page cache is on: the
number that changes whenever content is published, moved or deleted. Keyed on it, this data is
looked up once per generation instead of on every page the cache has not stored yet. Without a
generation (the page cache off, as in development and tests) it is computed once per request.
"""

from django.conf import settings
from django.core.cache import cache


def shared(request, name, compute):
    """``compute()``, once per request, and kept for the current content generation when there
    is one; picklable values only (plain dicts and strings, not pages)."""
    if request is None:
        return compute()
    per_request = request.__dict__.setdefault("_shared_fragments", {})
    if name not in per_request:
        generation = getattr(request, "content_generation", None)
        if generation is None:
            per_request[name] = compute()
        else:
            key = f"shared:{generation}:{request.get_host()}:{name}"
            per_request[name] = cache.get_or_set(key, compute, settings.PAGE_CACHE_SECONDS)
    return per_request[name]
