"""Whole anonymous pages from the cache, thrown away the moment content changes.

Why a small middleware of our own rather than Django's per-site cache middleware: that one
serves a cached page to anyone, logged-in editors included, and has no cheap way to forget
everything at once. The rules here:

* **Who is served from the cache**: GET and HEAD requests without a session or messages cookie
  and without ``Authorization`` (so never an editor, a preview or someone who just sent a form),
  outside the admin, documents, health check and static paths.
* **What is stored**: complete 200 responses to GET that set no cookie, do not vary on
  ``Cookie``, used no CSRF token and no CSP nonce, and do not say ``private``/``no-store``. A page
  with a form (event registration, project submission) uses a CSRF token, so each visitor
  gets their own freshly rendered copy with their own token; the search pages have GET forms
  without a token and are cached per URL.
* **The key and the invalidation** are operations.caching's: the generation, the scheme, the
  host, the full path with its query string and the ``X-Search-Partial`` header (the
  results-only variant); a content change increments the generation (operations/signals.py), so
  nobody sees the old page on the next request, in any worker. With Redis (``REDIS_URL``) the workers share the stored
  pages; with the per-process memory cache each worker keeps its own copies.
* **Shared data**: the generation is read for every front-end page request, cacheable or not
  (``caching.start_request``), so that data every page shows (site, menu, footer) is looked up
  once per generation (``caching.shared``, ``SHARED_DATA_SECONDS``).
* **Headers for a CDN**: stored pages go out with ``Cache-Control: public, max-age=0,
  s-maxage=CDN_MAX_AGE`` (browsers revalidate, a CDN may keep them briefly and is purged by
  ``wagtail.contrib.frontend_cache`` when configured); the rest with ``private, no-cache``.
  ``X-Page-Cache: hit|miss`` says what happened.
"""

from django.conf import settings
from django.utils.cache import cc_delim_re, has_vary_header, patch_cache_control

from . import caching
from .csp import is_admin_path

EXCLUDED_PREFIXES = ("/documents/", "/healthz", "/static/", "/media/", "/i18n/")
_NOT_STORED_CACHE_CONTROL = {"private", "no-cache", "no-store"}


def _cookie_names():
    return {settings.SESSION_COOKIE_NAME, getattr(settings, "MESSAGES_COOKIE_NAME", "messages")}


def is_page_request(request):
    """A GET or HEAD for the public site: not the admin, documents, health check or files."""
    if request.method not in ("GET", "HEAD"):
        return False
    path = request.path_info
    return not (is_admin_path(path) or path.startswith(EXCLUDED_PREFIXES))


def request_is_cacheable(request):
    if getattr(settings, "PAGE_CACHE_SECONDS", 0) <= 0 or not is_page_request(request):
        return False
    return not ("Authorization" in request.headers or _cookie_names() & set(request.COOKIES))


def response_is_storable(request, response):
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or has_vary_header(response, "Cookie"):
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or getattr(request, "_csp_nonce", None):
        return False
    directives = {d.split("=")[0].strip().lower() for d in cc_delim_re.split(response.get("Cache-Control", ""))}
    return not directives & _NOT_STORED_CACHE_CONTROL


def _public_headers(response):
    patch_cache_control(response, public=True, max_age=0, s_maxage=settings.CDN_MAX_AGE)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cacheable = request_is_cacheable(request)
        if cacheable or (settings.SHARED_DATA_SECONDS > 0 and is_page_request(request)):
            caching.start_request(request)  # for data other parts keep per generation
        if not cacheable:
            response = self.get_response(request)
            if request.method in ("GET", "HEAD") and "Cache-Control" not in response:
                patch_cache_control(response, private=True, no_cache=True)
            return response

        response = caching.cached_page(request)
        if response is not None:
            response["X-Page-Cache"] = "hit"
            return response

        response = self.get_response(request)
        if response_is_storable(request, response):
            _public_headers(response)
            caching.store_page(request, response, settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        elif "Cache-Control" not in response:
            patch_cache_control(response, private=True, no_cache=True)
        return response
