"""Agenda cards say where (municipality or online) and "volzet" / "wachtlijst", in a fixed number of queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import EventIndexPage, Registration

from .conftest import NOW


def fill(event, confirmed, waiting=0):
    for number in range(confirmed + waiting):
        Registration.objects.create(
            event=event,
            name="X",
            email=f"p{number}-{event.pk}@example.be",
            organisation="X",
            status="confirmed" if number < confirmed else "waiting",
        )


def card(html, title):
    start = html.index(f">{title}</a>")
    return html[start : html.index("</article>", start)]


@pytest.mark.django_db
def test_cards_show_place_online_and_registration_state(client, make_event, fixed_now):
    open_place = make_event(title="Open", registration_form=True, capacity=3)
    fill(open_place, 1)
    waiting = make_event(title="Wachtlijst", registration_form=True, capacity=1)
    fill(waiting, 1, waiting=1)
    closed_full = make_event(
        title="Volzet", registration_form=True, capacity=1, registration_deadline=NOW - timedelta(hours=1)
    )
    fill(closed_full, 1)
    online = make_event(title="Webinar", venue_name="", address="", online_url="https://meet.example/x")

    agenda = EventIndexPage.objects.get(locale__language_code="nl")
    html = client.get(agenda.url).content.decode()
    assert "Leuven" in card(html, "Open") and "wachtlijst" not in card(html, "Open")
    assert "wachtlijst" in card(html, "Wachtlijst")
    assert "volzet" in card(html, "Volzet")
    assert "online" in card(html, "Webinar")
    assert online.place_label == "online"


@pytest.mark.django_db
def test_card_states_cost_the_same_queries_for_one_or_many_events(client, make_event, fixed_now):
    agenda = EventIndexPage.objects.get(locale__language_code="nl")

    def queries():
        client.get(agenda.url)  # warm caches (site, menu)
        with CaptureQueriesContext(connection) as context:
            client.get(agenda.url)
        return len(context.captured_queries)

    fill(make_event(registration_form=True, capacity=1), 1)
    one = queries()
    for _ in range(5):
        fill(make_event(registration_form=True, capacity=1), 1, waiting=1)
    assert queries() == one
