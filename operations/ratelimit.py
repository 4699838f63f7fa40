"""Counting what one visitor address sends, shared by every public form (submissions, events).

Counts live in Django's cache; a window starts at an address's first send. Behind a reverse
proxy, ``SUBMISSIONS_TRUSTED_PROXIES`` (from ``DJANGO_TRUSTED_PROXIES``) is the number of proxies
that append the visitor's address to X-Forwarded-For, so the visitor's own address is counted.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache


def client_address(request):
    """REMOTE_ADDR, or the address the nearest trusted proxy saw, from X-Forwarded-For."""
    proxies = getattr(settings, "SUBMISSIONS_TRUSTED_PROXIES", 0)
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


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
