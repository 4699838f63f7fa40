"""Stop, before any view or cache, a path no page of this site can have (common/params.py)."""

from django.http import Http404
from django.utils.translation import gettext as _

from .params import path_is_clean


class CleanPathMiddleware:
    """A path with control characters is not found (the site's translated 404 page), before
    Wagtail would look its slugs up in the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not path_is_clean(request.path):
            raise Http404(_("Dit adres bevat ongeldige tekens."))
        return self.get_response(request)
