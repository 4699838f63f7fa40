"""The one way into search for everything that is not an HTTP view (the search page and the API
sit beside the index pages, above this): parse a request, run the query, label the facets in the
query's language, load the result pages from the database in the backend's order, and offer a
way out of zero results."""

from dataclasses import dataclass, field
from math import ceil

from django.db.models import Prefetch
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.images.models import Rendition

from common.images import CARD_SPECS
from common.params import query_params

from . import registry
from .backends import get_backend
from .facets import FACETS, shown_facets
from .query import parse


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


def _options(key, language, counts):
    with translation.override(language):
        return FACETS[key].options(language, counts)


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


def _has_image(model):
    return any(field.name == "image" for field in model._meta.get_fields())


def load_pages(page_ids, kinds=()):
    """The result pages, specific, with card images and their card renditions, in the given order.

    One query (plus renditions) per page model that can be among the results: only the models
    of ``kinds`` when the search is limited to some kinds.
    """
    by_id = {}
    if not page_ids:
        return []
    cards = Rendition.objects.filter(filter_spec__in=CARD_SPECS)  # not every size of each picture
    for kind in registry.kinds():
        if kinds and kind.key not in kinds:
            continue
        model = kind.page_model
        queryset = model.objects.filter(pk__in=page_ids).defer_streamfields()  # cards never show the body
        if _has_image(model):
            queryset = queryset.select_related("image", "locale").prefetch_related(
                Prefetch("image__renditions", queryset=cards)
            )
        else:
            queryset = queryset.select_related("locale")
        by_id.update({page.pk: page for page in queryset})
    return [by_id[page_id] for page_id in page_ids if page_id in by_id]


def run_search(query, messages=(), backend=None):
    backend = backend or get_backend()
    keys = shown_facets(query.effective_kinds(), query.filters)
    if query.kinds and registry.KIND_FACET in keys and len(query.kinds) == 1:
        keys.remove(registry.KIND_FACET)
    raw = backend.search(query, keys)
    return SearchResults(
        query=query,
        total=raw.total,
        pages=load_pages(raw.page_ids, query.effective_kinds()),
        facets=build_facets(query, keys, raw.counts),
        terms_by_page=raw.terms_by_page,
        messages=list(messages),
    )


def search_results(request, kinds=(), now=None):
    """Parse, search, and bring an out-of-range page back to the last one (with a message)."""
    params, cleaning = query_params(request)
    query, parsed = parse(params, translation.get_language(), kinds=kinds, now=now)
    messages = [*cleaning, *parsed]
    results = run_search(query, messages)
    if query.page > results.page_count:
        messages.append(_("Die pagina bestaat niet; je ziet de laatste pagina."))
        results = run_search(query.with_page(results.page_count), messages)
    if results.total == 0 and results.active_filters:
        results.suggestion = least_restrictive_removal(results)
    return results


def least_restrictive_removal(results):
    """The active filter whose removal brings back the most results: offered on zero results."""
    best = None
    backend = get_backend()
    for facet, option in results.active_filters:
        relaxed = results.query.without(facet.key, option.slug)
        count = backend.search(relaxed, []).total  # only the total: no pages, no facet counts
        if count and (best is None or count > best[2]):
            best = (facet, option, count, relaxed)
    return best
