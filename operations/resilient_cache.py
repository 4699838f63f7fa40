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

Options (``CACHES[...]["OPTIONS"]``, beside django-redis' own): ``BREAKER_FAILURES`` (3) and
``BREAKER_COOLDOWN`` (5 s).
"""

import logging
import threading

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


def _guarded(name, fallback):
    def method(self, *args, **kwargs):
        if not self.breaker.allow():
            return fallback(args, kwargs)
        try:
            result = getattr(super(ResilientRedisCache, self), name)(*args, **kwargs)
        except ERRORS as error:
            self.breaker.failure()
            log_throttled(logger, "redis", "Redis cache unavailable, computing instead: %s", type(error).__name__)
            return fallback(args, kwargs)
        except Exception:
            self.breaker.success()  # Redis answered (e.g. incr of a missing key)
            raise
        self.breaker.success()
        return result

    method.__name__ = name
    return method


def _default(args, kwargs):
    return kwargs.get("default", args[1] if len(args) > 1 else None)


def _unavailable(args, kwargs):
    raise CacheUnavailable("cache unavailable")


def _constant(value):
    return lambda args, kwargs: value


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        failures = int(options.pop("BREAKER_FAILURES", 3))
        cooldown = float(options.pop("BREAKER_COOLDOWN", 5.0))
        options["IGNORE_EXCEPTIONS"] = False  # errors reach _guarded, which decides
        super().__init__(server, {**params, "OPTIONS": options})
        self.breaker = breaker_for(server, failures, cooldown)

    get = _guarded("get", _default)
    get_many = _guarded("get_many", _constant({}))
    set = _guarded("set", _constant(False))
    add = _guarded("add", _constant(False))
    touch = _guarded("touch", _constant(False))
    has_key = _guarded("has_key", _constant(False))
    delete = _guarded("delete", _constant(False))
    delete_many = _guarded("delete_many", _constant(0))
    set_many = _guarded("set_many", lambda args, kwargs: list((args[0] if args else kwargs.get("data", {})).keys()))
    incr = _guarded("incr", _unavailable)
    decr = _guarded("decr", _unavailable)
    clear = _guarded("clear", _constant(False))

    def ping(self):
        """Raise unless Redis answers now (``/healthz``); the breaker is neither asked nor told."""
        self.client.get_client(write=False).ping()
