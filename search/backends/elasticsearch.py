"""Search with Elasticsearch, through the DSL that ships in the official client.

One index per language (behind an alias, so a rebuild swaps in a fresh index atomically), with
that language's analyzer. Facet counts are disjunctive: each facet's terms aggregation sits in a
filter aggregation with every *other* facet's filter, and the facet filters themselves go in a
``post_filter`` so they narrow the hits but not the counts. Results are page ids; the views load
the pages from the database.
"""

import copy
import logging
import time

from django.conf import settings
from django.utils.module_loading import import_string
from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch
from elasticsearch.dsl import A, Q, Search
from elasticsearch.helpers import bulk

from common.throttled_log import log_throttled

from ..registry import KIND_FACET, PAST, facets
from ..text import words
from . import breaker
from .base import RawResults, SearchBackend

logger = logging.getLogger(__name__)

UNAVAILABLE = (ApiError, TransportError, ConnectionError)
# No typo allowed in words under five letters, one in longer words.
FUZZINESS = "AUTO:5,100"


def facet_field(key):
    return f"facet_{key}"


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self, client, prefix, analyzers, facet_keys):
        self.client = client
        self.prefix = prefix
        self.analyzers = analyzers
        self.facet_keys = facet_keys

    @classmethod
    def from_settings(cls):
        options = dict(getattr(settings, "ELASTICSEARCH_OPTIONS", {}))
        if isinstance(options.get("node_class"), str):
            options["node_class"] = import_string(options["node_class"])
        client = Elasticsearch(settings.ELASTICSEARCH_URL, **options)
        return cls(client, settings.ELASTICSEARCH_INDEX_PREFIX, settings.ELASTICSEARCH_ANALYZERS, list(facets()))

    # Index layout ------------------------------------------------------------------------

    def alias(self, language):
        return f"{self.prefix}-{language}"

    def index_body(self, language):
        analyzer = self.analyzers.get(language, {"type": "standard"})
        properties = {
            "page_id": {"type": "long"},
            "kind": {"type": "keyword"},
            "title": {
                "type": "text",
                "analyzer": "zb_text",
                "fields": {"sort": {"type": "keyword", "normalizer": "zb_sort"}},
            },
            "summary": {"type": "text", "analyzer": "zb_text"},
            "text": {"type": "text", "analyzer": "zb_text"},
            "published_at": {"type": "date"},
            "start": {"type": "date"},
            "end": {"type": "date"},
        }
        properties.update({facet_field(key): {"type": "keyword"} for key in self.facet_keys})
        return {
            "settings": {
                "analysis": {
                    "filter": self.analyzers.get("filters", {}),
                    "analyzer": {"zb_text": analyzer},
                    "normalizer": {"zb_sort": {"type": "custom", "filter": ["lowercase", "asciifolding"]}},
                }
            },
            "mappings": {"dynamic": "strict", "properties": properties},
        }

    def create_index(self, language):
        name = f"{self.alias(language)}-{int(time.time() * 1000)}"
        self.client.indices.create(index=name, **self.index_body(language))
        return name

    def ensure_index(self, language):
        alias = self.alias(language)
        if not self.client.indices.exists_alias(name=alias):
            self.client.indices.put_alias(index=self.create_index(language), name=alias)
        return alias

    @staticmethod
    def source(document):
        body = {
            "page_id": document.page_id,
            "kind": document.kind,
            "title": document.title,
            "summary": document.summary,
            "text": document.text,
            "published_at": document.published_at,
            "start": document.start,
            "end": document.end,
        }
        body.update({facet_field(key): slugs for key, slugs in document.terms.items()})
        body[facet_field(KIND_FACET)] = [document.kind]
        return body

    def ping(self):
        for language, _name in settings.LANGUAGES:
            self.client.count(index=self.alias(language))

    # Indexing (errors are logged: publishing must never fail because of the search cluster) --

    def index(self, document):
        try:
            alias = self.ensure_index(document.language)
            self.client.index(index=alias, id=str(document.page_id), document=self.source(document))
        except UNAVAILABLE as error:
            logger.warning("Elasticsearch: page %s not indexed (%s); run rebuild_search_index", document.page_id, error)

    def remove(self, page_id):
        for language, _name in settings.LANGUAGES:
            try:
                if self.client.indices.exists_alias(name=self.alias(language)):
                    self.client.delete_by_query(
                        index=self.alias(language), query={"term": {"page_id": page_id}}, conflicts="proceed"
                    )
            except UNAVAILABLE as error:
                logger.warning("Elasticsearch: page %s not removed (%s); run rebuild_search_index", page_id, error)

    def rebuild(self, documents):
        """Fill fresh indexes, then point the aliases at them and drop the old ones."""
        for language, _name in settings.LANGUAGES:
            alias = self.alias(language)
            new_index = self.create_index(language)
            actions = (
                {"_index": new_index, "_id": str(doc.page_id), "_source": self.source(doc)}
                for doc in documents
                if doc.language == language
            )
            bulk(self.client, actions, refresh=True)
            old = (
                list(self.client.indices.get_alias(name=alias)) if self.client.indices.exists_alias(name=alias) else []
            )
            if self.client.indices.exists(index=alias) and not old:
                self.client.indices.delete(index=alias)  # a plain index squatting the alias name
            swap = [{"add": {"index": new_index, "alias": alias}}] + [
                {"remove": {"index": name, "alias": alias}} for name in old
            ]
            self.client.indices.update_aliases(actions=swap)
            for name in old:
                self.client.indices.delete(index=name)

    def refresh(self):
        for language, _name in settings.LANGUAGES:
            self.client.indices.refresh(index=self.alias(language))

    # Searching ---------------------------------------------------------------------------

    def build_search(self, query, facet_keys, fuzzy=False):
        search = Search(using=self.client, index=self.alias(query.language)).extra(track_total_hits=True)
        if words(query.text):
            match = {"query": query.text, "operator": "and"}
            if fuzzy:
                match["fuzziness"] = FUZZINESS
            search = search.query(
                Q(
                    "bool",
                    must=[Q("match", text=match)],
                    should=[
                        Q("match", title={"query": query.text, "boost": 3}),
                        Q("match", summary={"query": query.text, "boost": 2}),
                    ],
                )
            )
        if query.kinds:
            search = search.filter("terms", kind=list(query.kinds))
        period = query.period_condition()
        if period:
            field, lookup = period
            search = search.filter("range", **{field: {lookup: query.moment().isoformat()}})

        filters = {key: Q("terms", **{facet_field(key): list(slugs)}) for key, slugs in query.filters.items() if slugs}
        if filters:
            search = search.post_filter(Q("bool", filter=list(filters.values())))
        for key in facet_keys:
            others = [f for k, f in filters.items() if k != key]
            bucket = A("filter", Q("bool", filter=others) if others else Q("match_all"))
            bucket.bucket("options", A("terms", field=facet_field(key), size=500))
            search.aggs.bucket(key, bucket)

        search = search.sort(*_sort(query)).source([facet_field(key) for key in self.facet_keys] + ["page_id"])
        start = (query.page - 1) * query.per_page
        return search[start : start + query.per_page]

    def search(self, query, facet_keys):
        response = self.build_search(query, facet_keys).execute()
        if response.hits.total.value == 0 and words(query.text):
            # Nothing matches as typed: allow a small typo rather than show an empty page. Only
            # then, so that a word that does occur ('Deerlijk') does not also find 'heerlijk'.
            response = self.build_search(query, facet_keys, fuzzy=True).execute()
        page_ids, terms_by_page = [], {}
        for hit in response.hits:
            data = hit.to_dict()
            page_id = int(data["page_id"])
            page_ids.append(page_id)
            terms_by_page[page_id] = {
                key: list(data[facet_field(key)])
                for key in self.facet_keys
                if key != KIND_FACET and data.get(facet_field(key))
            }
        counts = {
            key: {bucket.key: bucket.doc_count for bucket in response.aggregations[key].options.buckets}
            for key in facet_keys
        }
        return RawResults(response.hits.total.value, page_ids, counts, terms_by_page)


def _sort(query):
    if query.sort == "title":
        return ["title.sort", "page_id"]
    if query.sort == "date":
        order = "desc" if query.period == PAST else "asc"
        return [{"start": {"order": order, "missing": "_last"}}, "title.sort", "page_id"]
    if query.sort == "relevance" and words(query.text):
        return ["_score", {"published_at": {"order": "desc", "missing": "_last"}}, "page_id"]
    return [{"published_at": {"order": "desc", "missing": "_last"}}, "title.sort", "page_id"]


class BudgetSpent(ConnectionError):
    """This request has used its time for the cluster (search/backends/breaker.py)."""


class _BudgetedClient:
    """The client, with each call's timeout cut to what the request's budget has left."""

    def __init__(self, client):
        self._client = client
        own = getattr(client, "_request_timeout", None)
        self._cap = own if isinstance(own, (int, float)) else settings.ELASTICSEARCH_OPTIONS.get("request_timeout", 2)
        if breaker.breaker().suspect:  # a trial after a failure: a healthy cluster answers fast
            self._cap = min(self._cap, settings.ELASTICSEARCH_TRIAL_TIMEOUT)

    def _timed(self):
        left = breaker.remaining()
        if left is None:
            return self._client
        if left <= 0:
            raise BudgetSpent("search time budget spent")
        return self._client.options(request_timeout=min(left, self._cap))

    def search(self, *args, **kwargs):
        return self._timed().search(*args, **kwargs)

    def count(self, *args, **kwargs):
        return self._timed().count(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._client, name)


class WithFallback(SearchBackend):
    """Elasticsearch first; the database when the cluster is unreachable, errors, is slow or
    its circuit is open (search/backends/breaker.py), so a request never waits on it beyond
    its budget."""

    name = "elasticsearch"

    def __init__(self, primary, fallback):
        self.primary = primary
        self.fallback = fallback

    def search(self, query, facet_keys):
        if not breaker.affordable():
            return self.fallback.search(query, facet_keys)
        primary = copy.copy(self.primary)
        primary.client = _BudgetedClient(self.primary.client)
        try:
            raw = primary.search(query, facet_keys)
        except BudgetSpent:
            breaker.breaker().release()  # neither the cluster's failure nor its success: our time is up
            return self.fallback.search(query, facet_keys)
        except UNAVAILABLE as error:
            breaker.breaker().failure()
            breaker.spend_all()
            log_throttled(logger, "elasticsearch", "Elasticsearch unavailable, answering from the database: %s", error)
            return self.fallback.search(query, facet_keys)
        except Exception:
            breaker.breaker().success()  # the cluster answered; the error is ours
            raise
        breaker.breaker().success()
        return raw
