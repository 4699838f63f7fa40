"""``/healthz``: may a load balancer send visitors here? JSON, never cached, no language prefix.

It answers within ``HEALTH_CHECK_TIMEOUT`` (0.8 s) whatever the dependencies do: each check
runs in a small thread pool of its own and whatever has not answered by then counts as
``error: Timeout`` (a hung database or cluster cannot hold the load balancer's probe).

* **database** (the row every page request reads): 503 when it does not answer, since
  nothing works without it;
* **cache** (only with Redis): ``degraded`` but 200 when Redis does not answer, because pages
  are then computed (operations/resilient_cache.py);
* **search**, backend by backend: ``degraded`` but 200 when Elasticsearch does not answer,
  because searches then answer from the database (search/backends/breaker.py).

Errors are named by type only: no connection strings or host names in a public answer.
"""

import copy
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from search.backends import get_index_backends

from .caching import generation

logger = logging.getLogger(__name__)

# Threads that may be stuck on a hung dependency until its own timeout (database connect and
# statement timeouts, Elasticsearch's request timeout cut to the health check's): enough that
# one stuck probe never queues the next.
_pool = ThreadPoolExecutor(max_workers=8, thread_name_prefix="healthz")


def _check(callable_):
    try:
        callable_()
    except Exception as error:
        logger.warning("Health check failed: %s", type(error).__name__)
        return f"error: {type(error).__name__}"
    finally:
        connection.close()  # this pool thread's own connection, if the check opened one
    return "ok"


def _database():
    generation()


def _redis():
    caches["default"].ping()


def _quick(backend):
    """The backend with the cluster's wait cut to the health check's own timeout."""
    client = getattr(backend, "client", None)
    if client is None:
        return backend
    quick = copy.copy(backend)
    quick.client = client.options(request_timeout=settings.HEALTH_CHECK_TIMEOUT, max_retries=0)
    return quick


def run_checks(checks, timeout):
    """{name: "ok" | "error: …"} for each callable, all within ``timeout`` seconds together."""
    deadline = time.monotonic() + timeout
    futures = {name: _pool.submit(_check, callable_) for name, callable_ in checks.items()}
    results = {}
    for name, future in futures.items():
        try:
            results[name] = future.result(timeout=max(0.0, deadline - time.monotonic()))
        except FutureTimeout:
            future.cancel()
            logger.warning("Health check timed out: %s", name)
            results[name] = "error: Timeout"
    return results


@require_GET
@never_cache
def healthz(request):
    checks = {"database": _database}
    if hasattr(caches["default"], "ping"):
        checks["cache:redis"] = _redis
    for backend in get_index_backends():
        checks[f"search:{backend.name}"] = _quick(backend).ping
    results = run_checks(checks, settings.HEALTH_CHECK_TIMEOUT)

    database = results.pop("database")
    body = {"status": "ok", "database": database}
    cache = {name.split(":", 1)[1]: result for name, result in results.items() if name.startswith("cache:")}
    if cache:
        body["cache"] = {name: "ok" if result == "ok" else f"degraded ({result})" for name, result in cache.items()}
    search = {name.split(":", 1)[1]: result for name, result in results.items() if name.startswith("search:")}
    body["search"] = search if database == "ok" else {}
    if database != "ok":
        body["status"], code = "error", 503
    elif any(result != "ok" for result in [*cache.values(), *search.values()]):
        body["status"], code = "degraded", 200
    else:
        code = 200
    return JsonResponse(body, status=code)
