"""Which events are upcoming and which are past, in the agenda's order, by the events clock.

The one rule: an event is past once it has ended, so a multi-day event in progress is still
upcoming. ``ended`` says it for a query and ``has_ended`` for one event (``EventPage.is_past``);
the agenda page, the event page, the iCalendar feed and the tests use these. This module takes
the events it is given (or finds the model through the app registry), so the models can use it.
"""

from django.apps import apps
from django.db.models import Q

from . import clock


def ended(now=None):
    """The events that have ended by ``now``, as a query condition."""
    return Q(end__lt=now or clock.now())


def has_ended(event, now=None):
    """Whether ``event`` has ended by ``now``: the same rule as ``ended`` for one event."""
    return event.end < (now or clock.now())


def _live_events():
    return apps.get_model("events", "EventPage").objects.live()


def upcoming(events=None, now=None):
    """Events not yet ended, soonest first."""
    events = _live_events() if events is None else events
    return events.filter(~ended(now)).order_by("start", "title", "pk")


def past(events=None, now=None):
    """Events that have ended, most recent first."""
    events = _live_events() if events is None else events
    return events.filter(ended(now)).order_by("-start", "title", "pk")
