"""The vocabulary terms facets offer, read once and cached: valid slugs (to validate filters)
and (slug, name) options per language (to label facets). Saving a term clears both (signals)."""

from django.core.cache import cache
from wagtail.models import Locale

from taxonomy.vocabularies import VOCABULARIES

KNOWN_SLUGS_CACHE_KEY = "search:known-slugs"
VOCABULARY_OPTIONS_CACHE_KEY = "search:vocabulary-options:{language}"


def known_slugs():
    """Every valid slug per vocabulary, cached; refreshed when a term is saved (see signals)."""
    slugs = cache.get(KNOWN_SLUGS_CACHE_KEY)
    if slugs is None:
        slugs = {v.key: set(v.model.objects.values_list("slug", flat=True)) for v in VOCABULARIES}
        cache.set(KNOWN_SLUGS_CACHE_KEY, slugs, 300)
    return slugs


def vocabulary_options(language):
    """{facet key: [(slug, name)]} in one language, cached until a term is saved or deleted."""
    key = VOCABULARY_OPTIONS_CACHE_KEY.format(language=language)
    options = cache.get(key)
    if options is None:
        locale = Locale.objects.get(language_code=language)
        options = {
            vocabulary.key: list(
                vocabulary.model.objects.filter(locale=locale)
                .order_by("sort_order", "name")
                .values_list("slug", "name")
            )
            for vocabulary in VOCABULARIES
        }
        cache.set(key, options, 3600)
    return options
