"""The registry is the one place search learns what is searchable: a kind registered from outside
search (here: information pages, with a facet of their own) is indexed, filtered, counted,
validated, shown on the page and in the API, without any change to search itself."""

import re
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.http import QueryDict
from wagtail.models import Page

from information.models import InformationPage, Purpose
from methods.models import MethodPage
from projects.models import ProjectPage
from search import documents, registry
from search.backends.database import DatabaseBackend
from search.facets import FACETS
from search.query import SearchQuery, parse
from search.tests.conftest import drop_indexes, osmem_backend

SEARCH_DIR = Path(registry.__file__).parent


def purposes_of(page):
    return [page.purpose] if page.purpose else []


def information_kind():
    return registry.Kind(
        key="information",
        label="Informatie",
        model="information.InformationPage",
        document=registry.DocumentFields(summary="intro", text=("intro", "body")),
        facets=(
            registry.ChoiceFacet(
                "purpose", "Doel", {value: label for value, label in Purpose.choices if value}, purposes_of
            ),
        ),
        shown=("purpose",),
        shared=("purpose",),
        card_template="search/components/result_card.html",
    )


@pytest.fixture
def information_registered(db):
    registry.register(information_kind())
    pages = list(InformationPage.objects.live().specific())
    DatabaseBackend().index_many([documents.build(page) for page in pages])
    yield pages
    registry.unregister("information")


def privacy_page(language):
    return InformationPage.objects.get(purpose=Purpose.PRIVACY, locale__language_code=language)


def test_a_registered_kind_is_searched_and_counted_by_the_database_backend(information_registered):
    query = SearchQuery("nl", filters={"purpose": ("privacy",)}, kinds=("information",))
    raw = DatabaseBackend().search(query, ["purpose"])
    assert raw.page_ids == [privacy_page("nl").pk]
    assert raw.counts["purpose"]["privacy"] == 1
    assert raw.terms_by_page[privacy_page("nl").pk] == {"purpose": ["privacy"]}

    everything = DatabaseBackend().search(SearchQuery("nl"), ["type"])
    assert (
        everything.counts["type"]["information"]
        == InformationPage.objects.live().filter(locale__language_code="nl").count()
    )


def test_a_registered_kind_is_searched_and_counted_by_the_elasticsearch_backend(information_registered, osmem):
    clone = osmem.clone()
    backend = osmem_backend(clone.url)
    assert "purpose" in backend.facet_keys  # built from the registry, as from_settings does
    try:
        backend.rebuild([documents.build(page) for page in documents.live_indexed_pages()])
        query = SearchQuery("nl", filters={"purpose": ("privacy",)}, kinds=("information",))
        raw = backend.search(query, ["purpose"])
        assert raw.page_ids == [privacy_page("nl").pk]
        assert raw.counts["purpose"]["privacy"] == 1
    finally:
        drop_indexes(backend)
        clone.close()


def test_the_parser_accepts_the_registered_kind_and_facet_and_ignores_junk(information_registered):
    query, messages = parse(QueryDict("type=information&purpose=privacy&purpose=nonsense"), "nl")
    assert query.filters == {"type": ("information",), "purpose": ("privacy",)}
    assert "nonsense" in messages[0]
    assert query.effective_kinds() == {"information"}


def test_the_api_and_the_page_show_the_registered_kind(client, information_registered):
    data = client.get("/api/search/", {"lang": "fr", "type": "information", "purpose": "privacy"}).json()
    assert [result["type"] for result in data["results"]] == ["information"]
    assert data["results"][0]["title"] == privacy_page("fr").title
    assert [facet["key"] for facet in data["facets"]] == ["purpose", "type"]  # an active filter stays shown

    html = client.get("/nl/zoeken/", {"type": "information"}).content.decode()
    assert 'name="purpose" value="privacy"' in html
    assert privacy_page("nl").title in html
    assert "Informatie" in html  # the card's kind label


def test_unregistered_the_kind_is_gone(information_registered):
    registry.unregister("information")
    assert "purpose" not in FACETS
    _query, messages = parse(QueryDict("type=information"), "nl")
    assert messages  # an unknown kind is ignored with a message again
    registry.register(information_kind())


def test_a_facet_key_means_one_facet():
    clash = registry.ChoiceFacet("region", "Regio", {"x": "x"}, purposes_of)
    kind = registry.Kind("clash", "Clash", "information.InformationPage", registry.DocumentFields(), (clash,), ())
    with pytest.raises(ImproperlyConfigured):
        registry.register(kind)
    assert registry.get_kind("clash") is None


def test_a_kind_shows_only_facets_it_declares():
    kind = registry.Kind("clash", "Clash", "information.InformationPage", registry.DocumentFields(), (), ("region",))
    with pytest.raises(ImproperlyConfigured):
        registry.register(kind)


@pytest.mark.parametrize("model", [ProjectPage, MethodPage])
def test_wagtail_search_fields_and_the_document_text_come_from_one_list(model):
    fields = registry.kind_for_model(model).document
    wagtail_fields = {field.field_name for field in model.search_fields}
    assert set(fields.text) | {fields.summary} <= wagtail_fields


@pytest.mark.django_db
def test_document_text_is_title_summary_and_the_declared_fields():
    project = ProjectPage.objects.live().filter(locale__language_code="nl").exclude(partners="").first()
    document = documents.build(project)
    assert document.text.startswith(f"{project.title} {project.intro} {project.intro} ")
    assert document.text.endswith(f" {project.initiator} {project.municipality} {project.partners}")


FORBIDDEN = re.compile(r"""["'](project|method|event|attendance|month|target_group|on-site)["']""")


def test_search_names_no_kind_and_no_facet():
    sources = [*SEARCH_DIR.glob("*.py"), *SEARCH_DIR.glob("backends/*.py"), *SEARCH_DIR.glob("templatetags/*.py")]
    sources += list((SEARCH_DIR / "templates").rglob("*.html"))
    offenders = [str(path) for path in sources if FORBIDDEN.search(path.read_text())]
    assert offenders == []


def test_pages_do_not_import_views():
    assert "views" not in (SEARCH_DIR / "pages.py").read_text()


@pytest.mark.django_db
def test_kinds_follow_the_installed_apps():
    assert registry.kind_keys()[:3] == ["project", "method", "event"]
    assert isinstance(registry.kind_of(Page.objects.type(ProjectPage).first()), registry.Kind)
