"""The one place the events app asks for the current time, so tests can fix the clock.

Listings, "is this event past?", registration deadlines and the purge of old registrations all
depend on "now"; patching ``events.clock.now`` makes them deterministic without mocking them.
"""

from django.utils import timezone


def now():
    return timezone.now()
