from dataclasses import dataclass, field


@dataclass
class RawResults:
    """What every backend returns: ordered page ids, the total, and facet counts."""

    total: int
    page_ids: list
    counts: dict  # facet key -> {slug: count}, given the query and every *other* facet's filters
    terms_by_page: dict = field(default_factory=dict)  # page id -> {facet key: [slugs]}


class SearchBackend:
    """The one interface views use; backends differ only in how they answer it."""

    name = "base"

    def search(self, query, facet_keys):
        raise NotImplementedError

    def index(self, document):
        raise NotImplementedError

    def remove(self, page_id):
        raise NotImplementedError

    def rebuild(self, documents):
        raise NotImplementedError

    def ping(self):
        """Raise if the backend cannot answer a search now (the /healthz endpoint asks)."""
        raise NotImplementedError
