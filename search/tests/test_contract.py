"""One contract, every backend: the same queries on the same content give the same results and
the same facet counts (see conftest.py for which backends run here)."""

import pytest
from wagtail.models import Page

from search.facets import FACETS
from search.query import SearchQuery
from search.text import stems, words
from tests.report_tables import REPORT_TABLES, disjunctive_counts, matching

PROJECT_FACETS = ["target_group", "connection", "focus", "objective", "region", "driving_force", "crucial_element"]


@pytest.fixture
def fiche_of(project_slugs):
    """Dutch or French project page id -> report fiche number."""
    number_by_slug = {slug: number for number, slug in project_slugs.items()}
    mapping = {}
    for page in Page.objects.filter(depth=4, locale__language_code="nl"):
        if page.slug in number_by_slug:
            for translation in page.get_translations(inclusive=True):
                mapping[translation.pk] = number_by_slug[page.slug]
    return mapping


def run(backend, language="nl", facets=(), **kwargs):
    kwargs.setdefault("per_page", 100)
    return backend.search(SearchQuery(language, **kwargs), list(facets))


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_everything_in_one_language(backend, language):
    raw = run(backend, language, facets=["type"])
    assert raw.total == 66
    assert raw.counts["type"] == {"project": 35, "method": 19, "event": 12}
    languages = set(Page.objects.filter(pk__in=raw.page_ids).values_list("locale__language_code", flat=True))
    assert languages == {language}


COMBINATIONS = [
    {"target_group": ["ouderen"]},
    {"target_group": ["ouderen", "kinderen-jongeren"]},
    {"target_group": ["ouderen", "kinderen-jongeren"], "connection": ["activiteit"]},
    {"connection": ["plek", "figuur"], "focus": ["welbevinden-zorg"]},
    {"objective": ["verbinden-met-zorg", "verbinden-met-elkaar"]},
    {"driving_force": ["beleidsmakers"], "crucial_element": ["plaatsgebonden"]},
    {"focus": ["leefbaarheid"], "crucial_element": ["thuis", "krachtgerichtheid"], "connection": ["plek"]},
    {"target_group": ["type-buurt"], "connection": ["activiteit"], "focus": ["sociale-cohesie"]},
    {"target_group": ["handicap"], "connection": ["figuur"]},  # nothing
]


@pytest.mark.parametrize("language", ["nl", "fr"])
@pytest.mark.parametrize("filters", COMBINATIONS, ids=lambda f: "+".join(f"{k}={','.join(v)}" for k, v in f.items()))
def test_project_facets_match_the_report(backend, language, filters, fiche_of):
    query_filters = {key: tuple(rows) for key, rows in filters.items()}
    raw = run(backend, language, facets=PROJECT_FACETS, filters=query_filters, kinds=("project",))
    expected = matching(filters)
    assert {fiche_of[pk] for pk in raw.page_ids} == expected
    assert raw.total == len(expected)
    for key in REPORT_TABLES:  # region is not one of the report's tables
        expected_counts = {row: n for row, n in disjunctive_counts(filters, key).items() if n}
        assert raw.counts[key] == expected_counts, key


def test_region_counts_add_up_to_all_projects(backend):
    raw = run(backend, facets=["region"], kinds=("project",))
    assert sum(raw.counts["region"].values()) == 35


def test_type_filter_combines_with_other_facets(backend):
    raw = run(backend, facets=["type", "target_group"], filters={"type": ("method", "event")})
    assert raw.total == 31
    assert raw.counts["type"] == {"project": 35, "method": 19, "event": 12}  # disjunctive: own filter ignored
    assert sum(1 for _ in raw.page_ids) == 31


def oracle(demo_documents, language, text, kind=None):
    """Pages containing every word as typed (case and accents folded). Only meaningful for words
    without inflected forms in the content, which ``uninflected`` checks, so that stemming and
    non-stemming backends must agree."""
    wanted = set(words(text))
    return {
        d.page_id
        for d in demo_documents
        if d.language == language and (kind is None or d.kind == kind) and wanted <= set(words(d.text))
    }


def uninflected(demo_documents, language, text):
    wanted = set(stems(text, language))
    stemmed = {d.page_id for d in demo_documents if d.language == language and wanted <= set(stems(d.text, language))}
    return stemmed == oracle(demo_documents, language, text)


@pytest.mark.parametrize(
    "language,text",
    [
        ("nl", "steensoep"),
        ("nl", "Deerlijk"),
        ("nl", "moestuin"),
        ("fr", "Deerlijk"),
        ("fr", "caillou"),
        ("nl", "DIGIDAK"),
        ("fr", "Roulers"),
        ("nl", "Oostende KARwijk"),
    ],
)
def test_full_text_finds_the_pages_that_contain_the_words(backend, demo_documents, language, text):
    expected = oracle(demo_documents, language, text)
    assert expected, "the oracle must find something for a meaningful test"
    assert uninflected(demo_documents, language, text)
    raw = run(backend, language, text=text)
    assert set(raw.page_ids) == expected
    assert raw.total == len(expected)


def test_text_and_facets_together(backend, demo_documents, fiche_of):
    assert uninflected(demo_documents, "nl", "Roeselare")
    raw = run(
        backend, "nl", facets=["connection"], text="Roeselare", kinds=("project",), filters={"connection": ("plek",)}
    )
    expected = oracle(demo_documents, "nl", "Roeselare", "project") & {
        pk for pk, number in fiche_of.items() if number in matching({"connection": ["plek"]})
    }
    assert expected and set(raw.page_ids) == expected
    # The facet counts its own options given the text, not given its own filter.
    in_text = {fiche_of[pk] for pk in oracle(demo_documents, "nl", "Roeselare", "project")}
    expected_counts = {row: len(in_text & matching({"connection": [row]})) for row in REPORT_TABLES["connection"]}
    assert raw.counts["connection"] == {row: n for row, n in expected_counts.items() if n}


def test_accents_and_case_do_not_matter(backend):
    with_accents = run(backend, "fr", text="CAFÉ-DIALOGUE")
    without = run(backend, "fr", text="cafe dialogue")
    assert with_accents.page_ids and set(with_accents.page_ids) == set(without.page_ids)


def test_sort_by_title_and_paging(backend, demo_documents):
    from search.text import fold

    titles = sorted((fold(d.title), d.page_id) for d in demo_documents if d.language == "nl" and d.kind == "method")
    expected = [page_id for _, page_id in titles]
    first = run(backend, "nl", kinds=("method",), sort="title", per_page=12)
    second = run(backend, "nl", kinds=("method",), sort="title", per_page=12, page=2)
    assert first.page_ids + second.page_ids == expected
    assert first.total == second.total == 19


def test_sort_newest_first(backend, demo_documents):
    docs = sorted(
        (d for d in demo_documents if d.language == "fr" and d.kind == "project"),
        key=lambda d: (-d.published_at.timestamp(), d.title.lower()),
    )
    raw = run(backend, "fr", kinds=("project",), sort="newest", per_page=5)
    assert raw.page_ids == [d.page_id for d in docs[:5]]


def test_upcoming_events_soonest_first_and_past_latest_first(backend, demo_documents):
    from django.utils import timezone

    now = timezone.now()
    events = [d for d in demo_documents if d.language == "nl" and d.kind == "event"]
    upcoming = [d.page_id for d in sorted((d for d in events if d.end >= now), key=lambda d: d.start)]
    past = [d.page_id for d in sorted((d for d in events if d.end < now), key=lambda d: d.start, reverse=True)]
    assert run(backend, "nl", kinds=("event",), sort="date", period="upcoming").page_ids == upcoming
    assert run(backend, "nl", kinds=("event",), sort="date", period="past").page_ids == past


def test_event_facets_attendance_and_month(backend, demo_documents):
    events = [d for d in demo_documents if d.language == "nl" and d.kind == "event"]
    raw = run(backend, "nl", kinds=("event",), facets=["attendance", "month"], filters={"attendance": ("online",)})
    online = [d for d in events if "online" in d.terms.get("attendance", [])]
    assert raw.total == len(online) == 3
    assert raw.counts["attendance"] == {"online": 3, "on-site": len(events) - 3}
    months = {}
    for d in online:
        for month in d.terms["month"]:
            months[month] = months.get(month, 0) + 1
    assert raw.counts["month"] == months


def test_terms_of_each_result_are_returned(backend, fiche_of):
    raw = run(backend, "nl", kinds=("project",), filters={"target_group": ("handicap",)}, facets=[])
    assert {fiche_of[pk] for pk in raw.page_ids} == {16, 24}
    for page_id in raw.page_ids:
        assert "handicap" in raw.terms_by_page[page_id]["target_group"]
        assert raw.terms_by_page[page_id]["region"]


def test_every_facet_key_is_known():
    assert set(PROJECT_FACETS) | {"type", "attendance", "month"} == set(FACETS)
    assert set(REPORT_TABLES) <= set(FACETS)


@pytest.mark.parametrize(
    "language,query,found_word",
    [("nl", "buurten", "buurt"), ("fr", "solidaires", "solidaire"), ("nl", "moestuinen", "moestuin")],
)
def test_stemming(stemming_backend, demo_documents, language, query, found_word):
    """Where the backend stems (database, real Elasticsearch), a plural finds the singular."""
    only_singular = {
        d.page_id
        for d in demo_documents
        if d.language == language and found_word in words(d.text) and query not in words(d.text)
    }
    assert only_singular, "content must contain pages with only the singular form"
    raw = run(stemming_backend, language, text=query)
    assert only_singular <= set(raw.page_ids)


def test_small_typo_is_forgiven_when_nothing_matches_exactly(filled_backends, demo_documents):
    """Elasticsearch (stand-in and real) allows one typo in words of five letters or more."""
    for backend in filled_backends.values():
        exact = set(run(backend, "nl", text="steensoep").page_ids)
        assert exact
        assert set(run(backend, "nl", text="steensop").page_ids) == exact  # one letter missing
        assert run(backend, "nl", text="soap").total == 0 or "soap" in " ".join(d.text for d in demo_documents)
