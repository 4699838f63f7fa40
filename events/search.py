"""What events make searchable: declared here once, read by search (see search.registry).

Besides the shared vocabularies, events have two facets of their own (how you attend, and the
months they take place in) and a period filter: the agenda shows what has not ended yet, or the
archive, measured on ``end``.
"""

import re
from datetime import date, timedelta

from django.utils import timezone, translation
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext_lazy as _

from search.registry import ChoiceFacet, DocumentFields, Facet, Kind, PeriodFilter, VocabularyFacet, register

DOCUMENT = DocumentFields(
    summary="intro",
    text=("intro", "body", "venue_name", "address", "organiser"),
    filters=("start",),
    start="start",
    end="end",
)


def attendance_of(event):
    """On site when it has a place, online when it has a link (or both)."""
    attendance = []
    if event.venue_name or event.address:
        attendance.append("on-site")
    if event.online_url:
        attendance.append("online")
    return attendance


ATTENDANCE = ChoiceFacet(
    "attendance", _("Deelnemen"), {"on-site": _("Ter plaatse"), "online": _("Online")}, read=attendance_of
)


def month_label(slug, language):
    year, month = (int(part) for part in slug.split("-"))
    with translation.override(language):
        return date_format(date(year, month, 1), "F Y")


class MonthFacet(Facet):
    """The months (YYYY-MM) an event takes place in: options are the months the results have."""

    PATTERN = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
    LIMIT = 24

    def values(self, event):
        months, day = [], timezone.localtime(event.start).date().replace(day=1)
        last = timezone.localtime(event.end).date()
        while day <= last and len(months) < self.LIMIT:
            months.append(day.strftime("%Y-%m"))
            day = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
        return months

    def accepts(self, value, known_slugs):
        return bool(self.PATTERN.match(value))

    def options(self, language, counts):
        return [(slug, month_label(slug, language)) for slug in sorted(counts)]


EVENT = register(
    Kind(
        key="event",
        label=_("Activiteit"),
        model="events.EventPage",
        document=DOCUMENT,
        facets=(
            *(VocabularyFacet(key) for key in ("target_group", "connection", "focus", "region")),
            ATTENDANCE,
            MonthFacet("month", _("Maand")),
        ),
        shown=("region", "target_group", "focus", "attendance", "month"),
        shared=("target_group", "focus", "region"),
        card_template="events/search_result.html",
        default_sort="date",
        sorts=("date",),
        period=PeriodFilter("end"),
    )
)
