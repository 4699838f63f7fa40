from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Faceted search over what the content apps register, with a database and an Elasticsearch backend."""

    name = "search"
    verbose_name = _("Zoeken")

    def ready(self):
        autodiscover_modules("search")  # each content app's search.py registers its kind
        from . import signals  # noqa: F401  (connects the index to publishing)
