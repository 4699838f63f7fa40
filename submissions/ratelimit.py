"""At most N sends of the form per visitor address per period, counted in Django's cache.

Every send counts, valid or not: decoding a photo costs the server something each time. The
window starts at an address's first send. Behind a reverse proxy, list it in
``DJANGO_TRUSTED_PROXIES`` so the visitor's own address is used (operations/client_address.py).
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

from operations.client_address import client_address


def _key(address):
    return "submissions:sends:" + hashlib.sha256(address.encode()).hexdigest()[:32]


def register_send(request):
    """Count one send; returns False when this address is over its limit."""
    limit = settings.SUBMISSIONS_RATE_LIMIT
    key = _key(client_address(request))
    cache.add(key, 0, timeout=settings.SUBMISSIONS_RATE_PERIOD)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=settings.SUBMISSIONS_RATE_PERIOD)
        count = 1
    return count <= limit
