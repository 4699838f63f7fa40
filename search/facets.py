"""Which facets exist and which ones a page of results shows, as the content apps declared them
(see search.registry). A facet's ``key`` is its URL parameter and API key."""

from collections.abc import Mapping

from . import registry


class _Facets(Mapping):
    """Every registered facet by key, read from the registry each time (kinds may register late)."""

    def __getitem__(self, key):
        return registry.facets()[key]

    def __iter__(self):
        return iter(registry.facets())

    def __len__(self):
        return len(registry.facets())


FACETS = _Facets()


def shown_facets(kinds, filters):
    """Facets for results of these kinds, plus any facet that has an active filter."""
    keys = registry.shown_in(kinds)
    keys += [key for key, values in filters.items() if values and key not in keys]
    return keys
