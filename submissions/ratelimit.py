"""At most ``SUBMISSIONS_RATE_LIMIT`` sends of the form per visitor address per
``SUBMISSIONS_RATE_PERIOD`` seconds (the counting is shared: operations/ratelimit.py).

Every send counts, valid or not: decoding a photo costs the server something each time.
"""

from django.conf import settings

from operations.ratelimit import client_address, count_send

__all__ = ["client_address", "register_send"]  # client_address: AXES_CLIENT_IP_CALLABLE names it here


def register_send(request):
    """Count one send; returns False when this address is over its limit."""
    return count_send(
        "submissions", request, limit=settings.SUBMISSIONS_RATE_LIMIT, period=settings.SUBMISSIONS_RATE_PERIOD
    )
