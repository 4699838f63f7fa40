"""The Wagtail site of a request, looked up once per content generation.

Wagtail finds the site for every request that renders a page link (``Site.find_for_request``
queries the sites joined to their root pages, and keeps the answer on
``request._wagtail_site`` for the rest of that request, as its docstring says). The answer
only changes when a site or a page changes, which is exactly when the content generation does
(operations.signals), so every page rendered within one generation reuses it
(``operations.caching.shared``).
"""

from wagtail.models import Site

from . import caching


class SiteLookupMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if caching.has_generation(request):
            name = f"site:{request.get_port()}"  # shared() adds the host name
            # Wagtail's own per-request memo of Site.find_for_request, filled from the shared copy.
            request._wagtail_site = caching.shared(request, name, lambda: Site.find_for_request(request))
        return self.get_response(request)
