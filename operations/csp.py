"""The Content-Security-Policy (django-csp) plus the headers Django has no setting for.

Public pages get the strict policy of ``settings.CONTENT_SECURITY_POLICY``: scripts and styles
only from the site itself, no inline code, no framing. The Wagtail admin is not ready for that:
its pages carry inline ``<script>`` initialisation and ``style`` attributes, the page editor
previews the page in an iframe of the admin itself, and image choosers show ``blob:`` previews.
So below the admin path, and only there, the policy allows inline scripts and styles, ``blob:``
images and same-origin framing. ``operations/tests/test_security.py`` logs in and opens the
page editor under this middleware to keep that true.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings

ADMIN_RELAXED = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
}


def is_admin_path(path):
    return path.startswith("/" + settings.WAGTAIL_ADMIN_PATH)


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and is_admin_path(request.path_info):
            # The admin's inline scripts have no nonce; with a nonce in the policy, browsers
            # would ignore 'unsafe-inline'. So no nonce there.
            parts.replace = {**ADMIN_RELAXED, **(parts.replace or {})}
            parts.nonce = None
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        policy = getattr(settings, "PERMISSIONS_POLICY", "")
        if policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = policy
        return response
