from django import template
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from common.jsonld import script_tag
from common.params import query_params
from common.urls import absolute_url
from events import conf, feed, jsonld
from events.formatting import format_event_moment, format_event_when
from events.models import EventStatus

register = template.Library()

STATUS_LABELS = {
    EventStatus.CANCELLED: lambda: _("Geannuleerd"),
    EventStatus.POSTPONED: lambda: _("Uitgesteld"),
}


@register.simple_tag
def event_when(event, status=True):
    """The event's date and time; on cards (``status``) preceded by 'Geannuleerd' or 'Uitgesteld'."""
    when = format_event_when(event.start, event.end)
    label = STATUS_LABELS.get(getattr(event, "status", None))
    if status and label:
        return _("%(status)s – %(when)s") % {"status": label(), "when": when}
    return when


@register.simple_tag
def event_moment(moment):
    return format_event_moment(moment)


@register.simple_tag(takes_context=True)
def event_jsonld(context, page):
    return script_tag(jsonld.event_data(page, context.get("request")))


@register.simple_tag
def privacy_notice_url():
    """The operator's notice (``EVENTS_PRIVACY_NOTICE_URL``, may contain {language}), else the
    site's editable notice (``EVENTS_PRIVACY_NOTICE_LOOKUP``), else the built-in one."""
    language = translation.get_language() or "nl"
    url = conf.privacy_notice_url()
    if url:
        return url.replace("{language}", language)
    lookup = conf.privacy_notice_lookup()
    return (lookup(language) if lookup else None) or reverse("events:privacy")


@register.simple_tag(takes_context=True)
def agenda_feed_url(context, scheme="https"):
    """The feed URL on the site's address, carrying every active filter the feed supports."""
    request = context.get("request")
    url = reverse("events:feed")
    if request is None:
        return absolute_url(url)
    query, _messages = query_params(request)
    if wanted := feed.accepted_params(query):
        url += "?" + urlencode(wanted)
    url = absolute_url(url, request)
    if scheme == "webcal":
        url = "webcal://" + url.split("://", 1)[1]
    return url


@register.simple_tag
def confirmation_hours():
    """How long the link in the first e-mail works (``EVENTS_CONFIRMATION_HOURS``)."""
    return conf.confirmation_hours()
