"""The Redis cache as an optimisation, never a dependency.

django-redis with short socket timeouts, and every cache error or timeout treated as a miss:
``get`` returns the default, writes return False, ``incr`` raises ValueError as for a missing
key (so counters such as the submission rate limit start afresh, i.e. allow: see
submissions/ratelimit.py). Pages are then computed and served from the database.

Why a subclass rather than django-redis' ``IGNORE_EXCEPTIONS`` alone: that option still costs
the socket timeout on every call while Redis hangs, and logs every failure. Here a circuit
breaker per Redis server and per process (common.circuit_breaker) skips Redis altogether after
a few failures and probes it again after a cool-down, and the error is logged once per
interval (common.throttled_log).

While Redis is out, values go to a small memory cache of the process instead (the fallback),
kept at most ``FALLBACK_SECONDS``. Why: with no cache at all every request renders its page and
recomputes the site's shared data (menus, vocabularies) in 2-6 times the queries, and the
workers' CPU, not any wait on Redis, became the bottleneck (the fault benchmark served 7
requests a second, 2 s each). Page keys carry the content generation read from the database,
so the fallback never serves a page older than the content; other keys (vocabulary options)
are at most ``FALLBACK_SECONDS`` stale in the other processes. Counters (``incr``/``decr``)
are not kept there: rate limits allow while Redis is out, as documented.

Options (``CACHES[...]["OPTIONS"]``, beside django-redis' own): ``BREAKER_FAILURES`` (3),
``BREAKER_COOLDOWN`` (5 s), ``FALLBACK_SECONDS`` (60) and ``FALLBACK_MAX_ENTRIES`` (500).
"""

import logging
import threading

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

from common.circuit_breaker import CircuitBreaker
from common.throttled_log import log_throttled

logger = logging.getLogger(__name__)

ERRORS = (RedisError, OSError, ConnectionInterrupted)
_breakers = {}
_breakers_lock = threading.Lock()


def breaker_for(server, failures=3, cooldown=5.0):
    """One breaker per Redis server per process (Django makes a cache object per thread)."""
    with _breakers_lock:
        if server not in _breakers:
            _breakers[server] = CircuitBreaker("Redis cache", failures=failures, cooldown=cooldown)
        return _breakers[server]


class CacheUnavailable(ValueError):
    """``incr``/``decr`` without Redis: the same exception as for a missing key."""


def _guarded(name, fallback, forget_locally=False):
    """``name`` on Redis while the breaker allows it, else (or on error) ``fallback``. Deletions
    also reach the fallback (``forget_locally``), so a later outage cannot bring back an entry
    deleted meanwhile."""

    def method(self, *args, **kwargs):
        if forget_locally:
            getattr(self.fallback, name)(*args, **kwargs)
        if not self.breaker.allow():
            return fallback(self, args, kwargs)
        try:
            result = getattr(super(ResilientRedisCache, self), name)(*args, **kwargs)
        except ERRORS as error:
            self.breaker.failure()
            log_throttled(logger, "redis", "Redis cache unavailable, computing instead: %s", type(error).__name__)
            return fallback(self, args, kwargs)
        except Exception:
            self.breaker.success()  # Redis answered (e.g. incr of a missing key)
            raise
        self.breaker.success()
        return result

    method.__name__ = name
    return method


def _capped(timeout, most):
    """A fallback entry lives at most ``most`` seconds, whatever the caller asked."""
    if timeout is DEFAULT_TIMEOUT or timeout is None:
        return most
    return min(timeout, most)


def _local(name, timeout_at=None):
    """The same call on the process's memory cache, with the timeout capped."""

    def fallback(cache, args, kwargs):
        args = list(args)
        if timeout_at is not None:
            if len(args) > timeout_at:
                args[timeout_at] = _capped(args[timeout_at], cache.fallback_seconds)
            else:
                kwargs = {**kwargs, "timeout": _capped(kwargs.get("timeout", DEFAULT_TIMEOUT), cache.fallback_seconds)}
        return getattr(cache.fallback, name)(*args, **kwargs)

    return fallback


def _unavailable(cache, args, kwargs):
    raise CacheUnavailable("cache unavailable")


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        failures = int(options.pop("BREAKER_FAILURES", 3))
        cooldown = float(options.pop("BREAKER_COOLDOWN", 5.0))
        self.fallback_seconds = float(options.pop("FALLBACK_SECONDS", 60))
        max_entries = int(options.pop("FALLBACK_MAX_ENTRIES", 500))
        options["IGNORE_EXCEPTIONS"] = False  # errors reach _guarded, which decides
        super().__init__(server, {**params, "OPTIONS": options})
        self.breaker = breaker_for(server, failures, cooldown)
        # LocMemCache keeps its entries per name for the whole process (all threads share them).
        self.fallback = LocMemCache(
            f"resilient-fallback:{server}",
            {
                "TIMEOUT": self.fallback_seconds,
                "KEY_PREFIX": params.get("KEY_PREFIX", ""),
                "VERSION": params.get("VERSION", 1),
                "OPTIONS": {"MAX_ENTRIES": max_entries},
            },
        )

    get = _guarded("get", _local("get"))
    get_many = _guarded("get_many", _local("get_many"))
    set = _guarded("set", _local("set", timeout_at=2))
    add = _guarded("add", _local("add", timeout_at=2))
    touch = _guarded("touch", _local("touch", timeout_at=1))
    has_key = _guarded("has_key", _local("has_key"))
    delete = _guarded("delete", _local("delete"), forget_locally=True)
    delete_many = _guarded("delete_many", _local("delete_many"), forget_locally=True)
    set_many = _guarded("set_many", _local("set_many", timeout_at=1))
    incr = _guarded("incr", _unavailable)
    decr = _guarded("decr", _unavailable)
    clear = _guarded("clear", _local("clear"), forget_locally=True)

    def ping(self):
        """Raise unless Redis answers now (``/healthz``); the breaker is neither asked nor told."""
        self.client.get_client(write=False).ping()
