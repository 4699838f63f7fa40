"""Views of the events app: .ics files and the privacy notice (the registration form is the
event page's own POST, events/signup.py)."""

from datetime import timedelta

from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from common import params

from . import agenda, clock, conf, feed, ical
from .models import EventIndexPage, EventPage

FEED_PAST_DAYS = 365  # ended events stay this long in the feed, so calendars keep their history


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
