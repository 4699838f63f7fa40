"""Show default-locale terms in the visitor's language.

Vocabulary tables hold a few dozen rows, so all names of one locale are read at once and kept
for the rest of the request instead of one query per term.
"""

from wagtail.models import Locale

from .vocabularies import VOCABULARIES

_CACHE_ATTR = "_taxonomy_names"


def names_for_locale(locale, request=None):
    """{(model label, translation_key): name} for every term in ``locale``."""
    cache = getattr(request, _CACHE_ATTR, None) if request is not None else None
    if cache is not None and locale.pk in cache:
        return cache[locale.pk]
    names = {}
    for vocabulary in VOCABULARIES:
        for translation_key, name in vocabulary.model.objects.filter(locale=locale).values_list(
            "translation_key", "name"
        ):
            names[(vocabulary.model._meta.label, translation_key)] = name
    if request is not None:
        if cache is None:
            cache = {}
            setattr(request, _CACHE_ATTR, cache)
        cache[locale.pk] = names
    return names


def label(term, names):
    """The one term-label rule: the name of the term's translation in ``names``
    (from ``names_for_locale``), or the term's own name when it has no translation."""
    return names.get((term._meta.label, term.translation_key), term.name)


def localized_name(term, locale=None, request=None):
    """The term's name in ``locale`` (default: the active language)."""
    return label(term, names_for_locale(locale or Locale.get_active(), request))
