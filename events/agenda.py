"""Which events are upcoming and which are past, in the agenda's order, by the events clock.

An event stays "upcoming" until it has ended, so a multi-day event in progress is still listed.
The iCalendar feed and the tests use these; the same rule holds for the agenda page.
"""

from . import clock
from .models import EventPage


def upcoming(events=None, now=None):
    """Events not yet ended, soonest first."""
    events = EventPage.objects.live() if events is None else events
    return events.filter(end__gte=now or clock.now()).order_by("start", "title", "pk")


def past(events=None, now=None):
    """Events that have ended, most recent first."""
    events = EventPage.objects.live() if events is None else events
    return events.filter(end__lt=now or clock.now()).order_by("-start", "title", "pk")
