"""``/healthz``: may a load balancer send visitors here? JSON, never cached, no language prefix.

503 when the database does not answer (nothing works without it). The search backends are
reported one by one; an unreachable Elasticsearch cluster makes the status ``degraded`` but
still 200, because searches then answer from the database (search/backends/elasticsearch.py).
Errors are named by type only: no connection strings or host names in a public answer.
"""

import logging

from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from search.backends import get_index_backends

logger = logging.getLogger(__name__)


def _check(callable_):
    try:
        callable_()
    except Exception as error:
        logger.warning("Health check failed: %s", type(error).__name__)
        return f"error: {type(error).__name__}"
    return "ok"


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


@require_GET
@never_cache
def healthz(request):
    database = _check(_database)
    search = {backend.name: _check(backend.ping) for backend in get_index_backends()} if database == "ok" else {}
    if database != "ok":
        status, code = "error", 503
    elif any(result != "ok" for result in search.values()):
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    return JsonResponse({"status": status, "database": database, "search": search}, status=code)
