"""iCalendar (RFC 5545) for one event and for the agenda feed, as calendar apps expect it.

- Times are written in Europe/Brussels with a compact VTIMEZONE (the EU rule since 1996: summer
  time from the last Sunday of March to the last Sunday of October), the form Google, Outlook
  and Apple themselves publish; Outlook needs the VTIMEZONE, the others use the TZID.
- UID = the page's translation_key + language: stable when the title, slug or date change.
- LAST-MODIFIED and DTSTAMP are the last publication; SEQUENCE grows with every publication,
  so subscribed calendars replace their copy when an editor changes or cancels an event.
- Cancelled events stay in the feed with STATUS:CANCELLED (and say so in their title, because
  some apps show cancelled entries as if nothing happened).
"""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vDuration, vText

from common.urls import page_url

from .formatting import format_event_when
from .status import EventStatus

TZID = "Europe/Brussels"
BRUSSELS = ZoneInfo(TZID)
PRODID = "-//Zorgzame Buurten//Agenda//NL"
UID_DOMAIN = "zorgzamebuurten.be"
# SEQUENCE counts seconds since this moment: it only grows, and stays within 32 bits until 2092.
SEQUENCE_EPOCH = datetime(2024, 1, 1, tzinfo=UTC)
REFRESH = timedelta(hours=12)

STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.CANCELLED: "CANCELLED",
    EventStatus.POSTPONED: "TENTATIVE",
}


def brussels_timezone():
    """The VTIMEZONE for Europe/Brussels, valid for every date since 1996."""
    daylight = TimezoneDaylight()
    daylight.add("tzname", "CEST")
    daylight.add("tzoffsetfrom", timedelta(hours=1))
    daylight.add("tzoffsetto", timedelta(hours=2))
    daylight.add("dtstart", datetime(1970, 3, 29, 2, 0))
    daylight.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    standard = TimezoneStandard()
    standard.add("tzname", "CET")
    standard.add("tzoffsetfrom", timedelta(hours=2))
    standard.add("tzoffsetto", timedelta(hours=1))
    standard.add("dtstart", datetime(1970, 10, 25, 3, 0))
    standard.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    zone = Timezone()
    zone.add("tzid", TZID)
    zone.add("x-lic-location", TZID)
    zone.add_component(daylight)
    zone.add_component(standard)
    return zone


def event_uid(page):
    return f"{page.translation_key}-{page.locale.language_code}@{UID_DOMAIN}"


def last_modified(page):
    moment = page.last_published_at or page.latest_revision_created_at or page.first_published_at
    return (moment or SEQUENCE_EPOCH).astimezone(UTC).replace(microsecond=0)


def sequence(page):
    return max(int((last_modified(page) - SEQUENCE_EPOCH).total_seconds()), 0)


def _local(moment):
    return timezone.localtime(moment, BRUSSELS).replace(microsecond=0)


def _location(page):
    parts = [part for part in (page.venue_name, page.address) if part]
    if page.online_url:
        parts.append(page.online_url)
    return ", ".join(parts)


def _summary(page):
    if page.status == EventStatus.CANCELLED:
        return _("Geannuleerd: %(title)s") % {"title": page.title}
    if page.status == EventStatus.POSTPONED:
        return _("Uitgesteld: %(title)s") % {"title": page.title}
    return page.title


def _description(page, url):
    lines = []
    if page.status != EventStatus.SCHEDULED:
        lines.append(page.get_status_display().capitalize() + (f". {page.status_note}" if page.status_note else "."))
    lines += [page.intro, format_event_when(page.start, page.end)]
    lines.append(_("Organisator: %(name)s") % {"name": page.organiser})
    if url:
        lines.append(url)
    return "\n\n".join(line for line in lines if line)


def vevent(page, request=None):
    """One VEVENT in the page's own language."""
    with translation.override(page.locale.language_code):
        url = page_url(page, request)
        modified = last_modified(page)
        event = Event()
        event.add("uid", event_uid(page))
        event.add("dtstamp", modified)
        event.add("last-modified", modified)
        if page.first_published_at:
            event.add("created", page.first_published_at.astimezone(UTC).replace(microsecond=0))
        event.add("sequence", sequence(page))
        event.add("dtstart", _local(page.start))
        event.add("dtend", _local(page.end))
        event.add("summary", _summary(page))
        event.add("description", _description(page, url))
        if location := _location(page):
            event.add("location", location)
        if url:
            event.add("url", url)
        event.add("status", STATUS.get(page.status, "CONFIRMED"))
        event.add("transp", "TRANSPARENT" if page.status == EventStatus.CANCELLED else "OPAQUE")
        return event


def calendar(pages, name, request=None, description=""):
    """A VCALENDAR holding ``pages``; ``name`` is what a subscribed calendar is called."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name)
    cal.add("x-wr-calname", vText(name))
    cal.add("x-wr-timezone", TZID)
    if description:
        cal.add("description", description)
        cal.add("x-wr-caldesc", vText(description))
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(REFRESH))
    cal.add_component(brussels_timezone())
    for page in pages:
        cal.add_component(vevent(page, request))
    return cal
