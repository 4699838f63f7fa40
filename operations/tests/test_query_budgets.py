"""Query budgets: a listing of 50 items costs exactly as many SQL queries as one of 5.

Each test publishes pages that all carry the word "budgettoets" in their title, each with its own
image and vocabulary terms (the usual sources of one-query-per-item), and renders the listing
filtered on that word with a page size large enough to show all of them. The listing is
rendered once before counting, so renditions and cached vocabulary exist, as on a live site.
"""

import re
from datetime import timedelta

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import search.query
from events.models import EventIndexPage, EventPage
from home.models import HomePage
from methods.models import MethodIndexPage, MethodPage
from projects.models import ProjectIndexPage, ProjectPage
from taxonomy.models import ConnectionMethod, Focus, TargetGroup

WORD = "budgettoets"


@pytest.fixture(autouse=True)
def big_pages(monkeypatch):
    monkeypatch.setattr(search.query, "PER_PAGE", 60)


def with_terms(page, dutch):
    for field, model in (("target_groups", TargetGroup), ("focus", Focus), ("connection_methods", ConnectionMethod)):
        getattr(page, field).set(model.objects.filter(locale=dutch)[:2])
    return page


def make(kind, number, dutch):
    common = {
        "title": f"{WORD.capitalize()} {kind} {number}",
        "slug": f"{WORD}-{kind}-{number}",
        "intro": f"Een {kind} om het aantal queries te tellen.",
        "image": wagtail_factories.ImageFactory(title=f"{WORD} {kind} {number}"),
        "image_alt": "Een testbeeld",
    }
    if kind == "project":
        page = ProjectPage(**common, initiator="Testorganisatie", municipality="Leuven", postcode="3000")
        index = ProjectIndexPage.objects.get(locale=dutch)
    elif kind == "method":
        page = MethodPage(**common, aim="Tellen hoeveel queries een overzicht kost.")
        index = MethodIndexPage.objects.get(locale=dutch)
    else:
        start = timezone.now() + timedelta(days=3 + number)
        page = EventPage(
            **common,
            organiser="Testorganisatie",
            venue_name="Buurthuis",
            address="Straat 1, 3000 Leuven",
            start=start,
            end=start + timedelta(hours=2),
        )
        index = EventIndexPage.objects.get(locale=dutch)
    index.add_child(instance=with_terms(page, dutch))
    page.save_revision().publish()
    return page


def queries_for(client, url, expected_items):
    client.get(url)  # warm up: renditions are made on the first view, vocabulary is cached
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count('class="card-title"') == expected_items, url
    return len(captured)


def assert_flat(counts):
    (few, few_count), (many, many_count) = counts
    assert few_count == many_count, f"{few} items: {few_count} queries; {many} items: {many_count} queries"


def listing_budget(client, dutch, kind, url):
    counts = []
    made = 0
    for total in (5, 50):
        while made < total:
            make(kind, made, dutch)
            made += 1
        counts.append((total, queries_for(client, url, total)))
    assert_flat(counts)


@pytest.mark.django_db
def test_project_index(client, dutch):
    listing_budget(client, dutch, "project", ProjectIndexPage.objects.get(locale=dutch).url + f"?q={WORD}")


@pytest.mark.django_db
def test_toolbox(client, dutch):
    listing_budget(client, dutch, "method", MethodIndexPage.objects.get(locale=dutch).url + f"?q={WORD}")


@pytest.mark.django_db
def test_agenda(client, dutch):
    listing_budget(client, dutch, "event", EventIndexPage.objects.get(locale=dutch).url + f"?q={WORD}")


@pytest.mark.django_db
def test_search_page(client, dutch):
    listing_budget(client, dutch, "project", f"/nl/zoeken/?q={WORD}")


@pytest.mark.django_db
def test_home_page_featured(client, dutch):
    home = HomePage.objects.get(locale=dutch)
    featured = [make(("project", "method", "event")[n % 3], n, dutch) for n in range(50)]
    counts = []
    for total in (5, 50):
        home.featured = [("page", page) for page in featured[:total]]
        home.save_revision().publish()
        counts.append((total, queries_for(client, home.url, total)))
    assert_flat(counts)


@pytest.fixture
def forget_renditions():
    """Wagtail caches renditions by image id and file hash; factory images share one file and the
    ids come back after each test's rollback, so start and end without cached renditions."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
def test_home_page_cards_load_only_the_renditions_cards_show(dutch, forget_renditions):
    from common.images import CARD_SPECS, RENDITION_SPECS

    home = HomePage.objects.get(locale=dutch)
    pages = [make(kind, n, dutch) for n, kind in enumerate(("project", "method", "event"))]
    assert pages[0].image.renditions.count() == len(RENDITION_SPECS)  # every size exists
    home.featured = [("page", page) for page in pages]
    home.save_revision().publish()
    cards = HomePage.objects.get(pk=home.pk).featured_cards()
    assert [card.pk for card in cards] == [page.pk for page in pages]
    for card in cards:
        loaded = card.image._prefetched_objects_cache["renditions"]
        assert sorted(rendition.filter_spec for rendition in loaded) == sorted(CARD_SPECS)


@pytest.mark.django_db
def test_result_cards_load_only_the_renditions_cards_show(client, dutch):
    from common.images import CARD_SPECS, RENDITION_SPECS
    from search.service import load_pages

    pages = [make("project", n, dutch) for n in range(2)]
    assert pages[0].image.renditions.count() == len(RENDITION_SPECS)  # every size exists
    for page in load_pages([page.pk for page in pages]):
        loaded = page.image._prefetched_objects_cache["renditions"]
        assert sorted(rendition.filter_spec for rendition in loaded) == sorted(CARD_SPECS)

    html = client.get(f"/nl/zoeken/?q={WORD}").content.decode()
    srcsets = re.findall(r'srcset="([^"]*)"', html)
    assert len(srcsets) == 2
    assert all("fill-480x270.format-webp" in srcset and "fill-960x540.format-webp" in srcset for srcset in srcsets)
