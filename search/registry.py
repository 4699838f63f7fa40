"""What each content app makes searchable, declared by that app and read by everything in search.

A content app registers one ``Kind`` from its own ``search.py`` (found by
``autodiscover_modules("search")`` when the search app is ready, as Wagtail finds
``wagtail_hooks``): the kind's key and label, its page model, its document fields, its facets,
the facets each context shows, its default sort, an optional period filter and its result card.
Search itself names no kind and no facet: the kind facet (``type``), the parser, both backends,
the page, the index pages, the API and the admin filters all read this registry.
"""

from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.search import index

from common.text import stream_text
from taxonomy.vocabularies import BY_KEY, terms_of

from .terms import vocabulary_options

KIND_FACET = "type"  # URL and API key of the facet over the registered kinds
UPCOMING, PAST = "upcoming", "past"  # the two values of a period filter


# Document fields ---------------------------------------------------------------------------


def _plain(value):
    return value if isinstance(value, str) else stream_text(value)


@dataclass(frozen=True)
class DocumentFields:
    """A kind's searchable fields, listed once: the search document's text and the model's
    Wagtail ``search_fields`` (the admin search) both derive from this list."""

    summary: str = "intro"
    text: tuple = ()  # fields whose text follows the title and the summary, in this order
    filters: tuple = ()  # fields Wagtail's own index may filter on
    start: str = ""  # date fields copied to the document (sorting, period filters), if any
    end: str = ""

    def index_fields(self):
        """For ``search_fields = Page.search_fields + DOCUMENT.index_fields()`` on the model."""
        names = dict.fromkeys((self.summary, *self.text))
        return [index.SearchField(name) for name in names] + [index.FilterField(name) for name in self.filters]

    def summary_of(self, page):
        return getattr(page, self.summary, "") or ""

    def text_of(self, page):
        """Title, summary, then each text field (rich text and stream fields as plain text)."""
        return " ".join([page.title, self.summary_of(page), *(_plain(getattr(page, name)) for name in self.text)])

    def date_of(self, page, name):
        return getattr(page, name) if name else None


# Facets ------------------------------------------------------------------------------------


class Facet:
    """A facet: its key (URL and API parameter), label, whether a page may have several values,
    how a page's values are read, which values a filter accepts and its options in a language.
    Subclass it in a content app for a facet with its own rules."""

    def __init__(self, key, label, many=True):
        self.key, self.label, self.many = key, label, many

    def values(self, page):
        """The slugs this page is indexed under."""
        return []

    def accepts(self, value, known_slugs):
        """Whether a filter value is valid (``known_slugs``: every vocabulary's slugs, read once)."""
        return False

    def options(self, language, counts):
        """[(slug, label)] in ``language`` (called inside ``translation.override(language)``)."""
        return []

    def __repr__(self):
        return f"<{type(self).__name__} {self.key}>"


class VocabularyFacet(Facet):
    """A facet over one of taxonomy's vocabularies, named by its key."""

    def __init__(self, key):
        vocabulary = BY_KEY[key]
        super().__init__(vocabulary.key, vocabulary.label, vocabulary.many)
        self.vocabulary = vocabulary

    def values(self, page):
        return sorted({term.slug for term in terms_of(page, self.vocabulary)})

    def accepts(self, value, known_slugs):
        return value in known_slugs.get(self.key, ())

    def options(self, language, counts):
        return vocabulary_options(language)[self.key]


class ChoiceFacet(Facet):
    """A facet with a fixed list of options; ``read(page)`` gives a page's slugs."""

    def __init__(self, key, label, choices, read, many=True):
        super().__init__(key, label, many)
        self.choices, self.read = choices, read

    def values(self, page):
        return list(self.read(page))

    def accepts(self, value, known_slugs):
        return value in self.choices

    def options(self, language, counts):
        return [(slug, str(label)) for slug, label in self.choices.items()]


class KindFacet(Facet):
    """The facet over the registered kinds (stored as the document's kind, not as terms)."""

    def __init__(self):
        super().__init__(KIND_FACET, _("Soort"), many=False)

    def accepts(self, value, known_slugs):
        return value in _kinds_by_key()

    def options(self, language, counts):
        return [(kind.key, str(kind.label)) for kind in kinds()]


# Period filters ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PeriodFilter:
    """Upcoming or past, by comparing one date field of the document with now: a declaration
    both backends execute (upcoming keeps ``field >= now``, past ``field < now``; past lists the
    latest first). Offered in the kind's own context, upcoming by default."""

    field: str

    LOOKUPS = {UPCOMING: "gte", PAST: "lt"}

    def lookup(self, period):
        return self.LOOKUPS[period]


# Kinds -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    key: str
    label: object
    model: str  # "app_label.ModelName", resolved once the apps are loaded
    document: DocumentFields
    facets: tuple  # every facet the kind is indexed under, in URL order
    shown: tuple  # facet keys shown in the kind's own context (its index page), in order
    shared: tuple = ()  # facet keys it shows in the all-kinds context (the search page)
    card_template: str = ""
    default_sort: str = "newest"  # without a query text, in its own context
    sorts: tuple = ()  # sorts offered only in its own context (e.g. "date")
    period: PeriodFilter = None

    @property
    def page_model(self):
        return apps.get_model(self.model)

    def terms(self, page):
        """{facet key: [slugs]} of a page, without empty facets."""
        terms = {}
        for facet in self.facets:
            values = facet.values(page)
            if values:
                terms[facet.key] = values
        return terms


_registry = {}
_cache = {}


def register(kind):
    """Declare a kind (called from a content app's ``search.py``)."""
    known = facets()
    for facet in kind.facets:
        other = known.get(facet.key)
        if other is not None and type(other) is not type(facet):
            raise ImproperlyConfigured(f"Facet {facet.key!r} of {kind.key!r} differs from {other!r}.")
    missing = set(kind.shown + kind.shared) - {facet.key for facet in kind.facets} - {KIND_FACET}
    if missing:
        raise ImproperlyConfigured(f"Kind {kind.key!r} shows facets it does not declare: {sorted(missing)}.")
    _registry[kind.key] = kind
    _cache.clear()
    return kind


def unregister(key):
    _registry.pop(key, None)
    _cache.clear()


def _app_position(kind):
    labels = [config.label for config in apps.get_app_configs()]
    app_label = kind.model.split(".")[0]
    return labels.index(app_label) if app_label in labels else len(labels)


def kinds():
    """The registered kinds, in the order of their apps in INSTALLED_APPS."""
    if "kinds" in _cache:
        return _cache["kinds"]
    ordered = sorted(_registry.values(), key=_app_position)
    if apps.ready:
        _cache["kinds"] = ordered
    return ordered


def _kinds_by_key():
    if "by_key" not in _cache:
        _cache["by_key"] = {kind.key: kind for kind in kinds()}
    return _cache["by_key"]


def get_kind(key):
    return _kinds_by_key().get(key)


def kind_keys():
    return list(_kinds_by_key())


def _kinds_by_model():
    if "by_model" not in _cache:
        _cache["by_model"] = {kind.page_model: kind for kind in kinds()}
    return _cache["by_model"]


def kind_for_model(model):
    return _kinds_by_model().get(model)


def kind_of(page):
    """The kind of a page (specific or not), or None when its type is not searchable."""
    kind = kind_for_model(type(page))
    if kind is None and type(page) is Page:
        kind = kind_for_model(page.specific_class)
    return kind


def page_models():
    return list(_kinds_by_model())


def facets():
    """Every facet by key: the kind facet first, then each kind's facets in kind order."""
    if "facets" in _cache:
        return _cache["facets"]
    merged = {KIND_FACET: KindFacet()}
    for kind in sorted(_registry.values(), key=_app_position):
        for facet in kind.facets:
            merged.setdefault(facet.key, facet)
    if apps.ready:  # while apps load, more kinds may still register
        _cache["facets"] = merged
    return merged


def context_kind(kinds_):
    """The kind whose own context this is: exactly one kind, else None (all kinds)."""
    if len(kinds_) == 1:
        return get_kind(next(iter(kinds_)))
    return None


def shown_in(kinds_):
    """Facet keys shown for results of these kinds: the kind's own, or the kind facet and every
    kind's shared facets in kind order."""
    kind = context_kind(kinds_)
    if kind is not None:
        return list(kind.shown)
    keys = [KIND_FACET]
    for each in kinds():
        keys += [key for key in each.shared if key not in keys]
    return keys


def default_sort(text, kinds_):
    if text:
        return "relevance"
    kind = context_kind(kinds_)
    return kind.default_sort if kind else "newest"


def context_sorts(kinds_):
    kind = context_kind(kinds_)
    return kind.sorts if kind else ()


def period_filter(kinds_):
    kind = context_kind(kinds_)
    return kind.period if kind else None
