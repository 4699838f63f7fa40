"""What the index knows about a page: built once here, stored by every backend."""

from dataclasses import dataclass, field

from wagtail.models import Page, get_page_models

from taxonomy.vocabularies import VOCABULARIES, terms_of


@dataclass
class Document:
    page_id: int
    language: str
    kind: str
    title: str
    summary: str
    text: str
    published_at: object
    start: object = None
    end: object = None
    terms: dict = field(default_factory=dict)  # facet key -> list of slugs


def indexed_models():
    """Page models that take part in search: those that declare a ``search_kind``."""
    return [model for model in get_page_models() if getattr(model, "search_kind", None)]


def is_indexed(page):
    return bool(getattr(page.specific_class, "search_kind", None))


def should_be_indexed(page):
    return is_indexed(page) and page.live and not page.get_view_restrictions().exists()


def build(page):
    page = page.specific
    terms = {}
    for vocabulary in VOCABULARIES:
        slugs = sorted({term.slug for term in terms_of(page, vocabulary)})
        if slugs:
            terms[vocabulary.key] = slugs
    if hasattr(page, "search_facets"):
        terms.update({key: values for key, values in page.search_facets().items() if values})
    return Document(
        page_id=page.pk,
        language=page.locale.language_code,
        kind=page.search_kind,
        title=page.title,
        summary=getattr(page, "intro", "") or "",
        text=" ".join([page.title, getattr(page, "intro", "") or "", page.search_text()]),
        published_at=page.first_published_at,
        start=getattr(page, "start", None),
        end=getattr(page, "end", None),
        terms=terms,
    )


def live_indexed_pages():
    models = indexed_models()
    return Page.objects.live().type(*models).public().specific().select_related("locale")
