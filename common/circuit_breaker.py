"""A circuit breaker: stop calling a dependency that keeps failing, try it again later.

Why our own small class rather than a package: we want exactly one probe at a time while the
breaker is half open (a hanging dependency would otherwise hold one thread per request again),
and the state read without side effects for ``/healthz``. One instance per dependency and per
process (module level); it is thread-safe.

* **closed**: calls go through; ``failures`` failures in a row open it. After a failure, until
  a success, only one call at a time goes through (a trial) and the others take their fallback
  at once: with a hanging dependency, one thread per process waits, not every thread that
  happens to call it before the breaker opens.
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

    @property
    def suspect(self):
        """Has the dependency failed since its last success? (Callers may then wait less.)"""
        with self._lock:
            return self._failed > 0 or self._opened_at is not None

    def allow(self):
        """May the caller use the dependency now? At most one trial or probe at a time once it
        has failed; every caller while it answers."""
        with self._lock:
            if self._opened_at is None and self._failed == 0:
                return True
            if self._probing:
                return False
            if self._opened_at is not None and self.clock() - self._opened_at < self.cooldown:
                return False
            self._probing = True
            return True

    def release(self):
        """The allowed call ended without telling anything about the dependency."""
        with self._lock:
            self._probing = False

    def success(self):
        with self._lock:
            was_open = self._opened_at is not None
            self._failed, self._opened_at, self._probing = 0, None, False
        if was_open:
            logger.warning("%s answers again: circuit closed", self.name)

    def failure(self):
        with self._lock:
            probe = self._probing and self._opened_at is not None  # a half-open probe
            self._probing = False
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
