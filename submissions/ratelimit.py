"""At most ``SUBMISSIONS_RATE_LIMIT`` sends of the form per visitor address per
``SUBMISSIONS_RATE_PERIOD`` seconds (the counting is shared: operations/ratelimit.py).

Every send counts, valid or not: decoding a photo costs the server something each time. The
window starts at an address's first send. Behind a reverse proxy, list it in
``DJANGO_TRUSTED_PROXIES`` so the visitor's own address is used (operations/client_address.py).
"""

from django.conf import settings

from operations.ratelimit import count_send


def register_send(request):
    """Count one send; returns False when this address is over its limit."""
    return count_send(
        "submissions", request, limit=settings.SUBMISSIONS_RATE_LIMIT, period=settings.SUBMISSIONS_RATE_PERIOD
    )
