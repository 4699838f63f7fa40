"""The agenda feed's filters: the facets the search registry declares for events, so the feed
narrows by every filter the agenda offers (and its link can carry them all)."""

from search import registry
from search.terms import known_slugs

FEED_KIND = "event"


class UnknownFilter(ValueError):
    """A filter value the facet does not know (the feed answers 404, as for an unknown page)."""


def feed_facets():
    """The event kind's facets, as events/search.py declares them."""
    return registry.get_kind(FEED_KIND).facets


def chosen_filters(params):
    """{facet: sorted values} from the (validated) query parameters; empty values are ignored."""
    slugs, chosen = known_slugs(), {}
    for facet in feed_facets():
        values = sorted({value.strip() for value in params.getlist(facet.key) if value.strip()})
        if not values:
            continue
        if not all(facet.accepts(value, slugs) for value in values):
            raise UnknownFilter(facet.key)
        chosen[facet] = values
    return chosen


def accepted_params(params):
    """[(key, value)] of the parameters the feed supports, for the agenda's feed link."""
    slugs, result = known_slugs(), []
    for facet in feed_facets():
        for value in dict.fromkeys(value.strip() for value in params.getlist(facet.key)):
            if value and facet.accepts(value, slugs):
                result.append((facet.key, value))
    return result


def _with_terms(events, facets):
    """Load the vocabulary fields the chosen facets read, in one query each."""
    for facet in facets:
        vocabulary = getattr(facet, "vocabulary", None)
        if vocabulary is not None:
            if vocabulary.many:
                events = events.prefetch_related(vocabulary.page_field)
            else:
                events = events.select_related(vocabulary.page_field)
    return events


def narrowed(events, chosen):
    """The events with at least one chosen value of every chosen facet (OR within, AND across)."""
    if not chosen:
        return list(events)
    events = _with_terms(events, chosen)
    return [event for event in events if all(set(facet.values(event)) & set(v) for facet, v in chosen.items())]


def labels(chosen, language):
    """The chosen values' names in ``language``, for the calendar's name."""
    names = []
    for facet, values in chosen.items():
        options = dict(facet.options(language, dict.fromkeys(values, 1)))
        names += [str(options.get(value, value)) for value in values]
    return names
