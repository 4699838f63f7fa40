"""schema.org Event JSON-LD on event pages: parsed back and checked against what Google requires."""

import json
import re
from datetime import datetime

import pytest

from events.jsonld import postal_address
from events.models import EventPage, EventStatus

from .conftest import BRUSSELS, translate_to_french

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    [text] = SCRIPT.findall(response.content.decode())
    return json.loads(text)


def assert_valid_event(data):
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    for key in ("name", "startDate", "endDate", "location", "eventStatus", "eventAttendanceMode", "organizer"):
        assert data[key], key
    start, end = datetime.fromisoformat(data["startDate"]), datetime.fromisoformat(data["endDate"])
    assert start.utcoffset() is not None and end.utcoffset() is not None
    assert start <= end
    assert data["eventStatus"].startswith("https://schema.org/Event")
    assert data["eventAttendanceMode"].startswith("https://schema.org/")
    locations = data["location"] if isinstance(data["location"], list) else [data["location"]]
    for location in locations:
        assert location["@type"] in {"Place", "VirtualLocation"}
        if location["@type"] == "Place":
            assert location["name"] and location["address"]["@type"] == "PostalAddress"
        else:
            assert location["url"].startswith("https://")
    assert data["organizer"]["@type"] == "Organization" and data["organizer"]["name"]
    assert data["url"].startswith("http")


@pytest.mark.django_db
def test_on_site_event_in_summer_and_winter(client, make_event):
    summer = make_event(
        start=datetime(2040, 6, 14, 13, 0, tzinfo=BRUSSELS), end=datetime(2040, 6, 14, 16, 0, tzinfo=BRUSSELS)
    )
    data = json_ld(client, summer)
    assert_valid_event(data)
    assert data["name"] == summer.title
    assert data["startDate"] == "2040-06-14T13:00:00+02:00"
    assert data["endDate"] == "2040-06-14T16:00:00+02:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"] == {
        "@type": "Place",
        "name": "Buurthuis De Linde",
        "address": {
            "@type": "PostalAddress",
            "addressCountry": "BE",
            "postalCode": "3000",
            "addressLocality": "Leuven",
            "streetAddress": "Lindestraat 5",
        },
    }
    assert data["organizer"] == {"@type": "Organization", "name": "Consortium Zorgzame Buurten"}
    assert data["inLanguage"] == "nl"

    winter = make_event(start=datetime(2040, 12, 4, 9, 30, tzinfo=BRUSSELS))
    assert json_ld(client, winter)["startDate"] == "2040-12-04T09:30:00+01:00"


@pytest.mark.django_db
def test_online_and_mixed_events(client, make_event):
    online = make_event(venue_name="", address="", online_url="https://example.org/webinar")
    data = json_ld(client, online)
    assert_valid_event(data)
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://example.org/webinar"}

    mixed = make_event(online_url="https://example.org/livestream")
    data = json_ld(client, mixed)
    assert_valid_event(data)
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [location["@type"] for location in data["location"]] == ["Place", "VirtualLocation"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "status,expected",
    [
        (EventStatus.CANCELLED, "https://schema.org/EventCancelled"),
        (EventStatus.POSTPONED, "https://schema.org/EventPostponed"),
    ],
)
def test_status_in_json_ld(client, make_event, status, expected):
    page = make_event(status=status)
    data = json_ld(client, page)
    assert_valid_event(data)
    assert data["eventStatus"] == expected


@pytest.mark.django_db
def test_french_page_has_french_json_ld(client, make_event):
    page = translate_to_french(make_event(), title="Atelier de test")
    data = json_ld(client, page)
    assert_valid_event(data)
    assert data["name"] == "Atelier de test" and data["inLanguage"] == "fr" and "/fr/" in data["url"]


@pytest.mark.django_db
def test_text_cannot_break_out_of_the_script(client, make_event):
    page = make_event(title="Avond </script><script>alert(1)</script> & meer", intro="<b>vet</b>")
    html = client.get(page.url).content.decode()
    [text] = SCRIPT.findall(html)
    assert "<script>alert(1)" not in text
    assert json.loads(text)["name"] == "Avond </script><script>alert(1)</script> & meer"


@pytest.mark.django_db
def test_every_demo_event_has_valid_json_ld(client):
    for page in EventPage.objects.live():
        assert_valid_event(json_ld(client, page))


@pytest.mark.parametrize(
    "text,expected",
    [
        ("3000 Leuven", {"postalCode": "3000", "addressLocality": "Leuven"}),
        (
            "Koningin Elisabethlei 22, 2018 Antwerpen",
            {"streetAddress": "Koningin Elisabethlei 22", "postalCode": "2018", "addressLocality": "Antwerpen"},
        ),
        ("Ergens in het Pajottenland", {"streetAddress": "Ergens in het Pajottenland"}),
    ],
)
def test_postal_address(text, expected):
    assert postal_address(text) == {"@type": "PostalAddress", "addressCountry": "BE", **expected}
