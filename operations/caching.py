"""Caching in one place: the content generation, data kept per generation, the page cache, and
their invalidation. Other apps use only the functions below, never attributes on the request.

* **The content generation** is a number kept in the database (``PageCacheGeneration``) that
  changes whenever content changes: ``invalidate()`` increments it (operations.signals calls it
  when a page is published, unpublished, moved or deleted, and when a vocabulary term, an image,
  a site, a locale or a redirect changes). Inside a transaction the new number shows when it
  commits, together with the new content. Every key below contains the generation, so one
  increment makes every older entry unreachable at once, in every worker; old entries expire
  on their own. ``start_request(request)`` reads it once for a front-end page request;
  ``generation(request)`` answers from that read, or reads the database when there was none.
* **Shared data per generation**: ``shared(request, name, compute)`` is for data every page shows
  (the site, menu, footer): computed once per request, and kept in the cache for the request's
  generation for ``SHARED_DATA_SECONDS``. ``per_generation(name, compute)`` keeps a value for the
  current generation without a request (e.g. a vocabulary's options for the search), so it is
  refreshed by the same invalidation as the pages. Small picklable values only (plain dicts and
  strings, the Site; not content pages). With ``SHARED_DATA_SECONDS = 0`` (as in tests) both
  compute without touching the cache.
* **The page cache**: ``cached_page(request)`` and ``store_page(request, response)`` keep whole
  responses under a key made of the generation, the scheme, the host, the full path with its
  query string and the partial-results header (``common.http.PARTIAL_HEADER``); who and what
  may be stored is decided by operations.page_cache's middleware.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import F
from django.http import HttpResponse

from common.http import PARTIAL_HEADER

from .models import PageCacheGeneration

# This module's own per-request state; nothing else reads these attributes.
_GENERATION_ATTR = "_caching_generation"
_SHARED_ATTR = "_caching_shared"
# Headers that belong to one response and are never stored with a page.
_HOP_HEADERS = {"x-request-id", "x-page-cache"}


# The content generation ------------------------------------------------------------------


def _read_generation():
    """One primary-key read, in plain SQL because it runs before every page served from the
    cache, where building the ORM query cost more than the read."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT value FROM {PageCacheGeneration._meta.db_table} WHERE id = 1")
        row = cursor.fetchone()
    return row[0] if row else 0


def start_request(request):
    """Read the generation once for this request; everything later in it uses that number."""
    setattr(request, _GENERATION_ATTR, _read_generation())


def has_generation(request):
    """Whether ``start_request`` read the generation for ``request`` (front-end page requests)."""
    return getattr(request, _GENERATION_ATTR, None) is not None


def generation(request=None):
    """The content generation: the one read for ``request`` if there was one, else the database's."""
    value = getattr(request, _GENERATION_ATTR, None) if request is not None else None
    return _read_generation() if value is None else value


def invalidate():
    """Make everything kept per generation unreachable (it expires on its own). Inside a
    transaction the new generation shows when it commits, with the content that changed."""
    if not PageCacheGeneration.objects.filter(pk=1).update(value=F("value") + 1):
        PageCacheGeneration.objects.update_or_create(pk=1, defaults={"value": int(time.time())})


# Shared data per generation ----------------------------------------------------------------


def _shared_seconds():
    return getattr(settings, "SHARED_DATA_SECONDS", 0)


def shared(request, name, compute):
    """``compute()`` once per request, kept for the request's generation when it has one
    (``start_request``); without a request, computed on every call."""
    if request is None:
        return compute()
    per_request = request.__dict__.setdefault(_SHARED_ATTR, {})
    if name not in per_request:
        gen = getattr(request, _GENERATION_ATTR, None)
        if gen is None or _shared_seconds() <= 0:
            per_request[name] = compute()
        else:
            key = f"shared:{gen}:{request.get_host()}:{name}"
            per_request[name] = cache.get_or_set(key, compute, _shared_seconds())
    return per_request[name]


def per_generation(name, compute, request=None, timeout=None):
    """``compute()``, kept until content changes (at most ``timeout`` seconds, default
    ``SHARED_DATA_SECONDS``), for callers that are not tied to one site's request, such as
    vocabulary options. Costs one read of the generation when ``request`` has none."""
    seconds = _shared_seconds() if timeout is None else timeout
    if seconds <= 0:
        return compute()
    return cache.get_or_set(f"generation:{generation(request)}:{name}", compute, seconds)


# The page cache ----------------------------------------------------------------------------


def page_key(request, gen=None):
    """The page cache key of ``request`` in generation ``gen`` (default: the current one). The
    scheme is part of it: pages hold absolute links (canonical, hreflang, feeds) in the scheme
    they were asked with, and a plain-http copy must never reach an https visitor."""
    gen = generation(request) if gen is None else gen
    parts = (request.scheme, request.get_host(), request.get_full_path(), request.headers.get(PARTIAL_HEADER, ""))
    raw = "\n".join(parts)
    return f"pagecache:{gen}:{hashlib.sha256(raw.encode()).hexdigest()}"


def cached_page(request):
    """The stored response for ``request`` in the current generation, or None."""
    stored = cache.get(page_key(request))
    if stored is None:
        return None
    status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


def store_page(request, response, seconds):
    """Keep ``response`` for ``request`` in the current generation, without per-response headers."""
    headers = [(k, v) for k, v in response.items() if k.lower() not in _HOP_HEADERS]
    cache.set(page_key(request), (response.status_code, headers, response.content), seconds)
