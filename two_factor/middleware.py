"""Keeps an editor who logged in with a password alone out of the admin until the second step.

Runs after django-otp's ``OTPMiddleware`` (which tells whether this session passed a device).
Inside the admin path, a user with a device who has not used it in this session is sent to the
code page; a user who must have one (``policy.py``) and has none is sent to set one up. Other
editors pass. Only the pages needed to get through (and to log out) stay open.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from .devices import has_device
from .policy import requires_two_factor

ALWAYS_OPEN = ("two_factor:verify", "wagtailadmin_logout", "wagtailadmin_login", "wagtailadmin_javascript_catalog")


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.second_step(request) or self.get_response(request)

    def second_step(self, request):
        if not request.path.startswith("/" + settings.WAGTAIL_ADMIN_PATH):
            return None  # public pages: the user (a session read) is not even looked at
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return None
        if request.path in {reverse(name) for name in ALWAYS_OPEN}:
            return None
        if has_device(user):
            return redirect_with_next(request, "two_factor:verify")
        if request.path == reverse("two_factor:setup") or not requires_two_factor(user):
            return None
        return redirect_with_next(request, "two_factor:setup")


def redirect_with_next(request, name):
    return redirect(f"{reverse(name)}?{urlencode({'next': request.get_full_path()})}")
