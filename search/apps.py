from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Faceted search over projects, methods and events, with a database and an Elasticsearch backend."""

    name = "search"
    verbose_name = _("Zoeken")

    def ready(self):
        from . import signals  # noqa: F401  (connects the index to publishing)
