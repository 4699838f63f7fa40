"""The one rule for freed places: the first on the waiting list moves up, never a newcomer.

Every path that can free a place or add places calls ``promote``: a registrant cancelling
(registration.cancel), an editor deleting a registration or setting it to cancelled/waiting, a
deletion in code (signals.py), and an editor raising the capacity (the page's publish, also in
signals.py). It runs in one transaction holding the event's row lock, the same lock sign-ups
take, so a place can never be given twice.
"""

from django.db import transaction
from django.db.models import Count, Q

from operations import caching

from . import clock, emails, lookup


def locked_event(event_id):
    """The source event, row-locked until the surrounding transaction ends; None when it is gone."""
    return lookup.event_model().objects.select_for_update(of=("self",)).filter(pk=event_id).first()


def place_counts(event):
    """(confirmed, waiting) for the source ``event``; requests and cancellations hold no place."""
    status = event.registrations.model.Status
    counts = event.registrations.aggregate(
        confirmed=Count("pk", filter=Q(status=status.CONFIRMED)),
        waiting=Count("pk", filter=Q(status=status.WAITING)),
    )
    return counts["confirmed"], counts["waiting"]


def has_free_place(event):
    """A newcomer gets a place only when one is free and nobody is waiting for it."""
    if event.capacity is None:
        return True
    confirmed, waiting = place_counts(event)
    return confirmed < event.capacity and not waiting


def waiting_order():
    """Order of the waiting list: who confirmed first (then who was stored first)."""
    return ("confirmed_at", "pk")


def cards_changed():
    """Places changed: agenda cards ("volzet", "wachtlijst") must not come from the page cache."""
    transaction.on_commit(caching.invalidate)


def _may_promote(event):
    # Nobody is promoted into an event that has begun, is cancelled or postponed.
    return not (event.is_cancelled or event.is_postponed) and clock.now() < event.start


def promote(event_id):
    """Give every free place of the event to the first on its waiting list, mail each after commit.

    Returns the registrations that moved up. Safe to call any time: without a free place it does nothing.
    """
    Registration = lookup.registration_model()
    with transaction.atomic():
        event = locked_event(event_id)
        if event is None or not _may_promote(event):
            return []
        waiting = event.registrations.filter(status=Registration.Status.WAITING).order_by(*waiting_order())
        if event.capacity is not None:
            confirmed, _ = place_counts(event)
            waiting = waiting[: max(event.capacity - confirmed, 0)]
        moved = list(waiting)
        if not moved:
            return []
        # update(), not save(): the signal for edited registrations must not call back in here.
        Registration.objects.filter(pk__in=[r.pk for r in moved]).update(status=Registration.Status.CONFIRMED)
        for registration in moved:
            registration.status = Registration.Status.CONFIRMED
            transaction.on_commit(lambda registration=registration: emails.send_promotion(registration))
        cards_changed()
    return moved
