"""schema.org ``Event`` for an event page, so search engines can show date, place and status.

Follows Google's event structured data: ISO 8601 dates with the Brussels offset, eventStatus,
eventAttendanceMode, a Place with a PostalAddress and/or a VirtualLocation, the organiser.
"""

import re
from urllib.parse import urljoin

from django.utils import timezone
from wagtail.images.models import SourceImageIOError

from common.urls import page_url

from .models import EventStatus

SCHEMA = "https://schema.org/"
EVENT_STATUS = {
    EventStatus.SCHEDULED: SCHEMA + "EventScheduled",
    EventStatus.CANCELLED: SCHEMA + "EventCancelled",
    EventStatus.POSTPONED: SCHEMA + "EventPostponed",
}
# "Straat 1, 3000 Leuven" -> street "Straat 1", postcode "3000", locality "Leuven".
_POSTCODE_LOCALITY = re.compile(r"^(?:B-?)?(?P<postcode>\d{4})\s+(?P<locality>.+)$")


def postal_address(text):
    address = {"@type": "PostalAddress", "addressCountry": "BE"}
    parts = [part.strip() for part in text.split(",") if part.strip()]
    match = _POSTCODE_LOCALITY.match(parts[-1]) if parts else None
    if match:
        address["postalCode"] = match["postcode"]
        address["addressLocality"] = match["locality"]
        parts = parts[:-1]
    if parts:
        address["streetAddress"] = ", ".join(parts)
    return address


def attendance_mode(page):
    on_site = bool(page.venue_name or page.address)
    if on_site and page.online_url:
        return SCHEMA + "MixedEventAttendanceMode"
    if page.online_url:
        return SCHEMA + "OnlineEventAttendanceMode"
    return SCHEMA + "OfflineEventAttendanceMode"


def locations(page):
    places = []
    if page.venue_name or page.address:
        place = {"@type": "Place", "name": page.venue_name or page.address}
        place["address"] = postal_address(page.address or page.venue_name)
        places.append(place)
    if page.online_url:
        places.append({"@type": "VirtualLocation", "url": page.online_url})
    return places[0] if len(places) == 1 else places


def event_data(page, request=None):
    url = page_url(page, request)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.intro,
        "url": url,
        "inLanguage": page.locale.language_code,
        "startDate": timezone.localtime(page.start).isoformat(),
        "endDate": timezone.localtime(page.end).isoformat(),
        "eventStatus": EVENT_STATUS.get(page.status, EVENT_STATUS[EventStatus.SCHEDULED]),
        "eventAttendanceMode": attendance_mode(page),
        "location": locations(page),
        "organizer": {"@type": "Organization", "name": page.organiser},
    }
    if page.image:
        try:
            rendition = page.image.get_rendition("fill-960x540")
        except (SourceImageIOError, OSError):
            rendition = None  # a missing file costs the picture, not the page
        if rendition is not None:
            data["image"] = [urljoin(url or "", rendition.url)]
    return data
