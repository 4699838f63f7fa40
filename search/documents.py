"""What the index knows about a page: built once here, stored by every backend."""

from dataclasses import dataclass, field

from wagtail.models import Page

from . import registry


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
    """Page models that take part in search: those of the registered kinds."""
    return registry.page_models()


def is_indexed(page):
    return registry.kind_for_model(page.specific_class) is not None


def should_be_indexed(page):
    return is_indexed(page) and page.live and not page.get_view_restrictions().exists()


def build(page):
    page = page.specific
    kind = registry.kind_of(page)
    fields = kind.document
    return Document(
        page_id=page.pk,
        language=page.locale.language_code,
        kind=kind.key,
        title=page.title,
        summary=fields.summary_of(page),
        text=fields.text_of(page),
        published_at=page.first_published_at,
        start=fields.date_of(page, fields.start),
        end=fields.date_of(page, fields.end),
        terms=kind.terms(page),
    )


def live_indexed_pages():
    models = indexed_models()
    return Page.objects.live().type(*models).public().specific().select_related("locale")
