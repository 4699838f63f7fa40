"""One validation of the query string, for every public view that reads GET parameters (the
search page, the index pages, the JSON API, the agenda feed and .ics files).

The database must never see what it cannot store or count: a NUL byte (PostgreSQL refuses it in
a string), a number beyond 64 bits (an OFFSET overflow), a value of megabytes. HTML pages are
forgiving (the value is cleaned and a message says so); machine clients (the API, calendar
feeds) are told with a 400 and a clear message.
"""

import re

from django.http import QueryDict
from django.utils.translation import gettext as _

MAX_LENGTH = 1000  # characters per value; the search text is cut further (search.query)
MAX_VALUES = 20  # values per parameter (facet options a page offers are fewer)
MAX_PAGE = 100_000  # a page number beyond this is refused (API) or read as the last page (HTML)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CACHE_ATTRIBUTE = "_validated_params"


class BadParameter(ValueError):
    """A parameter a machine client is refused with 400 (its message says which and why)."""


def _problem(key, values):
    if _CONTROL.search(key) or any(_CONTROL.search(value) for value in values):
        return _("De parameter %(key)s bevat ongeldige tekens.") % {"key": _printable(key)}
    if len(key) > MAX_LENGTH or any(len(value) > MAX_LENGTH for value in values):
        return _("De parameter %(key)s is te lang (hoogstens %(n)s tekens).") % {
            "key": _printable(key),
            "n": MAX_LENGTH,
        }
    if len(values) > MAX_VALUES:
        return _("De parameter %(key)s komt te vaak voor (hoogstens %(n)s keer).") % {
            "key": _printable(key),
            "n": MAX_VALUES,
        }
    return None


def _printable(text):
    return _CONTROL.sub("", text)[:40]


def clean_value(value):
    """``value`` with control characters as spaces, cut to MAX_LENGTH characters."""
    return _CONTROL.sub(" ", value)[:MAX_LENGTH]


def validate(querydict):
    """Raise BadParameter for the first parameter that cannot be accepted as it is."""
    for key, values in querydict.lists():
        problem = _problem(key, values)
        if problem:
            raise BadParameter(problem)


def cleaned(querydict):
    """(a QueryDict safe for every lookup, messages): control characters become spaces, values
    are cut to MAX_LENGTH characters, each parameter keeps its first MAX_VALUES values."""
    result, messages = QueryDict(mutable=True), []
    for key, values in querydict.lists():
        problem = _problem(key, values)
        if problem:
            messages.append(problem)
        result.setlist(clean_value(key), [clean_value(value) for value in values[:MAX_VALUES]])
    result._mutable = False
    return result, messages


def query_params(request):
    """The request's cleaned GET parameters and messages, computed once per request."""
    if not hasattr(request, _CACHE_ATTRIBUTE):
        setattr(request, _CACHE_ATTRIBUTE, cleaned(request.GET))
    return getattr(request, _CACHE_ATTRIBUTE)


def page_number(raw):
    """The page number in ``raw`` (MAX_PAGE + 1 for any larger one), or None when it is not a
    positive whole number: never an integer the database cannot hold."""
    raw = (raw or "1").strip() or "1"
    if not raw.isascii() or not raw.isdigit():
        return None
    number = int(raw) if len(raw) <= len(str(MAX_PAGE)) else MAX_PAGE + 1
    return min(number, MAX_PAGE + 1) if number >= 1 else None


def path_is_clean(path):
    """Whether a URL path holds no control character (a NUL byte in a page slug would reach the
    database through Wagtail's page routing)."""
    return not _CONTROL.search(path)
