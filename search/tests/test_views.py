"""The search page, the index pages and the JSON API: state in the URL, chips, zero results,
and bad input that never becomes a 500."""

import html
import re

import pytest


def text_of(response):
    return html.unescape(response.content.decode())


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/nl/zoeken/", "/fr/recherche/"])
def test_search_page_per_language(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "66 " in text_of(response)
    assert 'name="target_group"' in response.content.decode()


@pytest.mark.django_db
def test_language_switcher_keeps_the_query(client):
    page = client.get("/nl/zoeken/", {"q": "steensoep", "focus": "sociale-cohesie"}).content.decode()
    assert 'href="/fr/recherche/?q=steensoep&amp;focus=sociale-cohesie"' in page


@pytest.mark.django_db
def test_filters_in_the_url_render_checked_boxes_chips_and_counts(client):
    response = client.get(
        "/nl/projecten/", {"target_group": ["ouderen", "kinderen-jongeren"], "connection": "activiteit"}
    )
    body = response.content.decode()
    assert "2 resultaten" in body
    assert re.search(r'name="target_group" value="ouderen" id="[^"]+" checked', body)
    assert re.search(r'name="connection" value="activiteit" id="[^"]+" checked', body)
    # A chip per active filter, each a link to the same search without it.
    assert "?target_group=kinderen-jongeren&amp;connection=activiteit" in body  # without "ouderen"
    assert "?target_group=ouderen&amp;target_group=kinderen-jongeren" in body  # without "activiteit"
    assert "Alle filters wissen" in body
    # Filtered listings are not for search engines.
    assert '<meta name="robots" content="noindex, follow">' in body
    # Options that would give nothing are disabled, never a dead-end link.
    assert re.search(r'<input type="checkbox" id="f-connection-figuur" disabled>', body)


@pytest.mark.django_db
def test_unfiltered_index_is_indexable(client):
    body = client.get("/nl/projecten/").content.decode()
    assert "noindex" not in body
    assert "35 resultaten" in body


@pytest.mark.django_db
def test_zero_results_offer_to_remove_the_most_restrictive_filter(client):
    response = client.get("/nl/projecten/", {"target_group": "handicap", "connection": "figuur"})
    body = text_of(response)
    assert "0 resultaten" in body and "Geen resultaten" in body
    # Without "handicap": the 6 'figuur' projects; without "figuur": 2 projects. Offer the larger.
    assert "Zonder de filter “Personen met een handicap” zijn er 6 resultaten." in body
    assert 'href="?connection=figuur"' in response.content.decode()


@pytest.mark.django_db
def test_partial_response_for_the_enhancement_script(client):
    response = client.get("/nl/projecten/", {"focus": "leefbaarheid"}, HTTP_X_SEARCH_PARTIAL="1")
    body = response.content.decode()
    assert "<html" not in body
    assert "data-facets" in body and "data-results-region" in body
    assert 'aria-live="polite"' in body
    assert response["Vary"] == "X-Search-Partial"


@pytest.mark.django_db
def test_agenda_lists_upcoming_soonest_first_and_the_archive(client):
    upcoming = client.get("/nl/agenda/").content.decode()
    assert "10 resultaten" in upcoming
    archive = text_of(client.get("/nl/agenda/", {"period": "past"}))
    assert "2 resultaten" in archive
    assert archive.index("Opstart Sociokoop") < archive.index("Zorgzame buurten in Leuven")


@pytest.mark.django_db
def test_toolbox_facets(client):
    body = text_of(client.get("/fr/boite-a-outils/", {"connection": "activiteit"}))
    assert "Activités qui créent du lien" in body
    assert "Public cible" in body


@pytest.mark.django_db
def test_api_shape(client):
    response = client.get("/api/search/", {"lang": "fr", "type": "project", "target_group": "ouderen", "page": "1"})
    assert response.status_code == 200
    data = response.json()
    assert set(data) >= {"count", "page", "pages", "results", "facets"}
    assert data["count"] == 4 and data["page"] == 1 and data["pages"] == 1
    first = data["results"][0]
    assert set(first) >= {"id", "language", "title", "url", "type", "summary", "terms", "translation"}
    assert first["type"] == "project" and first["url"].startswith("http") and "/fr/" in first["url"]
    assert "ouderen" in first["terms"]["target_group"]
    facet = next(f for f in data["facets"] if f["key"] == "target_group")
    assert facet["label"] == "Public cible"
    option = next(o for o in facet["options"] if o["slug"] == "ouderen")
    assert option["selected"] is True and option["count"] == 4 and option["label"]


@pytest.mark.django_db
def test_api_and_page_agree(client):
    params = {"type": "method", "connection": ["plek", "figuur"], "focus": "sociale-cohesie"}
    api = client.get("/api/search/", {"lang": "nl", **params}).json()
    page = client.get("/nl/zoeken/", params).content.decode()
    assert f"{api['count']} resultaten" in page or f"{api['count']} resultaat" in page
    for result in api["results"]:
        assert result["url"].replace("http://testserver", "") in page


BAD_INPUT = [
    {"unknown_key": "x"},
    {"target_group": "bestaat-niet"},
    {"target_group": ["ouderen", "ouderen", "handicap"]},
    {"q": ["een", "twee"]},
    {"q": "x" * 10_000},
    {"page": "abc"},
    {"page": "99999"},
    {"page": "-3"},
    {"sort": "drop table"},
    {"month": "2026-13"},
    {"type": "nope"},
    {"q": "\x00\x1f<script>alert(1)</script>"},
    {"q": '"unbalanced OR (quote -'},
]


@pytest.mark.django_db
@pytest.mark.parametrize("params", BAD_INPUT)
@pytest.mark.parametrize("url", ["/nl/zoeken/", "/fr/projets/", "/nl/agenda/"])
def test_bad_input_on_pages_is_a_200_with_a_message(client, url, params):
    response = client.get(url, params)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.django_db
def test_bad_input_messages(client):
    body = text_of(client.get("/nl/zoeken/", {"target_group": "bestaat-niet", "page": "abc"}))
    assert "Deze filters bestaan niet en werden genegeerd: bestaat-niet." in body
    assert "Dat paginanummer bestaat niet" in body
    body = text_of(client.get("/nl/zoeken/", {"page": "99999"}))
    assert "Die pagina bestaat niet; je ziet de laatste pagina." in body
    body = text_of(client.get("/nl/zoeken/", {"q": "buurt " * 2000}))
    assert "we zochten op de eerste 200 tekens" in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params,status",
    [
        ({"lang": "xx"}, 400),
        ({"lang": "nl", "page": "abc"}, 400),
        ({"lang": "nl", "page": "0"}, 400),
        ({"lang": "nl", "sort": "sideways"}, 400),
        ({"lang": "nl", "page": "99999"}, 200),
        ({"lang": "nl", "target_group": "bestaat-niet"}, 200),
        ({"lang": "nl", "q": "x" * 10_000}, 400),  # longer than common.params.MAX_LENGTH
        ({"lang": "nl", "q": "x" * 1_000}, 200),  # cut to the search's 200 characters, with a message
        ({"lang": ["nl", "fr"]}, 200),
        ({}, 200),
    ],
)
def test_api_bad_input(client, params, status):
    response = client.get("/api/search/", params)
    assert response.status_code == status
    data = response.json()
    if status == 400:
        assert data["error"]
    elif params.get("page") == "99999":
        assert data["results"] == [] and data["page"] == 99999


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/search/?lang=nl&q=%ff%fe", "/nl/zoeken/?q=%ff%fe&target_group=%c3%28"])
def test_invalid_utf8_is_not_an_error(client, url):
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_search_query_count_is_the_same_for_any_number_of_filters_and_results(client):
    """The database backend answers every search with the same statements: more active facets,
    more selected options or more results never mean more queries. (Searches over several
    content types add one query per page model among the results.)"""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    searches = [  # one content type, so the same page models are loaded every time
        {"type": "project"},
        {"type": "project", "target_group": "ouderen"},
        {"type": "project", "target_group": ["ouderen", "type-buurt"], "focus": "sociale-cohesie"},
        {
            "type": "project",
            "target_group": ["ouderen", "type-buurt"],
            "connection": "activiteit",
            "focus": "sociale-cohesie",
        },
    ]
    client.get("/nl/zoeken/")  # warm caches (site root, known slugs, vocabulary labels)
    counts, totals = [], []
    for params in searches:
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/nl/zoeken/", params)
        totals.append(response.context["results"].total)
        counts.append(len(queries))
    assert all(totals), totals  # every search has results, so every search loads a page of them
    assert len(set(totals)) == len(totals), totals  # and they differ in size
    assert len(set(counts)) == 1, counts


@pytest.mark.django_db
def test_agenda_splits_upcoming_and_past_by_the_events_clock(client, monkeypatch):
    """The agenda page measures "upcoming" from the events clock, so a fixed clock fixes it."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from events import clock

    monkeypatch.setattr(clock, "now", lambda: datetime(2022, 6, 1, 12, 0, tzinfo=ZoneInfo("Europe/Brussels")))
    upcoming = text_of(client.get("/nl/agenda/"))
    assert "11 resultaten" in upcoming  # on 1 June 2022 only the Leuven day of 18 May is past
    past = text_of(client.get("/nl/agenda/", {"period": "past"}))
    assert "1 resultaat" in past and "Zorgzame buurten in Leuven" in past
