"""Index pages (projects, toolbox, agenda) list their children through the faceted search."""

from common.http import PARTIAL_HEADER

from .rendering import render_search
from .service import search_results


class FacetedIndexMixin:
    """Mix into an index page with ``listing_kind`` set to the search kind of its children."""

    listing_kind = None

    def listing_now(self):
        """The moment upcoming/past is measured from; None means the real time."""
        return None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["results"] = search_results(request, kinds=(self.listing_kind,), now=self.listing_now())
        context["action_url"] = self.url
        return context

    def serve(self, request, *args, **kwargs):
        if request.headers.get(PARTIAL_HEADER):
            return render_search(request, self.get_template(request), self.get_context(request))
        response = super().serve(request, *args, **kwargs)
        response["Vary"] = PARTIAL_HEADER
        return response
