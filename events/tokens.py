"""Personal links in registration e-mails: signed, one purpose each, unguessable without the key.

A token names one registration and its address, signed with ``SECRET_KEY`` and a salt per
purpose, so a confirmation link cannot cancel and a cancel link cannot confirm. The
confirmation link expires ``EVENTS_CONFIRMATION_HOURS`` after it was made; the cancel link
when the event ends (checked where it is used, against the event's end).
"""

from django.core import signing

from . import conf, lookup

CONFIRM = "events.registration.confirm"
CANCEL = "events.registration.cancel"


class InvalidLink(Exception):
    """The link is damaged, forged, for another purpose, expired, or its registration is gone."""


def make_token(registration, purpose):
    return signing.dumps([registration.pk, registration.email], salt=purpose, compress=True)


def _max_age(purpose):
    return conf.confirmation_hours() * 3600 if purpose == CONFIRM else None


def registration_for(token, purpose):
    """The registration ``token`` names for ``purpose``, or InvalidLink."""
    try:
        pk, email = signing.loads(token, salt=purpose, max_age=_max_age(purpose))
    except (signing.BadSignature, ValueError, TypeError):
        raise InvalidLink from None
    registration = lookup.registration_model().objects.select_related("event").filter(pk=pk, email=email).first()
    if registration is None:
        raise InvalidLink
    return registration
