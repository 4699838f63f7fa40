"""Keeping the indexes in step with the content.

The database index is always written (it is the default backend and the fallback). The
Elasticsearch index is written too when it is configured; its errors are logged, never raised,
so that publishing always succeeds — `manage.py rebuild_search_index` repairs any drift.
"""

import logging

from django.db import transaction

from . import documents
from .backends import get_index_backends

logger = logging.getLogger(__name__)


def index_page(page):
    if not documents.should_be_indexed(page):
        remove_page(page.pk)
        return
    document = documents.build(page)
    for backend in get_index_backends():
        backend.index(document)


def remove_page(page_id):
    for backend in get_index_backends():
        backend.remove(page_id)


def index_tree(page):
    """A page and its descendants (after a move)."""
    for descendant in page.get_descendants(inclusive=True).specific():
        index_page(descendant)


def rebuild(stdout=None):
    pages = list(documents.live_indexed_pages())
    built = [documents.build(page) for page in pages]
    for backend in get_index_backends():
        with transaction.atomic():
            backend.rebuild(built)
        if stdout:
            stdout.write(f"{backend.name}: {len(built)} documents")
    return len(built)
