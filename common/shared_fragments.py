"""Data every page shows (the site, home link, main menu, footer links), kept between requests.

The page cache middleware sets ``request.content_generation`` on front-end page requests: the
number that changes whenever content is published, moved or deleted. Keyed on it, this data is
looked up once per generation instead of on every page rendered (for ``SHARED_DATA_SECONDS``
at most). Without a generation, or with ``SHARED_DATA_SECONDS = 0`` (as in tests, where the page
cache may still be on), it is computed once per request and the cache is not touched.
"""

from django.conf import settings
from django.core.cache import cache


def shared(request, name, compute):
    """``compute()``, once per request, and kept for the current content generation when there
    is one; small picklable values only (plain dicts and strings, the Site; not content pages)."""
    if request is None:
        return compute()
    per_request = request.__dict__.setdefault("_shared_fragments", {})
    if name not in per_request:
        generation = getattr(request, "content_generation", None)
        if generation is None or settings.SHARED_DATA_SECONDS <= 0:
            per_request[name] = compute()
        else:
            key = f"shared:{generation}:{request.get_host()}:{name}"
            per_request[name] = cache.get_or_set(key, compute, settings.SHARED_DATA_SECONDS)
    return per_request[name]
