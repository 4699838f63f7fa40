"""A circuit breaker: stop calling a dependency that keeps failing, try it again later.

Why our own small class rather than a package: we want exactly one probe at a time while the
breaker is half open (a hanging dependency would otherwise hold one thread per request again),
and the state read without side effects for ``/healthz``. One instance per dependency and per
process (module level); it is thread-safe.

* **closed**: calls go through; ``failures`` failures in a row open it.
* **open**: ``allow()`` says no for ``cooldown`` seconds, so callers take their fallback at once.
* **half open** (after the cool-down): one caller is allowed through as a probe; its success
  closes the breaker, its failure opens it for another cool-down.
"""

import logging
import threading
import time

logger = logging.getLogger(__name__)

CLOSED, OPEN, HALF_OPEN = "closed", "open", "half-open"


class CircuitBreaker:
    def __init__(self, name, failures=3, cooldown=30.0, clock=time.monotonic):
        self.name = name
        self.failures = failures
        self.cooldown = cooldown
        self.clock = clock
        self._lock = threading.Lock()
        self._failed = 0
        self._opened_at = None
        self._probing = False

    @property
    def state(self):
        """closed, open or half-open (the cool-down is over: the next caller probes)."""
        with self._lock:
            if self._opened_at is None:
                return CLOSED
            return HALF_OPEN if self.clock() - self._opened_at >= self.cooldown else OPEN

    def allow(self):
        """May the caller use the dependency now? At most one probe at a time when half open."""
        with self._lock:
            if self._opened_at is None:
                return True
            if self._probing or self.clock() - self._opened_at < self.cooldown:
                return False
            self._probing = True
            return True

    def success(self):
        with self._lock:
            was_open = self._opened_at is not None
            self._failed, self._opened_at, self._probing = 0, None, False
        if was_open:
            logger.warning("%s answers again: circuit closed", self.name)

    def failure(self):
        with self._lock:
            probe, self._probing = self._probing, False
            self._failed += 1
            if not (probe or (self._opened_at is None and self._failed >= self.failures)):
                return
            newly_open = self._opened_at is None
            self._opened_at = self.clock()
        if newly_open:
            logger.warning("%s failing: circuit open, fallback for %.0f s", self.name, self.cooldown)

    def reset(self):
        with self._lock:
            self._failed, self._opened_at, self._probing = 0, None, False
