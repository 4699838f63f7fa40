"""The agenda feed supports every facet the events kind declares in the search registry, and the
agenda's feed link carries every active filter (it used to drop the target group)."""

import html
import re

import pytest
from icalendar import Calendar

from events.feed import feed_facets
from search import registry
from taxonomy.models import TargetGroup

from .conftest import publish
from .test_ical import uid


def feed_uids(client, query):
    return {
        str(event["UID"]) for event in Calendar.from_ical(client.get(f"/nl/agenda.ics{query}").content).walk("VEVENT")
    }


def test_the_feed_supports_the_facets_the_events_kind_declares():
    assert [facet.key for facet in feed_facets()] == [facet.key for facet in registry.get_kind("event").facets]
    assert {"region", "focus", "target_group", "connection", "attendance", "month"} <= {
        facet.key for facet in feed_facets()
    }


@pytest.mark.django_db
def test_the_feed_filters_on_target_group_and_attendance(client, make_event, fixed_now):
    elders = TargetGroup.objects.get(slug="ouderen", locale__language_code="nl")
    for_elders = make_event()
    for_elders.target_groups.set([elders])
    for_elders = publish(for_elders)
    online = make_event(venue_name="", address="", online_url="https://meet.example/x")
    ours = {uid(for_elders), uid(online)}
    assert feed_uids(client, "?target_group=ouderen") & ours == {uid(for_elders)}
    assert feed_uids(client, "?attendance=online") & ours == {uid(online)}
    assert feed_uids(client, "?target_group=ouderen&attendance=online") & ours == set()
    assert client.get("/nl/agenda.ics?target_group=bestaat-niet").status_code == 404


@pytest.mark.django_db
def test_the_agenda_feed_link_carries_every_active_filter(client, make_event, fixed_now):
    query = "region=limburg&target_group=ouderen&focus=sociale-cohesie&attendance=online&q=buurt&page=2"
    page = client.get(f"/nl/agenda/?{query}").content.decode()
    feed = html.unescape(re.search(r'<a href="(http[^"]*agenda\.ics[^"]*)"', page).group(1))
    for pair in ("target_group=ouderen", "region=limburg", "focus=sociale-cohesie", "attendance=online"):
        assert pair in feed
    assert "q=" not in feed and "page=" not in feed
