"""The e-mails a registrant gets, each in their own language with absolute personal links.

- the request mail goes to an address nobody has confirmed yet, so it holds only the event, a
  fixed text and the confirmation link: nothing the form's sender typed (no phishing relay);
- the confirmation (a place or the waiting list), the "a place came free" mail and the reminder
  go to a confirmed address and carry the personal cancel link.

Links are built on the site's real address (common.urls), like the link to the event itself.
A mail failure is logged and never undoes what was stored.
"""

import logging

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from common.urls import absolute_url, page_url

from . import conf, ical, tokens
from .formatting import format_event_when

logger = logging.getLogger(__name__)


def page_for(registration):
    """The live event page in the registrant's language, else the source page it hangs on."""
    event = registration.event
    if registration.language == event.locale.language_code:
        return event
    translated = (
        type(event)
        .objects.live()
        .filter(translation_key=event.translation_key, locale__language_code=registration.language)
        .first()
    )
    return translated or event


def personal_link(registration, purpose, page):
    name = "events:confirm" if purpose == tokens.CONFIRM else "events:cancel"
    with translation.override(registration.language):
        path = reverse(name, args=[tokens.make_token(registration, purpose)])
    return absolute_url(path)


def _send(registration, template, context, attachments=()):
    page = context["page"]
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "when": format_event_when(page.start, page.end, registration.language),
            "url": page_url(page),
            **context,
        }
        subject = " ".join(render_to_string(f"events/email/{template}_subject.txt", context).split())
        body = render_to_string(f"events/email/{template}_body.txt", context)
    message = EmailMessage(subject, body, None, [registration.email])
    for attachment in attachments:
        message.attach(*attachment)
    try:
        message.send()
    except Exception:
        logger.exception("Could not send the %s mail for registration %s", template, registration.pk)
        return False
    return True


def send_request(registration):
    """Ask the address to confirm. Deliberately no name, organisation or remarks in it."""
    page = page_for(registration)
    link = personal_link(registration, tokens.CONFIRM, page)
    return _send(registration, "request", {"page": page, "confirm_url": link, "hours": conf.confirmation_hours()})


def send_confirmation(registration):
    """The place (or the waiting list) is theirs: what they gave us and how to cancel."""
    page = page_for(registration)
    context = {
        "page": page,
        "waiting": registration.status == registration.Status.WAITING,
        "cancel_url": personal_link(registration, tokens.CANCEL, page),
    }
    return _send(registration, "registration", context)


def send_promotion(registration):
    """Someone left: the first on the waiting list now has a place."""
    page = page_for(registration)
    return _send(
        registration, "promoted", {"page": page, "cancel_url": personal_link(registration, tokens.CANCEL, page)}
    )


def send_reminder(registration):
    """The day before: the practical details, the cancel link and the event as an .ics file."""
    page = page_for(registration)
    with translation.override(registration.language):
        ics = ical.calendar([page], page.title).to_ical()
    context = {"page": page, "cancel_url": personal_link(registration, tokens.CANCEL, page)}
    return _send(registration, "reminder", context, attachments=[(f"{page.slug}.ics", ics, "text/calendar")])
