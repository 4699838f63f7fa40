"""Signing up with the site's own form: request, confirmation, cancellation and the one-lock rule.

A sign-up is first a *request* that holds no place (double opt-in): only when the registrant
uses the link mailed to them (events/tokens.py) does it take a place or a spot on the waiting
list, in the order of confirmation. A request that is not confirmed in time expires, is purged,
and never blocks the address: signing up again simply renews it.

Every decision that depends on how many people already signed up is taken while holding a row
lock on the event (in the source language, which all translations share), so two people who
submit at the same moment for the last place are served one after the other: one gets the
place, the other the waiting list, and nobody is lost or stored twice.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from . import clock, conf, emails, lookup
from .waiting_list import cards_changed, has_free_place, locked_event, place_counts, promote

logger = logging.getLogger(__name__)


class RegistrationClosed(Exception):
    """Signing up is not possible (cancelled, postponed, past, deadline, no form); str() says why."""


class AlreadyRegistered(Exception):
    """This e-mail address already has a place or a waiting-list spot (``.registration``)."""

    def __init__(self, registration=None):
        super().__init__()
        self.registration = registration


def closed_reason(event, now=None):
    """Why ``event`` takes no registrations through the site's form now, in the active language;
    None when it does."""
    if not event.registration_form:
        return _("Voor deze activiteit kan je je niet via deze website inschrijven.")
    return schedule_reason(event, now)


def schedule_reason(event, now=None):
    """Why signing up for ``event`` is over, whatever the way (the site's form or an editor's
    link): cancelled, postponed, past or past the deadline. None while signing up is open."""
    now = now or clock.now()
    if event.is_cancelled:
        return _("Deze activiteit is geannuleerd. Inschrijven kan niet meer.")
    if event.is_postponed:
        return _("Deze activiteit is uitgesteld. Inschrijven kan weer zodra er een nieuwe datum is.")
    if now >= event.end:
        return _("Deze activiteit is voorbij. Inschrijven kan niet meer.")
    if now >= event.registration_closes_at:
        return _("De inschrijvingen zijn afgesloten.")
    return None


@dataclass(frozen=True)
class Availability:
    """What the event page tells a visitor about signing up."""

    reason: str | None
    capacity: int | None
    confirmed: int
    waiting: int
    closes_at: object

    @property
    def open(self):
        return self.reason is None

    @property
    def places_left(self):
        """Free places for a newcomer: none while anyone is waiting (they come first)."""
        if self.capacity is None:
            return None
        return 0 if self.waiting else max(self.capacity - self.confirmed, 0)

    @property
    def full(self):
        return self.capacity is not None and self.places_left == 0


def availability(page, now=None):
    event = page.source_event()
    confirmed, waiting = place_counts(event)
    return Availability(closed_reason(event, now), event.capacity, confirmed, waiting, event.registration_closes_at)


def request_expired(registration, now=None):
    """An unconfirmed request older than ``EVENTS_CONFIRMATION_HOURS``: it can no longer be confirmed."""
    Registration = lookup.registration_model()
    deadline = registration.created_at + timedelta(hours=conf.confirmation_hours())
    return registration.status == Registration.Status.REQUESTED and (now or clock.now()) >= deadline


def request_registration(page, *, name, email, organisation, remarks=""):
    """Store a request for ``page`` (any language) and mail the confirmation link after commit.

    An earlier unconfirmed or cancelled row of the same address is renewed, so nobody can block
    an address by signing it up first. Raises RegistrationClosed, or AlreadyRegistered when the
    address already holds a place or a waiting-list spot; the database is unchanged in both cases.
    """
    Registration = lookup.registration_model()
    source_pk = page.source_event().pk
    with transaction.atomic():
        # The lock: a second submission for the same event waits here until the first commits.
        event = locked_event(source_pk)
        now = clock.now()
        reason = closed_reason(event, now)
        if reason:
            raise RegistrationClosed(reason)
        existing = event.registrations.filter(email=email).first()
        if existing and existing.status in (Registration.Status.CONFIRMED, Registration.Status.WAITING):
            raise AlreadyRegistered(existing)
        registration = existing or Registration(event=event, email=email)
        registration.name, registration.organisation, registration.remarks = name, organisation, remarks
        registration.status = Registration.Status.REQUESTED
        registration.language = page.locale.language_code
        registration.created_at = registration.consent_at = now
        registration.confirmed_at = registration.cancelled_at = registration.reminded_at = None
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError:
            # The unique constraint is the last line of defence (e.g. an editor added the same
            # address in the admin meanwhile).
            raise AlreadyRegistered from None
        transaction.on_commit(lambda: emails.send_request(registration))
    return registration


def confirm(registration):
    """The registrant used the confirmation link: a place if one is free, else the waiting list.

    Confirming twice changes nothing. Raises RegistrationClosed when the event no longer takes
    registrations (the request then stays unconfirmed and expires).
    """
    Registration = lookup.registration_model()
    with transaction.atomic():
        event = locked_event(registration.event_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != Registration.Status.REQUESTED:
            return registration
        reason = closed_reason(event)
        if reason:
            raise RegistrationClosed(reason)
        free = has_free_place(event)
        registration.status = Registration.Status.CONFIRMED if free else Registration.Status.WAITING
        registration.confirmed_at = clock.now()
        registration.save(update_fields=["status", "confirmed_at"])
        transaction.on_commit(lambda: emails.send_confirmation(registration))
        cards_changed()
    return registration


def cancel(registration):
    """The registrant gives up their place or waiting-list spot; the first waiting moves up.

    Returns the registration (unchanged if it was already cancelled).
    """
    Registration = lookup.registration_model()
    with transaction.atomic():
        event = locked_event(registration.event_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == Registration.Status.CANCELLED:
            return registration
        # update(): the change is complete here, the signal for editors' edits need not react.
        registration.status, registration.cancelled_at = Registration.Status.CANCELLED, clock.now()
        Registration.objects.filter(pk=registration.pk).update(
            status=registration.status, cancelled_at=registration.cancelled_at
        )
        promote(event.pk)
        cards_changed()
    return registration


def waiting_position(registration):
    """1 for the first person on the waiting list (in the order of ``waiting_order``)."""
    Registration = lookup.registration_model()
    moment = registration.confirmed_at
    ahead = Q(confirmed_at__lt=moment) | Q(confirmed_at=moment, pk__lte=registration.pk)
    return Registration.objects.filter(
        ahead, event_id=registration.event_id, status=Registration.Status.WAITING
    ).count()
