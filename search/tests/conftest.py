"""The contract suite runs against every backend available here.

- ``database``: the database of this run (SQLite, or PostgreSQL when DATABASE_URL says so);
- ``osmem``: Elasticsearch code against osmem-server (always; see search/tests/osmem.py);
- ``elasticsearch``: a real cluster, only when ELASTICSEARCH_URL is set in the environment.
"""

import os
import uuid

import pytest
from elasticsearch import Elasticsearch
from osmem_server import OsmemServer

from search import documents
from search.backends.database import DatabaseBackend
from search.backends.elasticsearch import ElasticsearchBackend
from search.facets import FACETS
from search.tests.osmem import FOLDING_ANALYZERS, PlainJsonNode

LIVE_URL = os.environ.get("ELASTICSEARCH_URL", "")
BACKENDS = ["database", "osmem"] + (["elasticsearch"] if LIVE_URL else [])
STEMMING_BACKENDS = ["database"] + (["elasticsearch"] if LIVE_URL else [])


@pytest.fixture(scope="session")
def osmem():
    server = OsmemServer.start(japanese=False)
    yield server
    server.close()


def osmem_backend(clone_url):
    client = Elasticsearch(clone_url, node_class=PlainJsonNode, request_timeout=30)
    return ElasticsearchBackend(client, f"zb-test-{uuid.uuid4().hex[:8]}", FOLDING_ANALYZERS, list(FACETS))


def live_backend():
    from django.conf import settings

    client = Elasticsearch(LIVE_URL, request_timeout=30)
    return ElasticsearchBackend(
        client, f"zb-test-{uuid.uuid4().hex[:8]}", settings.ELASTICSEARCH_ANALYZERS, list(FACETS)
    )


def drop_indexes(backend):
    backend.client.indices.delete(index=f"{backend.prefix}-*", ignore_unavailable=True, allow_no_indices=True)


@pytest.fixture(scope="session")
def demo_documents(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return [documents.build(page) for page in documents.live_indexed_pages()]


@pytest.fixture(scope="session")
def filled_backends(demo_documents, osmem):
    """One filled index per Elasticsearch target, shared by the read-only contract tests."""
    clone = osmem.clone()
    backends = {"osmem": osmem_backend(clone.url)}
    if LIVE_URL:
        backends["elasticsearch"] = live_backend()
    for backend in backends.values():
        backend.rebuild(demo_documents)
    yield backends
    for backend in backends.values():
        drop_indexes(backend)
    clone.close()


@pytest.fixture(params=BACKENDS)
def backend(request, db):
    if request.param == "database":
        return DatabaseBackend()
    return request.getfixturevalue("filled_backends")[request.param]


@pytest.fixture(params=STEMMING_BACKENDS)
def stemming_backend(request, db):
    if request.param == "database":
        return DatabaseBackend()
    return request.getfixturevalue("filled_backends")[request.param]
