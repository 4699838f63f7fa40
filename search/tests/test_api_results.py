"""What the open API tells reusers about each result (README, "API"), and a query budget that
does not grow with the number of results."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from events.models import EventPage
from projects.models import ProjectPage

FIELDS = {
    "id", "language", "type", "title", "url", "summary", "start", "end", "status",
    "municipality", "image", "translation", "terms",
}  # fmt: skip


def api(client, **params):
    response = client.get("/api/search/", {"lang": "nl", **params})
    assert response.status_code == 200
    return response.json()


@pytest.mark.django_db
def test_every_result_has_the_documented_fields(client):
    results = api(client)["results"]
    assert results and all(set(result) == FIELDS for result in results)


@pytest.mark.django_db
def test_a_project_result(client):
    result = api(client, type="project")["results"][0]
    page = ProjectPage.objects.get(translation_key=result["id"], locale__language_code="nl")
    french = page.get_translation(Locale.objects.get(language_code="fr"))
    assert result["language"] == "nl" and result["type"] == "project"
    assert result["municipality"] == page.municipality and page.municipality
    assert result["start"] is None and result["end"] is None and result["status"] is None
    assert result["translation"] == f"http://testserver{french.url}"
    if page.image:
        assert result["image"]["url"].startswith("http://testserver/media/images/")
        assert result["image"]["alt"] == page.image_alt
    # The same id names the French version.
    french_result = api(client, lang="fr", type="project", q=french.title)["results"]
    assert result["id"] in {item["id"] for item in french_result}


@pytest.mark.django_db
def test_an_event_result_has_its_dates_and_status(client):
    result = api(client, type="event")["results"][0]
    page = EventPage.objects.get(translation_key=result["id"], locale__language_code="nl")
    assert result["start"] == page.start.isoformat() or result["start"][:16] == page.start.isoformat()[:16]
    assert result["end"] and result["status"] == page.status
    assert result["municipality"] is None


@pytest.mark.django_db
def test_a_result_without_translation_says_null(client):
    page = ProjectPage.objects.live().filter(locale__language_code="nl").first()
    french = page.get_translation(Locale.objects.get(language_code="fr"))
    french.unpublish()
    results = api(client, type="project", q=page.title)["results"]
    assert next(result for result in results if result["id"] == str(page.translation_key))["translation"] is None


@pytest.mark.django_db
def test_api_query_count_does_not_grow_with_the_number_of_results(client):
    client.get("/api/search/", {"lang": "nl"})  # warm caches (site root, known slugs, labels)
    counts, totals = [], []
    last_page = {"type": "project", "sort": "title", "page": "3"}  # 35 demo projects: 11 on page 3
    for params in (last_page, {"type": "project", "sort": "title"}):
        with CaptureQueriesContext(connection) as queries:
            data = api(client, **params)
        totals.append(len(data["results"]))
        counts.append(len(queries))
    assert 0 < totals[0] < totals[1], totals
    assert counts[0] == counts[1], counts
