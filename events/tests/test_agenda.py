"""Upcoming events soonest first, past ones latest first, split around a fixed "now"."""

from datetime import timedelta

import pytest

from events import agenda
from events.models import EventIndexPage, EventPage

from .conftest import NOW


@pytest.fixture
def agenda_events(make_event, fixed_now):
    hours = timedelta(hours=1)
    days = timedelta(days=1)
    return {
        "next_week": make_event(start=NOW + 7 * days),
        "tomorrow": make_event(start=NOW + days),
        # Started an hour ago and still going on: stays in the upcoming list until it ends.
        "in_progress": make_event(start=NOW - hours, end=NOW + 2 * hours),
        # A multi-day event that ends exactly now is not past yet.
        "ending_now": make_event(start=NOW - 2 * days, end=NOW),
        "yesterday": make_event(start=NOW - days),
        "last_month": make_event(start=NOW - 30 * days),
        "just_ended": make_event(start=NOW - 3 * hours, end=NOW - timedelta(minutes=1)),
    }


def ours(queryset, events):
    pks = {page.pk for page in events.values()}
    return [page.pk for page in queryset if page.pk in pks]


@pytest.mark.django_db
def test_upcoming_soonest_first_past_latest_first(agenda_events):
    index = EventIndexPage.objects.get(locale__language_code="nl")
    children = EventPage.objects.child_of(index).live()
    e = agenda_events
    assert ours(agenda.upcoming(children), e) == [
        e["ending_now"].pk,
        e["in_progress"].pk,
        e["tomorrow"].pk,
        e["next_week"].pk,
    ]
    assert ours(agenda.past(children), e) == [e["just_ended"].pk, e["yesterday"].pk, e["last_month"].pk]
    # Every demo event lies before the fixed clock (2040): none of them is upcoming.
    assert {page.pk for page in agenda.upcoming(children)} == {
        e[key].pk for key in ("ending_now", "in_progress", "tomorrow", "next_week")
    }


@pytest.mark.django_db
def test_the_split_follows_the_clock(agenda_events, fixed_now):
    tomorrow = agenda_events["tomorrow"]
    assert not tomorrow.is_past
    fixed_now(tomorrow.end + timedelta(seconds=1))
    assert tomorrow.is_past
    assert tomorrow.pk in {page.pk for page in agenda.past()}
    assert tomorrow.pk not in {page.pk for page in agenda.upcoming()}


@pytest.mark.django_db
def test_unpublished_events_are_not_listed(agenda_events):
    page = agenda_events["tomorrow"]
    page.unpublish()
    assert page.pk not in {p.pk for p in agenda.upcoming()}


@pytest.mark.django_db
def test_event_page_marks_a_past_event(client, agenda_events):
    html = client.get(agenda_events["yesterday"].url).content.decode()
    assert '<span class="badge">Voorbij</span>' in html
    html = client.get(agenda_events["tomorrow"].url).content.decode()
    assert '<span class="badge">Voorbij</span>' not in html
