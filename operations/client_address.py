"""The visitor's address, believing ``X-Forwarded-For`` only when a configured proxy sent it.

A client can put anything in ``X-Forwarded-For``; only the entries appended by our own proxies
can be trusted. So the header is read only when the connection itself (``REMOTE_ADDR``) comes
from one of ``TRUSTED_PROXIES`` (addresses or networks), and then from the right: each proxy
appends the address it saw, so the first entry from the right that is not one of our proxies is
the visitor. Nothing configured (the default): ``REMOTE_ADDR``, whatever the header says. Used
by the login lock-out and by the rate limits of the public forms.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def parse_networks(value):
    """``"127.0.0.1, 10.0.0.0/8"`` -> networks; a clear error for anything else (e.g. a count)."""
    networks = []
    for item in (part.strip() for part in value.split(",")):
        if not item or item == "0":
            continue
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError as error:
            raise ImproperlyConfigured(
                f"DJANGO_TRUSTED_PROXIES lists the addresses or networks of the reverse proxies in front "
                f"of the site (e.g. 127.0.0.1 or 10.0.0.0/8), not {item!r}."
            ) from error
    return networks


@lru_cache(maxsize=8)
def _parsed(value):
    return tuple(parse_networks(value))


def trusted_networks():
    """``TRUSTED_PROXIES`` (the environment's text, or networks a test set) as networks."""
    return _parsed(",".join(str(item) for item in settings.TRUSTED_PROXIES))


def _address(value):
    try:
        return ipaddress.ip_address(value.strip().removeprefix("[").split("]")[0])
    except ValueError:
        return None


def _trusted(address, networks):
    return address is not None and any(address in network for network in networks)


def client_address(request):
    """The visitor's IP address as text (REMOTE_ADDR unless a trusted proxy forwarded it)."""
    remote = request.META.get("REMOTE_ADDR", "")
    networks = trusted_networks()
    if not _trusted(_address(remote), networks):
        return remote
    hops = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:
            break  # garbage before our proxy's own entry: the proxy's own view is all we know
        if not _trusted(address, networks):
            return str(address)
        remote = str(address)
    return remote
