"""Counting what one visitor address sends, shared by every public form (submissions, events).

Counts live in Django's cache; a window starts at an address's first send. The address is the
visitor's own behind the proxies listed in ``DJANGO_TRUSTED_PROXIES`` (operations/client_address.py).
"""

import hashlib

from django.core.cache import cache

from .client_address import client_address


def _key(namespace, address):
    # Hashed: the cache never holds a visitor's address in clear.
    return f"{namespace}:sends:" + hashlib.sha256(address.encode()).hexdigest()[:32]


def count_send(namespace, request, *, limit, period):
    """Count one send of ``request``'s address under ``namespace``; False once it is over ``limit``."""
    key = _key(namespace, client_address(request))
    cache.add(key, 0, timeout=period)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=period)
        count = 1
    return count <= limit
