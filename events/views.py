"""Views of the events app: .ics files and the privacy notice (the registration form is the
event page's own POST, events/signup.py)."""

from datetime import timedelta

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from taxonomy.localization import localized_name
from taxonomy.vocabularies import BY_KEY

from . import agenda, clock, conf, ical
from .models import EventIndexPage, EventPage

# The feed's filters: URL parameter (a vocabulary key, as in the search) -> lookup on EventPage.
FEED_FILTERS = {"region": "region__slug__in", "focus": "focus__slug__in"}
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
    """The agenda as a subscribable calendar: ?region=<slug>&focus=<slug> (repeatable) narrow it."""
    locale = _language_locale()
    events = EventPage.objects.live().filter(locale=locale).select_related("locale")
    names = []
    for key, lookup in FEED_FILTERS.items():
        slugs = sorted({value.strip() for value in request.GET.getlist(key) if value.strip()})
        if not slugs:
            continue
        terms = list(BY_KEY[key].model.objects.filter(locale__language_code=settings.LANGUAGE_CODE, slug__in=slugs))
        if len(terms) != len(slugs):
            raise Http404(_("Deze filter bestaat niet."))
        events = events.filter(**{lookup: slugs})
        names += [localized_name(term, locale=locale) for term in terms]
    events = agenda.upcoming(events.distinct(), now=clock.now() - timedelta(days=FEED_PAST_DAYS))
    index = EventIndexPage.objects.live().filter(locale=locale).first()
    title = index.title if index else _("Agenda")
    name = _("Zorgzame Buurten – %(title)s") % {"title": title}
    if names:
        name += f" ({', '.join(names)})"
    description = _("Vormingen, webinars, netwerkdagen en buurtactiviteiten van Zorgzame Buurten.")
    return _calendar_response(ical.calendar(events, name, request, description))


# Privacy notice ----------------------------------------------------------------------------


@require_safe
def privacy_notice(request):
    """What happens with the data of the registration form (used when no own notice is set)."""
    return render(request, "events/privacy_notice.html", {"retention_days": conf.retention_days()})
