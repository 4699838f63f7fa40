"""Elasticsearch may be slow or gone; a request must not wait for it beyond a budget.

Two guards, used by ``WithFallback`` (search/backends/elasticsearch.py):

* **The circuit breaker** (one per process): after ``ELASTICSEARCH_BREAKER_FAILURES`` failures
  in a row, searches go straight to the database for ``ELASTICSEARCH_BREAKER_COOLDOWN``
  seconds; then one search probes the cluster again (common.circuit_breaker). After a failure,
  one search at a time tries the cluster (the others answer from the database at once), and
  waits at most ``ELASTICSEARCH_TRIAL_TIMEOUT``: a hanging cluster holds one thread per
  process for a moment, not every thread for the whole timeout.
* **The time budget of a request**: all calls to the cluster during one request together take
  at most ``ELASTICSEARCH_REQUEST_BUDGET`` seconds. Each call's timeout is what is left of it
  (capped by the client's own ``request_timeout``), and once it is spent, or after one failure
  in this request, the rest of the request's searches (a fuzzy retry, the zero-result
  suggestion's one search per filter) answer from the database. Outside a request (commands,
  tests calling a backend directly) only the per-call timeout applies.
"""

import time

from django.conf import settings

from common.circuit_breaker import CircuitBreaker
from operations.logging import current_request

_breaker = None


def breaker():
    """The process's breaker for the cluster, made on first use from the settings."""
    global _breaker
    if _breaker is None:
        _breaker = CircuitBreaker(
            "Elasticsearch",
            failures=getattr(settings, "ELASTICSEARCH_BREAKER_FAILURES", 3),
            cooldown=getattr(settings, "ELASTICSEARCH_BREAKER_COOLDOWN", 30.0),
        )
    return _breaker


def reset():
    """Forget the breaker (tests, or settings that changed)."""
    global _breaker
    _breaker = None


def remaining():
    """Seconds this request may still spend on the cluster (None: not in a request, no budget).
    The deadline is kept on the request itself, set by its first call to the cluster."""
    request = current_request()
    if request is None:
        return None
    if not hasattr(request, "_search_deadline"):
        request._search_deadline = time.monotonic() + settings.ELASTICSEARCH_REQUEST_BUDGET
    return max(0.0, request._search_deadline - time.monotonic())


def spend_all():
    """A call failed in this request: the request's other searches go to the database."""
    request = current_request()
    if request is not None:
        request._search_deadline = 0.0


def affordable():
    """May this request call the cluster now? Closed breaker (or our turn to probe) and budget left."""
    left = remaining()
    if left is not None and left <= 0.05:
        return False
    return breaker().allow()
