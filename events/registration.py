"""Signing up with the site's own form: places, waiting list, deadline and the one-lock rule.

Every decision that depends on how many people already signed up is taken while holding a row
lock on the event (in the source language, which all translations share), so two people who
submit at the same moment for the last place are served one after the other: one gets the
place, the other the waiting list, and nobody is lost or stored twice.

The event page model calls into this module (its context and its POST), so this module takes
the page and its registrations from the objects it is given and never imports events.models.
"""

import logging
from dataclasses import dataclass

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from common.urls import page_url

from . import clock
from .formatting import format_event_when

logger = logging.getLogger(__name__)


class RegistrationClosed(Exception):
    """Signing up is not possible (cancelled, postponed, past, deadline, no form); str() says why."""


class AlreadyRegistered(Exception):
    """This e-mail address is already on the list for this event."""


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
        return None if self.capacity is None else max(self.capacity - self.confirmed, 0)

    @property
    def full(self):
        return self.capacity is not None and self.confirmed >= self.capacity


def availability(page, now=None):
    event = page.source_event()
    status = event.registrations.model.Status
    counts = {status.CONFIRMED: 0, status.WAITING: 0}
    for value in event.registrations.values_list("status", flat=True):
        counts[value] += 1
    return Availability(
        closed_reason(event, now),
        event.capacity,
        counts[status.CONFIRMED],
        counts[status.WAITING],
        event.registration_closes_at,
    )


def register(page, *, name, email, organisation, remarks=""):
    """Store a registration for ``page`` (any language) and mail a confirmation after commit.

    Raises RegistrationClosed or AlreadyRegistered; the database is unchanged in both cases.
    """
    source_pk = page.source_event().pk
    with transaction.atomic():
        # The lock: a second submission for the same event waits here until the first commits.
        event = type(page).objects.select_for_update(of=("self",)).get(pk=source_pk)
        now = clock.now()
        reason = closed_reason(event, now)
        if reason:
            raise RegistrationClosed(reason)
        if event.registrations.filter(email=email).exists():
            raise AlreadyRegistered
        status = event.registrations.model.Status
        confirmed = event.registrations.filter(status=status.CONFIRMED).count()
        full = event.capacity is not None and confirmed >= event.capacity
        try:
            with transaction.atomic():
                registration = event.registrations.create(
                    name=name,
                    email=email,
                    organisation=organisation,
                    remarks=remarks,
                    status=status.WAITING if full else status.CONFIRMED,
                    language=page.locale.language_code,
                    created_at=now,
                    consent_at=now,
                )
        except IntegrityError:
            # The unique constraint is the last line of defence (e.g. an editor added the same
            # address in the admin meanwhile).
            raise AlreadyRegistered from None
        transaction.on_commit(lambda: send_confirmation(registration, page))
    return registration


def waiting_position(registration):
    """1 for the first person on the waiting list (ids grow in the order the lock served them)."""
    return (
        type(registration)
        .objects.filter(event_id=registration.event_id, status=registration.Status.WAITING, pk__lte=registration.pk)
        .count()
    )


def send_confirmation(registration, page):
    """Mail the registrant in their language. A mail failure never undoes the registration."""
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "waiting": registration.status == registration.Status.WAITING,
            "page": page,
            "when": format_event_when(page.start, page.end, registration.language),
            "url": page_url(page),
        }
        subject = " ".join(render_to_string("events/email/registration_subject.txt", context).split())
        body = render_to_string("events/email/registration_body.txt", context)
    try:
        send_mail(subject, body, None, [registration.email])
    except Exception:
        logger.exception("Could not send the registration confirmation %s", registration.pk)
