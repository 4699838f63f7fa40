"""A cluster that refuses or hangs: searches answer from the database within the request's
budget, the circuit breaker stops trying for a while, and /healthz answers within a second."""

import time

import pytest
from django.db import connection

from operations.tests.fake_services import HangingServer, closed_port
from search.backends import breaker

# Zero results with two filters: the suggestion then runs one extra search per filter.
ZERO_RESULTS = ("/nl/projecten/", {"target_group": "handicap", "connection": "figuur"})


@pytest.fixture
def cluster(settings):
    """Point the site at a given cluster URL with short timeouts, and a fresh breaker."""

    def point(url, timeout=2.0, budget=1.0, cooldown=60.0):
        settings.ELASTICSEARCH_URL = url
        settings.ELASTICSEARCH_OPTIONS = {"request_timeout": timeout, "max_retries": 0}
        settings.ELASTICSEARCH_REQUEST_BUDGET = budget
        settings.ELASTICSEARCH_BREAKER_FAILURES = 3
        settings.ELASTICSEARCH_BREAKER_COOLDOWN = cooldown
        breaker.reset()

    yield point
    breaker.reset()


def timed_get(client, url, params=None):
    start = time.monotonic()
    response = client.get(url, params or {})
    return response, time.monotonic() - start


def database_answer(client, settings):
    url = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = ""
    body = client.get(*ZERO_RESULTS).content.decode()
    settings.ELASTICSEARCH_URL = url
    return body


@pytest.mark.django_db
def test_a_refusing_cluster_opens_the_breaker_and_pages_answer_from_the_database(client, cluster, settings):
    cluster(f"http://127.0.0.1:{closed_port()}")
    for _ in range(3):
        response, seconds = timed_get(client, *ZERO_RESULTS)
        assert response.status_code == 200 and seconds < 2.0
        assert "zijn er 6 resultaten" in response.content.decode()  # the suggestion, from the database
    assert breaker.breaker().state == "open"
    api, seconds = timed_get(client, "/api/search/", {"lang": "nl", "q": "steensoep"})
    assert api.status_code == 200 and api.json()["count"] >= 1 and seconds < 1.0


@pytest.mark.django_db
def test_a_hanging_cluster_costs_one_budget_then_nothing(client, cluster, settings):
    with HangingServer() as hung:
        cluster(f"http://127.0.0.1:{hung.port}", timeout=2.0, budget=0.5)
        response, first = timed_get(client, *ZERO_RESULTS)
        # One search waits for what is left of the budget; the fuzzy retry and the two
        # suggestion searches go to the database instead of waiting 2 s each.
        assert response.status_code == 200 and first < 0.5 + 1.0, first
        body = response.content.decode()
        assert "0 resultaten" in body and "zijn er 6 resultaten" in body
        for _ in range(2):
            assert timed_get(client, *ZERO_RESULTS)[1] < 1.5
        assert breaker.breaker().state == "open"
        offered = hung.accepted
        response, seconds = timed_get(client, *ZERO_RESULTS)
        assert response.status_code == 200 and seconds < 1.0
        assert hung.accepted == offered  # the open breaker no longer calls the cluster
        health, seconds = timed_get(client, "/healthz")
        assert health.status_code == 200 and seconds < 1.2
        assert health.json()["status"] == "degraded" and health.json()["search"]["database"] == "ok"


@pytest.mark.django_db
def test_after_a_first_timeout_the_next_tries_wait_only_the_trial_timeout(client, cluster, settings):
    """The benchmark's cached pages waited behind searches that each held a thread for the
    full timeout until the breaker opened; after one failure a try waits only a moment."""
    with HangingServer() as hung:
        cluster(f"http://127.0.0.1:{hung.port}", timeout=2.0, budget=2.0)
        settings.ELASTICSEARCH_TRIAL_TIMEOUT = 0.3
        response, first = timed_get(client, *ZERO_RESULTS)
        assert response.status_code == 200 and first >= 1.9  # the first failure costs the timeout
        for _ in range(2):
            response, seconds = timed_get(client, *ZERO_RESULTS)
            assert response.status_code == 200 and seconds < 0.3 + 0.8, seconds
        assert breaker.breaker().state == "open"


@pytest.mark.django_db
def test_after_the_cool_down_one_search_probes_the_cluster_again(client, cluster, settings):
    with HangingServer() as hung:
        cluster(f"http://127.0.0.1:{hung.port}", timeout=0.3, budget=0.3, cooldown=0.2)
        for _ in range(3):
            client.get(*ZERO_RESULTS)
        assert breaker.breaker().state == "open"
        offered = hung.accepted
        time.sleep(0.25)
        response, seconds = timed_get(client, *ZERO_RESULTS)
        assert response.status_code == 200 and seconds < 1.3
        assert hung.accepted == offered + 1  # exactly one probe (it failed: open again)


def test_database_only_sites_have_no_breaker_cost():
    assert connection.vendor in {"sqlite", "postgresql"}
    assert breaker.remaining() is None  # outside a request: no budget, only per-call timeouts
