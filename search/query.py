"""A search request, validated: what the HTML page, the agenda/toolbox/project indexes and the
JSON API all pass to a backend. Bad input becomes a message, never an exception."""

from dataclasses import dataclass, field, replace

from django.utils import timezone
from django.utils.translation import gettext as _

from common.params import MAX_PAGE, clean_value, page_number

from . import registry
from .facets import FACETS
from .terms import known_slugs

MAX_QUERY_LENGTH = 200
PER_PAGE = 12
SORTS = ("relevance", "newest", "title", "date")


class InvalidParameter(ValueError):
    """A parameter the JSON API refuses with 400 (the HTML page corrects it instead)."""


@dataclass(frozen=True)
class SearchQuery:
    language: str
    text: str = ""
    filters: dict = field(default_factory=dict)  # facet key -> tuple of slugs (OR within, AND across)
    sort: str = "relevance"
    page: int = 1
    per_page: int = PER_PAGE
    kinds: tuple = ()  # the content types this context is limited to (an index page), empty = all
    period: str = ""  # kinds with a period filter: "upcoming" (not yet ended) or "past"
    now: object = None  # the moment "upcoming" and "past" are measured from (default: now)

    def without(self, key, slug=None):
        """The same query with one filter value (or a whole facet) removed, back on page 1."""
        filters = {k: v for k, v in self.filters.items() if k != key}
        if slug is not None:
            remaining = tuple(s for s in self.filters.get(key, ()) if s != slug)
            if remaining:
                filters[key] = remaining
        return replace(self, filters=filters, page=1)

    def with_page(self, page):
        return replace(self, page=page)

    def to_params(self, page=None, sort=True):
        """The URL parameters that reproduce this query (the whole state lives in the URL)."""
        params = []
        if self.text:
            params.append(("q", self.text))
        for key in FACETS:
            params += [(key, slug) for slug in self.filters.get(key, ())]
        if sort and self.sort != default_sort(self.text, self.kinds):
            params.append(("sort", self.sort))
        if self.period == registry.PAST:
            params.append(("period", registry.PAST))
        if (page or self.page) > 1:
            params.append(("page", page or self.page))
        return params

    @property
    def default_sort(self):
        return default_sort(self.text, self.kinds)

    @property
    def context_sorts(self):
        """Sorts offered only in this context (e.g. by date on an index of dated pages)."""
        return registry.context_sorts(self.kinds)

    def period_condition(self):
        """(document field, lookup) of the period filter, or None: both backends execute it."""
        if not self.period:
            return None
        rule = registry.period_filter(self.kinds)
        return (rule.field, rule.lookup(self.period)) if rule else None

    def moment(self):
        return self.now or timezone.now()

    def effective_kinds(self):
        chosen = set(self.filters.get(registry.KIND_FACET, ()))
        kinds = set(self.kinds) or set(registry.kind_keys())
        return kinds & chosen if chosen else kinds


def parse(params, language, kinds=(), strict=False, now=None):
    """(SearchQuery, messages) from a QueryDict already checked by common.params. ``strict``
    raises InvalidParameter instead of correcting the page number or the sort (the JSON API
    wants to be told)."""
    messages = []
    text = clean_value(params.get("q", "")).strip()
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH]
        messages.append(_("Je zoekterm was erg lang; we zochten op de eerste %(n)s tekens.") % {"n": MAX_QUERY_LENGTH})

    slugs = known_slugs()
    filters, ignored = {}, []
    for key in FACETS:
        values = []
        for value in params.getlist(key):
            value = value.strip()
            if not value or value in values:
                continue
            if FACETS[key].accepts(value, slugs):
                values.append(value)
            else:
                ignored.append(value[:40])
        if values:
            filters[key] = tuple(values)
    if ignored:
        messages.append(
            _("Deze filters bestaan niet en werden genegeerd: %(values)s.") % {"values": ", ".join(ignored)}
        )

    sort = params.get("sort", "")
    if sort not in SORTS:
        if sort and strict:
            raise InvalidParameter(_("Onbekende sortering: kies relevance, newest, title of date."))
        sort = default_sort(text, kinds)
    period = ""
    if registry.period_filter(kinds):
        period = registry.PAST if params.get("period") == registry.PAST else registry.UPCOMING

    page = page_number(params.get("page"))
    if page is None:
        if strict:
            raise InvalidParameter(_("De parameter page moet een positief geheel getal zijn.")) from None
        page = 1
        messages.append(_("Dat paginanummer bestaat niet; je ziet de eerste pagina."))
    elif page > MAX_PAGE:
        if strict:
            raise InvalidParameter(_("De parameter page mag hoogstens %(n)s zijn.") % {"n": MAX_PAGE})
        page = MAX_PAGE  # beyond the last page: search_results shows the last one, with a message
    return SearchQuery(language, text, filters, sort, page, PER_PAGE, tuple(kinds), period, now), messages


def default_sort(text, kinds):
    return registry.default_sort(text, kinds)
