"""Gunicorn, the production server: `gunicorn -c gunicorn.conf.py zorgzamebuurten.wsgi`.

Threaded workers (gthread): most of a request is waiting for PostgreSQL, Redis or Elasticsearch,
so a few processes with several threads each use the CPUs without one process per connection.
Everything can be tuned from the environment; defaults suit a small machine behind a proxy.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", str(multiprocessing.cpu_count() + 1)))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Load the site once in the master and fork the workers from it: faster starts and restarts,
# memory shared between workers.
preload_app = True
# Recycle workers now and then so a slow leak can never grow without bound (0: never). Not too
# often: a restarting worker leaves its queued connections waiting (seen as p99 spikes under load).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = max_requests // 10
# The proxy in front (the only one allowed to say the request came over https).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")

# Access log: off by default (the proxy or CDN logs requests); when on, one JSON object per line
# without the client's address or the query string (search terms are typed by people).
accesslog = "-" if os.environ.get("GUNICORN_ACCESS_LOG", "") in {"1", "true", "yes"} else None
access_log_format = (
    '{"logger": "gunicorn.access", "method": "%(m)s", "path": "%(U)s", "status": %(s)s, '
    '"bytes": "%(B)s", "duration_ms": %(M)s, "request_id": "%({x-request-id}o)s"}'
)
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
