"""The .ics download and the agenda feed, read back with the icalendar parser."""

import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from events.ical import TZID
from events.models import EventStatus
from taxonomy.models import Focus, Region

from .conftest import BRUSSELS, NOW, publish, translate_to_french


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    cal = Calendar.from_ical(response.content)
    cal.validate()
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    return cal


def events_by_uid(cal):
    return {str(event["UID"]): event for event in cal.events}


def uid(page, language="nl"):
    return f"{page.translation_key}-{language}@zorgzamebuurten.be"


@pytest.mark.django_db
def test_event_ics_download(client, make_event, fixed_now):
    # Across the switch to summer time: 29 March 2025 09:30 CET to 30 March 16:00 CEST.
    page = make_event(
        start=datetime(2025, 3, 29, 9, 30, tzinfo=BRUSSELS),
        end=datetime(2025, 3, 30, 16, 0, tzinfo=BRUSSELS),
        online_url="https://example.org/sessie",
    )
    response = client.get(f"/nl/agenda/{page.slug}.ics")
    assert response["Content-Disposition"] == f'attachment; filename="{page.slug}.ics"'
    # RFC 5545: every line ends in CRLF and is folded at 75 octets.
    assert response.content.count(b"\n") == response.content.count(b"\r\n")
    assert max(len(line) for line in response.content.split(b"\r\n")) <= 75
    cal = parse(response)
    [event] = cal.events
    assert str(event["UID"]) == uid(page)
    assert str(event["SUMMARY"]) == page.title
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["URL"]) == page.get_full_url()
    assert str(event["LOCATION"]) == "Buurthuis De Linde, Lindestraat 5, 3000 Leuven, https://example.org/sessie"
    assert "zaterdag 29 maart 2025, 9.30 uur – zondag 30 maart 2025, 16.00 uur" in str(event["DESCRIPTION"])
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert event["DTSTART"].params["TZID"] == TZID == event["DTEND"].params["TZID"]
    assert (start.hour, start.minute, end.hour, end.minute) == (9, 30, 16, 0)
    assert start.astimezone(UTC) == datetime(2025, 3, 29, 8, 30, tzinfo=UTC)
    assert end.astimezone(UTC) == datetime(2025, 3, 30, 14, 0, tzinfo=UTC)
    for required in ("DTSTAMP", "LAST-MODIFIED", "SEQUENCE"):
        assert required in event


@pytest.mark.django_db
def test_vtimezone_matches_brussels_time_on_every_day(client, make_event):
    """Apps that do not know the TZID (Outlook) compute times from the VTIMEZONE alone."""
    page = make_event()
    cal = parse(client.get(f"/nl/agenda/{page.slug}.ics"))
    [vtimezone] = cal.timezones
    assert str(vtimezone["TZID"]) == TZID
    from_vtimezone = vtimezone.to_tz(lookup_tzid=False)
    brussels = ZoneInfo(TZID)
    day = datetime(2000, 1, 1)
    while day < datetime(2045, 1, 1):
        for hour in (1, 4, 12):  # around the 02:00/03:00 switches and the middle of the day
            moment = day.replace(hour=hour)
            assert moment.replace(tzinfo=from_vtimezone).utcoffset() == moment.replace(tzinfo=brussels).utcoffset(), (
                moment
            )
        day += timedelta(days=1)


@pytest.mark.django_db
def test_uid_is_stable_and_sequence_grows_when_the_event_changes(client, make_event):
    page = make_event()
    first = events_by_uid(parse(client.get(f"/nl/agenda/{page.slug}.ics")))[uid(page)]

    time.sleep(1.1)  # LAST-MODIFIED has whole seconds: a calendar needs a later one to update
    page.title = "Een nieuwe titel"
    page.slug = "een-nieuwe-titel"
    page.start += timedelta(hours=1)
    page.end += timedelta(hours=1)
    page = publish(page)
    second = events_by_uid(parse(client.get(f"/nl/agenda/{page.slug}.ics")))[uid(page)]

    assert str(second["SUMMARY"]) == "Een nieuwe titel"
    assert second["SEQUENCE"] > first["SEQUENCE"]
    assert second.decoded("LAST-MODIFIED") > first.decoded("LAST-MODIFIED")
    assert second.decoded("DTSTART") == first.decoded("DTSTART") + timedelta(hours=1)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "status,ical_status,prefix",
    [(EventStatus.CANCELLED, "CANCELLED", "Geannuleerd: "), (EventStatus.POSTPONED, "TENTATIVE", "Uitgesteld: ")],
)
def test_cancelled_or_postponed_event_in_ics(client, make_event, status, ical_status, prefix):
    page = make_event(status=status, status_note="Een nieuwe datum volgt.")
    [event] = parse(client.get(f"/nl/agenda/{page.slug}.ics")).events
    assert str(event["STATUS"]) == ical_status
    assert str(event["SUMMARY"]) == prefix + page.title
    assert "Een nieuwe datum volgt." in str(event["DESCRIPTION"])


@pytest.mark.django_db
def test_french_ics_is_in_french_with_its_own_uid(client, make_event):
    page = make_event(start=datetime(2040, 6, 14, 13, 0, tzinfo=BRUSSELS))
    french = translate_to_french(page, title="Atelier de test")
    [event] = parse(client.get(f"/fr/agenda/{french.slug}.ics")).events
    assert str(event["UID"]) == uid(page, "fr") != uid(page)
    assert str(event["SUMMARY"]) == "Atelier de test"
    assert "jeudi 14 juin 2040, 13 h 00 – 16 h 00" in str(event["DESCRIPTION"])
    assert str(event["URL"]).startswith("http") and "/fr/" in str(event["URL"])


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/nl/agenda/bestaat-niet.ics", "/fr/agenda/bestaat-niet.ics"])
def test_unknown_event_ics_is_404(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.django_db
def test_unpublished_event_has_no_ics(client, make_event):
    page = make_event()
    page.unpublish()
    assert client.get(f"/nl/agenda/{page.slug}.ics").status_code == 404


@pytest.mark.django_db
def test_agenda_feed_holds_every_live_event_of_its_language(client, make_event, fixed_now):
    upcoming = make_event()
    cancelled = make_event(status=EventStatus.CANCELLED)
    recent = make_event(start=NOW - timedelta(days=20))
    too_old = make_event(start=NOW - timedelta(days=400))
    hidden = make_event()
    hidden.unpublish()
    french = translate_to_french(upcoming)

    cal = parse(client.get("/nl/agenda.ics"))
    assert "Agenda" in str(cal["X-WR-CALNAME"]) and str(cal["X-WR-TIMEZONE"]) == TZID
    assert len(cal.timezones) == 1
    events = events_by_uid(cal)
    assert uid(upcoming) in events and uid(recent) in events
    assert str(events[uid(cancelled)]["STATUS"]) == "CANCELLED"
    assert uid(too_old) not in events and uid(hidden) not in events
    assert all(uid.endswith("-nl@zorgzamebuurten.be") for uid in events)
    starts = [event.decoded("DTSTART") for event in cal.events]
    assert starts == sorted(starts)

    french_events = events_by_uid(parse(client.get("/fr/agenda.ics")))
    assert str(french_events[uid(french, "fr")]["SUMMARY"]) == french.title
    assert uid(upcoming) not in french_events


@pytest.mark.django_db
def test_agenda_feed_filtered_by_region_and_focus(client, make_event, fixed_now):
    limburg = Region.objects.get(slug="limburg", locale__language_code="nl")
    brussel = Region.objects.get(slug="brussel", locale__language_code="nl")
    cohesion = Focus.objects.get(slug="sociale-cohesie", locale__language_code="nl")
    in_limburg = make_event(region=limburg)
    in_limburg_with_focus = make_event(region=limburg)
    in_limburg_with_focus.focus.set([cohesion])
    in_limburg_with_focus = publish(in_limburg_with_focus)
    in_brussels = make_event(region=brussel)
    french = translate_to_french(in_limburg)

    ours = {
        uid(page, language) for page in (in_limburg, in_limburg_with_focus, in_brussels) for language in ["nl", "fr"]
    }

    def uids(query, language="nl"):
        return set(events_by_uid(parse(client.get(f"/{language}/agenda.ics{query}")))) & ours

    assert uids("?region=limburg") == {uid(in_limburg), uid(in_limburg_with_focus)}
    assert uids("?region=limburg&region=brussel") == {uid(in_limburg), uid(in_limburg_with_focus), uid(in_brussels)}
    assert uids("?focus=sociale-cohesie") == {uid(in_limburg_with_focus)}
    assert uids("?region=limburg&focus=sociale-cohesie") == {uid(in_limburg_with_focus)}
    assert uids("?region=brussel&focus=sociale-cohesie") == set()
    assert uids("?region=limburg", "fr") == {uid(in_limburg, "fr")}
    assert french.region_id == limburg.pk
    # The calendar's name says what it holds, in the feed's language.
    assert "Limburg" in str(parse(client.get("/nl/agenda.ics?region=limburg"))["X-WR-CALNAME"])


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["?region=nergens", "?focus=bestaat-niet", "?region=limburg&focus=x", "?region=%3Cscript%3E"]
)
def test_unknown_filter_is_404_not_an_error(client, query):
    assert client.get(f"/nl/agenda.ics{query}").status_code == 404


@pytest.mark.django_db
def test_empty_filter_values_are_ignored(client):
    assert client.get("/nl/agenda.ics?region=&focus=").status_code == 200


@pytest.mark.django_db
def test_feed_refuses_post(client):
    assert client.post("/nl/agenda.ics").status_code == 405
