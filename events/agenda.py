"""Which events are upcoming and which are past, in the agenda's order, by the events clock.

The one rule: an event is past once it has ended, so a multi-day event in progress is still
upcoming. ``ended`` says it for a query and ``has_ended`` for one event (``EventPage.is_past``);
the agenda page, the event page, the iCalendar feed and the tests use these. This module takes
the events it is given (or finds the model through the app registry), so the models can use it.
"""

from django.conf import settings
from django.db.models import Count, Q

from . import clock, lookup
from .registration import closed_reason


def ended(now=None):
    """The events that have ended by ``now``, as a query condition."""
    return Q(end__lt=now or clock.now())


def has_ended(event, now=None):
    """Whether ``event`` has ended by ``now``: the same rule as ``ended`` for one event."""
    return event.end < (now or clock.now())


def _live_events():
    return lookup.event_model().objects.live()


def upcoming(events=None, now=None):
    """Events not yet ended, soonest first."""
    events = _live_events() if events is None else events
    return events.filter(~ended(now)).order_by("start", "title", "pk")


def past(events=None, now=None):
    """Events that have ended, most recent first."""
    events = _live_events() if events is None else events
    return events.filter(ended(now)).order_by("-start", "title", "pk")


def mark_places(pages):
    """Set ``card_places`` on each event page of a listing, in one query for all of them:
    "waiting" when it is full and one can still join the waiting list, "full" when it is full and
    registration is closed, None otherwise (no own form, no limit, places left, or past)."""
    event_model, registration_model = lookup.event_model(), lookup.registration_model()
    events = [page for page in pages if isinstance(page, event_model)]
    keys = {page.translation_key for page in events}
    status = registration_model.Status
    sources = (
        event_model.objects.filter(
            translation_key__in=keys,
            locale__language_code=settings.LANGUAGE_CODE,
            registration_form=True,
            capacity__isnull=False,
        ).annotate(
            confirmed=Count("registrations", filter=Q(registrations__status=status.CONFIRMED)),
            waiting=Count("registrations", filter=Q(registrations__status=status.WAITING)),
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
        if source is None or has_ended(page, now):
            page.card_places = None
        else:
            page.card_places = "full" if closed_reason(source, now) else "waiting"
    return pages
