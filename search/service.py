"""One entry point for every search on the site: run a query, label the facets in the query's
language, and load the result pages from the database in the backend's order."""

from dataclasses import dataclass, field
from math import ceil

from django.core.cache import cache
from django.db.models import Prefetch
from django.utils import translation
from wagtail.images.models import Rendition
from wagtail.models import Locale

from common.images import CARD_SPECS
from taxonomy.vocabularies import VOCABULARIES

from .backends import get_backend
from .documents import indexed_models
from .facets import ATTENDANCE, FACETS, KINDS, month_label, shown_facets
from .query import VOCABULARY_OPTIONS_CACHE_KEY


@dataclass
class FacetOption:
    slug: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    key: str
    label: str
    options: list

    @property
    def selected(self):
        return [option for option in self.options if option.selected]


@dataclass
class SearchResults:
    query: object
    total: int
    pages: list
    facets: list
    terms_by_page: dict
    messages: list = field(default_factory=list)
    suggestion: object = None  # (facet, option, count, relaxed query) offered when nothing matches

    @property
    def page_count(self):
        return max(1, ceil(self.total / self.query.per_page))

    @property
    def active_filters(self):
        return [(facet, option) for facet in self.facets for option in facet.selected]


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


def _options(key, language, counts):
    facet = FACETS[key]
    with translation.override(language):
        if key == "type":
            return [(slug, str(label)) for slug, label in KINDS.items()]
        if key == "attendance":
            return [(slug, str(label)) for slug, label in ATTENDANCE.items()]
        if key == "month":
            return [(slug, month_label(slug, language)) for slug in sorted(counts)]
        return vocabulary_options(language)[facet.key]


def build_facets(query, keys, counts):
    facets = []
    for key in keys:
        selected = set(query.filters.get(key, ()))
        options = [
            FacetOption(slug, label, counts.get(key, {}).get(slug, 0), slug in selected)
            for slug, label in _options(key, query.language, counts.get(key, {}))
        ]
        with translation.override(query.language):
            facets.append(Facet(key, str(FACETS[key].label), options))
    return facets


def load_pages(page_ids, kinds=()):
    """The result pages, specific, with card images and their card renditions, in the given order.

    One query (plus renditions) per page model that can be among the results: only the models
    of ``kinds`` when the search is limited to some kinds.
    """
    by_id = {}
    if not page_ids:
        return []
    cards = Rendition.objects.filter(filter_spec__in=CARD_SPECS)  # not every size of each picture
    for model in indexed_models():
        if kinds and model.search_kind not in kinds:
            continue
        queryset = (
            model.objects.filter(pk__in=page_ids)
            .defer_streamfields()  # cards never show the body
            .select_related("image", "locale")
            .prefetch_related(Prefetch("image__renditions", queryset=cards))
        )
        by_id.update({page.pk: page for page in queryset})
    return [by_id[page_id] for page_id in page_ids if page_id in by_id]


def run_search(query, messages=(), backend=None):
    backend = backend or get_backend()
    keys = shown_facets(query.effective_kinds(), query.filters)
    if query.kinds and "type" in keys and len(query.kinds) == 1:
        keys.remove("type")
    raw = backend.search(query, keys)
    return SearchResults(
        query=query,
        total=raw.total,
        pages=load_pages(raw.page_ids, query.effective_kinds()),
        facets=build_facets(query, keys, raw.counts),
        terms_by_page=raw.terms_by_page,
        messages=list(messages),
    )
