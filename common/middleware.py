"""Refuse, before any view or cache, a path no page of this site can have (common/params.py)."""

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _

from .params import path_is_clean


class CleanPathMiddleware:
    """400 for a path with control characters: Wagtail would look its slugs up in the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not path_is_clean(request.path):
            return HttpResponseBadRequest(
                _("Dit adres bevat ongeldige tekens."), content_type="text/plain; charset=utf-8"
            )
        return self.get_response(request)
