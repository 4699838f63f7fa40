"""Event dates as people write them: 'dinsdag 14 juni 2022, 13.00–16.00 uur' /
'mardi 14 juin 2022, 13 h 00 – 16 h 00'. Always in the site's time zone (Europe/Brussels)."""

from django.utils import timezone, translation
from django.utils.dateformat import format as date_format

# Date and time notation per language; Django supplies the day and month names.
_STYLES = {
    "nl": {
        "date": "l j F Y",
        "time": "G.i",
        "same_day": "{date}, {start}–{end} uur",
        "moment": "{date}, {time} uur",
        "range": "{start_date}, {start} uur – {end_date}, {end} uur",
    },
    "fr": {
        "date": "l j F Y",
        "time": r"G \h i",
        "same_day": "{date}, {start} – {end}",
        "moment": "{date}, {time}",
        "range": "du {start_date}, {start} au {end_date}, {end}",
    },
}


def format_event_when(start, end, language=None):
    language = (language or translation.get_language() or "nl")[:2]
    style = _STYLES.get(language, _STYLES["nl"])
    with translation.override(language):
        start, end = timezone.localtime(start), timezone.localtime(end)
        start_date = date_format(start, style["date"])
        if start.date() == end.date():
            return style["same_day"].format(
                date=start_date, start=date_format(start, style["time"]), end=date_format(end, style["time"])
            )
        return style["range"].format(
            start_date=start_date,
            start=date_format(start, style["time"]),
            end_date=date_format(end, style["date"]),
            end=date_format(end, style["time"]),
        )


def format_event_moment(moment, language=None):
    """One point in time, e.g. a registration deadline: 'dinsdag 14 juni 2022, 13.00 uur'."""
    language = (language or translation.get_language() or "nl")[:2]
    style = _STYLES.get(language, _STYLES["nl"])
    with translation.override(language):
        moment = timezone.localtime(moment)
        return style["moment"].format(date=date_format(moment, style["date"]), time=date_format(moment, style["time"]))
