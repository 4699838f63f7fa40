"""The reminder the day before an event, for people with a confirmed place.

"The day before" in Belgian time: a daily run mails everyone confirmed for an event that starts
tomorrow (or later today, should a run have been missed). Each registration is claimed by setting
``reminded_at`` in one conditional UPDATE before its mail goes out, so running the command twice,
or twice at once, sends each reminder once.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from . import clock, emails
from .models import EventStatus, Registration


def _end_of_tomorrow(now):
    local = timezone.localtime(now)
    day_after = local.date() + timedelta(days=2)
    return datetime.combine(day_after, time.min, tzinfo=local.tzinfo)


def due(now=None):
    """Confirmed, not yet reminded registrations for scheduled events starting before tomorrow ends."""
    now = now or clock.now()
    return Registration.objects.filter(
        status=Registration.Status.CONFIRMED,
        reminded_at__isnull=True,
        event__status=EventStatus.SCHEDULED,
        event__start__gt=now,
        event__start__lt=_end_of_tomorrow(now),
    ).select_related("event", "event__locale")


def send_reminders(now=None):
    """Mail every due reminder once; returns how many were sent."""
    now = now or clock.now()
    sent = 0
    for registration in due(now):
        claimed = Registration.objects.filter(pk=registration.pk, reminded_at__isnull=True).update(reminded_at=now)
        if claimed and emails.send_reminder(registration):
            sent += 1
        elif claimed:
            # The mail failed: release the claim so that tomorrow's (or a repeated) run tries again.
            Registration.objects.filter(pk=registration.pk).update(reminded_at=None)
    return sent
