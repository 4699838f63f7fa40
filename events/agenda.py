"""Which events are upcoming and which are past, in the agenda's order, by the events clock.

An event stays "upcoming" until it has ended, so a multi-day event in progress is still listed.
The iCalendar feed and the tests use these; the same rule holds for the agenda page.
"""

from django.conf import settings
from django.db.models import Count, Q

from . import clock
from .models import EventPage, Registration
from .registration import closed_reason


def upcoming(events=None, now=None):
    """Events not yet ended, soonest first."""
    events = EventPage.objects.live() if events is None else events
    return events.filter(end__gte=now or clock.now()).order_by("start", "title", "pk")


def past(events=None, now=None):
    """Events that have ended, most recent first."""
    events = EventPage.objects.live() if events is None else events
    return events.filter(end__lt=now or clock.now()).order_by("-start", "title", "pk")


def mark_places(pages):
    """Set ``card_places`` on each event page of a listing, in one query for all of them:
    "waiting" when it is full and one can still join the waiting list, "full" when it is full and
    registration is closed, None otherwise (no own form, no limit, places left, or past)."""
    events = [page for page in pages if isinstance(page, EventPage)]
    keys = {page.translation_key for page in events}
    sources = (
        EventPage.objects.filter(
            translation_key__in=keys,
            locale__language_code=settings.LANGUAGE_CODE,
            registration_form=True,
            capacity__isnull=False,
        ).annotate(
            confirmed=Count("registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED)),
            waiting=Count("registrations", filter=Q(registrations__status=Registration.Status.WAITING)),
        )
        if keys
        else []
    )
    full = {
        source.translation_key: source for source in sources if source.waiting or source.confirmed >= source.capacity
    }
    now = clock.now()
    for page in events:
        source = full.get(page.translation_key)
        if source is None or page.end < now:
            page.card_places = None
        else:
            page.card_places = "full" if closed_reason(source, now) else "waiting"
    return pages
