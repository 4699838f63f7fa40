"""Views of the events app: the personal confirm and cancel links from the e-mails, .ics files,
the privacy notice. (The registration form's POST is handled by the page itself: signup.py.)"""

import logging
from datetime import timedelta

from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe
from wagtail.models import Locale

from common import params

from . import agenda, clock, conf, feed, ical
from .emails import page_for
from .models import EventIndexPage, EventPage
from .registration import RegistrationClosed, cancel, confirm, request_expired, waiting_position
from .tokens import CANCEL, CONFIRM, InvalidLink, registration_for

logger = logging.getLogger(__name__)

FEED_PAST_DAYS = 365  # ended events stay this long in the feed, so calendars keep their history


# Personal links from the e-mails -------------------------------------------------------------
# GET shows what will happen and a button; only the POST acts, so a mail scanner that opens
# links does not confirm or cancel anything. Both work without JavaScript.


def _link_page(request, registration, status=200, **context):
    page = page_for(registration) if registration else None
    return TemplateResponse(
        request,
        "events/registration_link.html",
        {"event": page, "registration": registration, **context},
        status=status,
    )


def _invalid_link(request):
    message = _(
        "Deze link is niet (meer) geldig. Gebruik de link uit je meest recente e-mail, of schrijf je opnieuw in."
    )
    return _link_page(request, None, status=400, message=message)


@require_http_methods(["GET", "HEAD", "POST"])
def confirm_registration(request, token):
    """The link in the first mail: confirming turns the request into a place or a waiting-list spot."""
    try:
        registration = registration_for(token, CONFIRM)
    except InvalidLink:
        return _invalid_link(request)
    Status = registration.Status
    if registration.status == Status.CANCELLED or request_expired(registration):
        return _invalid_link(request)
    if registration.status == Status.REQUESTED and request.method == "POST":
        try:
            registration = confirm(registration)
        except RegistrationClosed as closed:
            return _link_page(request, registration, status=409, message=str(closed))
    if registration.status == Status.CONFIRMED:
        return _link_page(request, registration, message=_("Je inschrijving is bevestigd: er is een plaats voor je."))
    if registration.status == Status.WAITING:
        message = _(
            "Je inschrijving is bevestigd. De activiteit is volzet: je staat op de wachtlijst (plaats %(position)s). "
            "Komt er een plaats vrij, dan krijg je die automatisch en laten we het je weten."
        ) % {"position": waiting_position(registration)}
        return _link_page(request, registration, message=message)
    return _link_page(
        request,
        registration,
        question=_("Bevestig je inschrijving voor deze activiteit."),
        button=_("Bevestig mijn inschrijving"),
    )


@require_http_methods(["GET", "HEAD", "POST"])
def cancel_registration(request, token):
    """The link in every mail after confirmation: give up a place or leave the waiting list."""
    try:
        registration = registration_for(token, CANCEL)
    except InvalidLink:
        return _invalid_link(request)
    if clock.now() >= registration.event.end:
        return _link_page(request, None, status=410, message=_("Deze activiteit is voorbij. De link werkt niet meer."))
    Status = registration.Status
    was_waiting = registration.status == Status.WAITING
    if registration.status != Status.CANCELLED and request.method == "POST":
        registration = cancel(registration)
        if was_waiting:
            message = _("Je staat niet meer op de wachtlijst. Bedankt om het te laten weten.")
        else:
            message = _(
                "Je inschrijving is geannuleerd. Bedankt om het te laten weten: je plaats gaat naar iemand anders."
            )
        return _link_page(request, registration, message=message)
    if registration.status == Status.CANCELLED:
        return _link_page(request, registration, message=_("Je inschrijving is al geannuleerd."))
    if was_waiting:
        question, button = _("Wil je de wachtlijst voor deze activiteit verlaten?"), _("Ja, haal me van de wachtlijst")
    else:
        question, button = (
            _("Wil je je inschrijving voor deze activiteit annuleren?"),
            _("Ja, annuleer mijn inschrijving"),
        )
    return _link_page(request, registration, question=question, button=button)


# iCalendar ---------------------------------------------------------------------------------


def _calendar_response(cal, filename=None):
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _language_locale():
    return Locale.objects.filter(language_code=translation.get_language()).first()


@require_safe
def event_ics(request, slug):
    """One event as an .ics file, for 'add to my calendar'."""
    page = EventPage.objects.live().filter(locale=_language_locale(), slug=slug).select_related("locale").first()
    if page is None:
        raise Http404(_("Deze activiteit bestaat niet."))
    cal = ical.calendar([page], page.title, request)
    return _calendar_response(cal, filename=f"{page.slug}.ics")


@require_safe
def agenda_feed(request):
    """The agenda as a subscribable calendar, narrowed by the agenda's own filters (?region=,
    ?target_group=, ?focus=, ... repeatable: any value within a filter, every filter)."""
    try:
        params.validate(request.GET)
        chosen = feed.chosen_filters(request.GET)
    except params.BadParameter as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    except feed.UnknownFilter:
        raise Http404(_("Deze filter bestaat niet.")) from None
    locale = _language_locale()
    events = EventPage.objects.live().filter(locale=locale).select_related("locale")
    events = agenda.upcoming(events, now=clock.now() - timedelta(days=FEED_PAST_DAYS))
    events = feed.narrowed(events, chosen)
    index = EventIndexPage.objects.live().filter(locale=locale).first()
    title = index.title if index else _("Agenda")
    name = _("Zorgzame Buurten – %(title)s") % {"title": title}
    if names := feed.labels(chosen, translation.get_language()):
        name += f" ({', '.join(names)})"
    description = _("Vormingen, webinars, netwerkdagen en buurtactiviteiten van Zorgzame Buurten.")
    return _calendar_response(ical.calendar(events, name, request, description))


# Privacy notice ----------------------------------------------------------------------------


@require_safe
def privacy_notice(request):
    """What happens with the data of the registration form (used when no own notice is set)."""
    return render(request, "events/privacy_notice.html", {"retention_days": conf.retention_days()})
