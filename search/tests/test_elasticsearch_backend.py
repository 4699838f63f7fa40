"""The Elasticsearch request bodies, the fallback when the cluster is down, and an index that
follows publishing (on osmem-server)."""

import logging

import pytest
from django.test import override_settings
from elasticsearch import Elasticsearch

from common import throttled_log
from search.backends import get_backend, get_index_backends
from search.backends.database import DatabaseBackend
from search.backends.elasticsearch import ElasticsearchBackend, WithFallback
from search.facets import FACETS
from search.query import SearchQuery
from search.tests.conftest import drop_indexes, osmem_backend
from search.tests.osmem import FOLDING_ANALYZERS

UNREACHABLE = "http://127.0.0.1:9"  # discard port: nothing listens


def offline_backend():
    return ElasticsearchBackend(
        Elasticsearch(UNREACHABLE, request_timeout=1, max_retries=0), "zb", FOLDING_ANALYZERS, list(FACETS)
    )


def body(query, facet_keys, fuzzy=False):
    return offline_backend().build_search(query, facet_keys, fuzzy=fuzzy).to_dict()


def test_query_filters_aggregations_and_post_filter():
    query = SearchQuery(
        "fr",
        text="soupe caillou",
        filters={"target_group": ("ouderen", "handicap"), "connection": ("plek",)},
        kinds=("project",),
        sort="relevance",
        page=2,
        per_page=12,
    )
    data = body(query, ["target_group", "connection", "focus"])

    must = data["query"]["bool"]["must"][0]["match"]["text"]
    assert must == {"query": "soupe caillou", "operator": "and"}
    assert {"terms": {"kind": ["project"]}} in data["query"]["bool"]["filter"]

    # Facet filters narrow the hits (post_filter) but not the counts.
    assert data["post_filter"] == {
        "bool": {
            "filter": [
                {"terms": {"facet_target_group": ["ouderen", "handicap"]}},
                {"terms": {"facet_connection": ["plek"]}},
            ]
        }
    }
    # Each facet is counted with every other facet's filter, never its own.
    assert data["aggs"]["target_group"]["filter"] == {"bool": {"filter": [{"terms": {"facet_connection": ["plek"]}}]}}
    assert data["aggs"]["connection"]["filter"] == {
        "bool": {"filter": [{"terms": {"facet_target_group": ["ouderen", "handicap"]}}]}
    }
    assert data["aggs"]["focus"]["filter"]["bool"]["filter"] == [
        {"terms": {"facet_target_group": ["ouderen", "handicap"]}},
        {"terms": {"facet_connection": ["plek"]}},
    ]
    assert data["aggs"]["focus"]["aggs"]["options"] == {"terms": {"field": "facet_focus", "size": 500}}
    assert data["from"] == 12 and data["size"] == 12
    assert data["sort"][0] == "_score"
    assert data["track_total_hits"] is True


def test_fuzzy_retry_adds_fuzziness_only_to_the_text_match():
    data = body(SearchQuery("nl", text="steensop"), [], fuzzy=True)
    assert data["query"]["bool"]["must"][0]["match"]["text"]["fuzziness"] == "AUTO:5,100"


def test_no_text_means_no_scoring_query_and_newest_first():
    data = body(SearchQuery("nl", sort="newest"), ["type"])
    assert "query" not in data or "must" not in data.get("query", {}).get("bool", {})
    assert data["sort"][0] == {"published_at": {"order": "desc", "missing": "_last"}}
    assert data["aggs"]["type"]["filter"] == {"match_all": {}}


def test_past_events_latest_first():
    data = body(SearchQuery("nl", kinds=("event",), sort="date", period="past"), [])
    assert data["sort"][0] == {"start": {"order": "desc", "missing": "_last"}}
    assert "lt" in data["query"]["bool"]["filter"][1]["range"]["end"]


@pytest.mark.django_db
def test_unreachable_cluster_falls_back_to_the_database(caplog):
    throttled_log.forget()  # the warning is written once a minute: make this the first
    backend = WithFallback(offline_backend(), DatabaseBackend())
    query = SearchQuery("nl", filters={"target_group": ("ouderen",)}, kinds=("project",))
    with caplog.at_level(logging.WARNING, logger="search.backends.elasticsearch"):
        raw = backend.search(query, ["target_group"])
    assert raw.total == DatabaseBackend().search(query, []).total == 4
    assert "answering from the database" in caplog.text


@pytest.mark.django_db
@override_settings(ELASTICSEARCH_URL=UNREACHABLE, ELASTICSEARCH_OPTIONS={"request_timeout": 1, "max_retries": 0})
def test_search_page_and_api_answer_when_the_cluster_is_down(client, caplog):
    assert isinstance(get_backend(), WithFallback)
    with caplog.at_level(logging.WARNING):
        page = client.get("/nl/zoeken/", {"q": "steensoep"})
        api = client.get("/api/search/", {"lang": "nl", "q": "steensoep"})
    assert page.status_code == 200 and "Steensoep" in page.content.decode()
    assert api.status_code == 200 and api.json()["count"] >= 1


@pytest.mark.django_db
@override_settings(ELASTICSEARCH_URL=UNREACHABLE, ELASTICSEARCH_OPTIONS={"request_timeout": 1, "max_retries": 0})
def test_publishing_succeeds_when_the_cluster_is_down(caplog):
    from projects.models import ProjectPage

    page = ProjectPage.objects.filter(locale__language_code="nl").first()
    page.intro = "Nieuwe inleiding terwijl de zoekcluster plat ligt."
    with caplog.at_level(logging.WARNING, logger="search.backends.elasticsearch"):
        page.save_revision().publish()
    assert "not indexed" in caplog.text
    raw = DatabaseBackend().search(SearchQuery("nl", text="zoekcluster"), [])
    assert raw.page_ids == [page.pk]


@pytest.fixture
def live_index(osmem, demo_documents, settings):
    """Settings that make publishing write to a fresh osmem clone, as production does."""
    clone = osmem.clone()
    backend = osmem_backend(clone.url)
    backend.rebuild(demo_documents)
    settings.ELASTICSEARCH_URL = clone.url
    settings.ELASTICSEARCH_INDEX_PREFIX = backend.prefix
    settings.ELASTICSEARCH_ANALYZERS = FOLDING_ANALYZERS
    settings.ELASTICSEARCH_OPTIONS = {"node_class": "search.tests.osmem.PlainJsonNode", "request_timeout": 30}
    yield backend
    drop_indexes(backend)
    clone.close()


def found(backend, language, text):
    if hasattr(backend, "refresh"):
        backend.refresh()
    return backend.search(SearchQuery(language, text=text), []).page_ids


@pytest.mark.django_db
def test_index_follows_publish_unpublish_translation_and_delete(live_index, french, django_capture_on_commit_callbacks):
    from wagtail_localize.models import Translation, TranslationSource

    from projects.models import ProjectPage

    backends = get_index_backends()
    assert [b.name for b in backends] == ["database", "elasticsearch"]
    page = ProjectPage.objects.filter(locale__language_code="nl").first()

    page.intro = "Een zonnebloemveld verbindt de buren."
    page.save_revision().publish()
    for backend in backends:
        assert found(backend, "nl", "zonnebloemveld") == [page.pk]

    page.unpublish()
    for backend in backends:
        assert found(backend, "nl", "zonnebloemveld") == []

    page.save_revision().publish()
    source, _ = TranslationSource.update_or_create_from_instance(page)
    with django_capture_on_commit_callbacks(execute=True):
        Translation.objects.get(source=source, target_locale=french).save_target(publish=True)
    french_page = page.get_translation(french)
    for backend in backends:  # the changed segment is not translated yet: the French page shows the Dutch text
        assert found(backend, "fr", "zonnebloemveld") == [french_page.pk]

    french_page.delete()
    for backend in backends:
        assert found(backend, "fr", "zonnebloemveld") == []


@pytest.mark.django_db
def test_rebuild_command_restores_a_damaged_database_index():
    from django.core.management import call_command

    from search.models import SearchDocument

    before = SearchDocument.objects.count()
    SearchDocument.objects.filter(language="fr").delete()
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert SearchDocument.objects.count() == before == 132
