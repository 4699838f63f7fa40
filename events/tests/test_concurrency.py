"""Two people confirming for the last free place at the same moment (PostgreSQL only).

With double opt-in, the place is decided when the link in the mail is used (``confirm``), so
that is where the race is run; sign-ups themselves only store requests, once per address.

SQLite runs one writer at a time, so the race cannot happen there and the test is skipped; on
PostgreSQL (CI, production) it runs with real, committed transactions in separate threads, each
with its own database connection, exactly as two web server workers would. The test's own
connection stays inside pytest-django's rolled-back transaction and only reads (PostgreSQL's
READ COMMITTED lets it see what the threads commit); the event is created and removed by a thread.
"""

import threading
import time
from datetime import timedelta

import pytest
from django.db import connection, connections, transaction
from django.test import Client
from django.utils import timezone
from wagtail.models import PageLogEntry

from events.models import EventPage, Registration
from events.registration import confirm, request_registration

from .conftest import create_event

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL's row locks (set DATABASE_URL=postgres://…)"
    ),
    pytest.mark.django_db,
]
TIMEOUT = 20


def committed(target):
    """Run ``target`` on a connection of its own, so that what it writes is committed."""
    results = {}
    in_thread(target, results, "result").join(TIMEOUT)
    if isinstance(results["result"], Exception):
        raise results["result"]
    return results["result"]


@pytest.fixture
def last_place():
    """A committed event with one place, visible to every connection; removed afterwards."""
    start = timezone.now() + timedelta(days=10)
    slug = f"gelijktijdig-{time.time_ns()}"
    page = committed(lambda: create_event(registration_form=True, capacity=1, start=start, slug=slug))

    def remove():
        Registration.objects.filter(event_id=page.pk).delete()
        EventPage.objects.get(pk=page.pk).delete()
        PageLogEntry.objects.filter(page_id=page.pk).delete()

    yield page
    committed(remove)


def in_thread(target, results, key):
    def run():
        try:
            results[key] = target()
        except Exception as error:  # noqa: BLE001 - the test inspects what each thread got
            results[key] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def waiting_for_a_lock():
    with connection.cursor() as cursor:
        # pg_stat_activity is read once per transaction unless asked to look again.
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0]


def test_second_submission_waits_for_the_first_and_gets_the_waiting_list(last_place):
    """A holds the lock with its registration uncommitted; B must wait, then see the place gone."""
    a_registered, release_a, results = threading.Event(), threading.Event(), {}

    requests = {
        key: committed(
            lambda key=key: request_registration(last_place, name=key, email=f"{key}@example.be", organisation="X")
        )
        for key in ("a", "b")
    }

    def first():
        with transaction.atomic():
            registration = confirm(requests["a"])
            a_registered.set()
            release_a.wait(TIMEOUT)
        return registration

    def second():
        a_registered.wait(TIMEOUT)
        return confirm(requests["b"])

    threads = [in_thread(first, results, "a"), in_thread(second, results, "b")]
    try:
        assert a_registered.wait(TIMEOUT)
        # Proof that B really is inside its transaction, blocked on A's row lock.
        deadline = time.monotonic() + TIMEOUT
        while not waiting_for_a_lock():
            assert time.monotonic() < deadline, "the second submission never waited for the lock"
            time.sleep(0.02)
        assert "b" not in results
    finally:
        release_a.set()
        for thread in threads:
            thread.join(TIMEOUT)

    assert results["a"].status == Registration.Status.CONFIRMED
    assert results["b"].status == Registration.Status.WAITING
    assert dict(Registration.objects.filter(event_id=last_place.pk).values_list("email", "status")) == {
        "a@example.be": "confirmed",
        "b@example.be": "waiting",
    }


def test_simultaneous_confirmations_give_the_last_place_once(last_place):
    """Eight people sign up, then click their links at the same instant: one place, seven waiting."""
    people = 8
    for number in range(people):
        data = {"name": f"P{number}", "email": f"p{number}@example.be", "organisation": "X", "consent": "on"}
        assert committed(lambda data=data: Client().post(last_place.url, data).status_code) == 302
    requests = list(Registration.objects.filter(event_id=last_place.pk))
    start_together, results = threading.Barrier(people), {}

    def click(registration):
        def run():
            start_together.wait(TIMEOUT)
            return confirm(registration).status

        return run

    threads = [in_thread(click(registration), results, n) for n, registration in enumerate(requests)]
    for thread in threads:
        thread.join(TIMEOUT)

    assert sorted(results.values()) == ["confirmed"] + ["waiting"] * (people - 1)
    statuses = list(Registration.objects.filter(event_id=last_place.pk).values_list("status", flat=True))
    assert statuses.count("confirmed") == 1 and statuses.count("waiting") == people - 1


def test_simultaneous_double_sign_up_is_stored_once(last_place):
    """The same person double-clicks in four tabs: one request, no errors."""
    tabs = 4
    start_together, results = threading.Barrier(tabs), {}

    def submit():
        start_together.wait(TIMEOUT)
        return request_registration(last_place, name="Dubbel", email="dubbel@example.be", organisation="X")

    threads = [in_thread(submit, results, n) for n in range(tabs)]
    for thread in threads:
        thread.join(TIMEOUT)

    assert all(isinstance(outcome, Registration) for outcome in results.values()), results
    assert Registration.objects.filter(event_id=last_place.pk).count() == 1
