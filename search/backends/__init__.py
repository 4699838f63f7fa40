"""Choose the search backend from settings, so that views never branch on it."""

from django.conf import settings

from .database import DatabaseBackend


def elasticsearch_configured():
    return bool(getattr(settings, "ELASTICSEARCH_URL", ""))


def get_backend():
    if elasticsearch_configured():
        from .elasticsearch import ElasticsearchBackend, WithFallback

        return WithFallback(ElasticsearchBackend.from_settings(), DatabaseBackend())
    return DatabaseBackend()


def get_index_backends():
    backends = [DatabaseBackend()]
    if elasticsearch_configured():
        from .elasticsearch import ElasticsearchBackend

        backends.append(ElasticsearchBackend.from_settings())
    return backends
