"""Faults of the services the site uses, against real ones: a real redis-server stopped and
started again, sockets that accept and never answer, a database that does not answer or runs
a statement past its timeout. Pages keep being served (or /healthz answers 503 fast), within a
time bound, and nothing is lost once the service is back."""

import logging
import statistics
import time

import pytest
from django.db import OperationalError, connection, connections, transaction
from django.test import RequestFactory

from common import throttled_log
from operations import resilient_cache
from operations.models import PageCacheGeneration
from operations.tests.fake_services import HangingServer, RedisServer, closed_port
from submissions.ratelimit import register_send

PAGES = ["/nl/", "/nl/toolbox/", "/nl/projecten/?target_group=ouderen", "/api/search/?lang=nl&q=buurt"]
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL only (connect and statement timeouts; the in-memory SQLite test database cannot be "
    "disconnected): runs in the PostgreSQL CI run",
)


def redis_cache_settings(url, cooldown=0.3):
    return {
        "default": {
            "BACKEND": "operations.resilient_cache.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "zbfault",
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 0.25,
                "SOCKET_TIMEOUT": 0.25,
                "BREAKER_FAILURES": 3,
                "BREAKER_COOLDOWN": cooldown,
            },
        }
    }


@pytest.fixture
def fresh_breakers():
    resilient_cache._breakers.clear()
    throttled_log.forget()
    yield
    resilient_cache._breakers.clear()
    throttled_log.forget()


@pytest.fixture
def redis_server():
    server = RedisServer().start()
    yield server
    server.stop()


@pytest.fixture
def cached_site(settings, fresh_breakers):
    settings.PAGE_CACHE_SECONDS = 300
    settings.SHARED_DATA_SECONDS = 600
    return settings


def timed_get(client, url, **extra):
    start = time.monotonic()
    response = client.get(url, **extra)
    return response, time.monotonic() - start


@pytest.mark.django_db
def test_pages_are_served_while_redis_is_stopped_and_cached_again_when_it_is_back(
    client, cached_site, redis_server, caplog
):
    cached_site.CACHES = redis_cache_settings(redis_server.url)
    assert client.get("/nl/")["X-Page-Cache"] == "miss"
    assert client.get("/nl/")["X-Page-Cache"] == "hit"

    redis_server.stop()
    with caplog.at_level(logging.WARNING, logger="operations.resilient_cache"):
        for _ in range(3):
            for url in PAGES:
                response, seconds = timed_get(client, url)
                assert response.status_code == 200, url
                assert seconds < 2.0, (url, seconds)
    assert response["X-Page-Cache"] == "hit"  # from the process's memory meanwhile
    # Logged once for the whole outage, not once per request.
    assert sum("Redis cache unavailable" in r.getMessage() for r in caplog.records) == 1

    health, seconds = timed_get(client, "/healthz")
    assert health.status_code == 200 and seconds < 1.0
    assert health.json()["status"] == "degraded"
    assert health.json()["cache"]["redis"].startswith("degraded")
    assert health.json()["database"] == "ok"

    redis_server.start()
    time.sleep(0.4)  # the breaker's cool-down: the next request probes Redis again
    assert client.get("/nl/").status_code == 200
    assert client.get("/nl/")["X-Page-Cache"] == "hit"
    assert client.get("/healthz").json()["status"] == "ok"


@pytest.mark.django_db
def test_with_redis_stopped_pages_come_from_the_process_memory_without_waiting(client, cached_site, redis_server):
    """Without any cache every request rendered its page and recomputed the shared data: the
    fault benchmark served 7 requests a second, 2 s each. Once the breaker is open, a page seen
    before in this process comes from its memory, still keyed on the content generation."""
    cached_site.CACHES = redis_cache_settings(redis_server.url, cooldown=60)
    for url in PAGES:
        client.get(url)
    redis_server.stop()
    for url in PAGES:  # the breaker opens; each page is rendered once more
        assert client.get(url).status_code == 200
    timings = []
    for _ in range(3):
        for url in PAGES:
            response, seconds = timed_get(client, url)
            assert response.status_code == 200 and response["X-Page-Cache"] == "hit", url
            assert seconds < 0.25, (url, seconds)  # no request waits on a socket timeout
            timings.append(seconds)
    assert statistics.median(timings) < 0.3

    PageCacheGeneration.objects.filter(pk=1).update(value=12345)  # content changed meanwhile
    assert client.get(PAGES[0])["X-Page-Cache"] == "miss"


@pytest.mark.django_db
def test_a_hanging_redis_costs_at_most_the_socket_timeout_then_nothing(client, cached_site):
    with HangingServer() as hung:
        cached_site.CACHES = redis_cache_settings(f"redis://127.0.0.1:{hung.port}/0", cooldown=60)
        response, first = timed_get(client, "/nl/")
        assert response.status_code == 200
        assert first < 3 * 0.25 + 1.0  # three timeouts open the breaker
        offered = hung.accepted
        for url in PAGES:
            response, seconds = timed_get(client, url)
            assert response.status_code == 200 and seconds < 2.0, (url, seconds)  # rendered, no cache
        assert hung.accepted == offered  # the open breaker no longer tries Redis
        health, seconds = timed_get(client, "/healthz")
        assert health.status_code == 200 and health.json()["status"] == "degraded" and seconds < 1.2


@pytest.mark.django_db
def test_the_submission_rate_limit_allows_when_redis_is_down(settings, fresh_breakers):
    """The documented fallback: without a cache, sends are let through (the form's other checks
    and the database-backed login lock-out still hold)."""
    settings.CACHES = redis_cache_settings(f"redis://127.0.0.1:{closed_port()}/0")
    settings.SUBMISSIONS_RATE_LIMIT = 2
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.7")
    start = time.monotonic()
    assert all(register_send(request) for _ in range(5))
    assert time.monotonic() - start < 1.0


@pytest.mark.django_db
def test_the_submission_rate_limit_counts_in_redis(settings, fresh_breakers, redis_server):
    settings.CACHES = redis_cache_settings(redis_server.url)
    settings.SUBMISSIONS_RATE_LIMIT = 2
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.8")
    assert [register_send(request) for _ in range(3)] == [True, True, False]


# The database ------------------------------------------------------------------------------


@pytest.fixture
def database_elsewhere():
    """Point new connections (those /healthz opens in its own threads) somewhere else."""
    shared = connections.settings["default"]
    saved = dict(shared)

    def move(**values):
        shared.update(values)

    yield move
    shared.clear()
    shared.update(saved)


@postgresql_only
@pytest.mark.django_db
def test_health_is_503_when_the_database_refuses(client, database_elsewhere):
    database_elsewhere(HOST="127.0.0.1", PORT=str(closed_port()))
    response, seconds = timed_get(client, "/healthz")
    assert response.status_code == 503 and seconds < 1.2
    assert response.json()["status"] == "error"
    assert "127.0.0.1" not in response.content.decode()


@postgresql_only
@pytest.mark.django_db
def test_health_answers_503_within_a_second_when_the_database_hangs(client, database_elsewhere):
    with HangingServer() as hung:
        database_elsewhere(HOST="127.0.0.1", PORT=str(hung.port))
        response, seconds = timed_get(client, "/healthz")
    assert response.status_code == 503 and seconds < 1.2
    assert response.json()["database"] == "error: Timeout"


@postgresql_only
@pytest.mark.django_db
def test_connections_carry_the_connect_and_statement_timeouts(settings):
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["connect_timeout"] == 3
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "5s"


@postgresql_only
@pytest.mark.django_db
def test_a_statement_over_the_timeout_is_cancelled_and_the_site_goes_on(client):
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = '300ms'")  # the production value is 5 s
    start = time.monotonic()
    with pytest.raises(OperationalError, match="statement timeout"), transaction.atomic(), connection.cursor() as c:
        c.execute("SELECT pg_sleep(10)")
    assert time.monotonic() - start < 2.0
    response, seconds = timed_get(client, "/nl/")
    assert response.status_code == 200  # the same connection serves the next request


@postgresql_only
@pytest.mark.django_db
def test_a_page_whose_statement_waits_past_the_timeout_is_a_fast_503(client, settings):
    """A table every page reads, locked by a migration-like statement elsewhere."""
    import psycopg

    settings.PAGE_CACHE_SECONDS = 300  # the page request reads the content generation
    client.raise_request_exception = False
    db = connection.settings_dict
    table = PageCacheGeneration._meta.db_table
    with psycopg.connect(
        host=db["HOST"], port=db["PORT"] or 5432, dbname=db["NAME"], user=db["USER"], password=db["PASSWORD"]
    ) as locker:
        locker.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = '300ms'")  # the production value is 5 s
        response, seconds = timed_get(client, "/nl/")
        locker.rollback()
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert seconds < 2.0


@pytest.mark.django_db
def test_static_files_and_health_are_served_without_a_query_on_the_request(
    client, production_settings, django_assert_num_queries, tmp_path
):
    (tmp_path / "probe.css").write_text("body{}")
    with django_assert_num_queries(0):
        static = client.get("/static/probe.css", HTTP_X_FORWARDED_PROTO="https")
        client.get("/healthz")  # its checks run in their own threads with their own deadline
    assert static.status_code == 200
