"""Hostile requests over every public URL, form and API parameter: no 5xx, no traceback, and
injected markup comes back escaped. The corpus is generated from fixed lists (no randomness), so
every run sends the same requests; common/params.py is the one validation they meet."""

import html

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from events.models import EventIndexPage, EventPage
from information.models import InformationPage
from methods.models import MethodIndexPage, MethodPage
from projects.models import ProjectIndexPage, ProjectPage
from search.facets import FACETS

HUGE_PAGE = "768614336404564652"
SCRIPT = "<script>alert('zb-xss')</script>"
IMG = '"><img src=x onerror=alert(1)>'
# Values for any parameter.
VALUES = [
    "\x00",
    HUGE_PAGE,
    "9" * 40,
    "-1",
    "-" + HUGE_PAGE,
    "x" * 10_000,
    SCRIPT,
    IMG,
    "' OR '1'='1' --",
    "1; DROP TABLE wagtailcore_page; --",
    "../../../../etc/passwd",
    "{{ 7*7 }}{% debug %}",
    "\u202e\ufeff\U0001f600",
    "0",
    "1e308",
    "javascript:alert(1)",
    "\x1b[31m\r\n",
    "",
]
# Query strings as sent on the wire: invalid UTF-8, bare %, NUL in a name, repeats, unknowns.
RAW_QUERIES = [
    "q=%ff%fe",
    "region=%c3%28",
    "page=%00",
    "%00=1",
    "a=%&b=%zz",
    "=&&==&",
    "page=1&page=2&page=" + "9" * 25,
    "&".join(["region=brussel"] * 30),
    "utm_source=x&unknown_param=1",
    "lang=xx&lang=%00",
    "sort=%3Cscript%3E&month=2026-13",
    "type=..%2F..%2Fetc%2Fpasswd",
]
PARAMETERS = ["q", "page", "sort", "period", "lang", *FACETS]
WRONG_METHODS = ["post", "put", "delete"]
PATHS = [
    "/xx/",
    "/xx/zoeken/",
    "/nl-be/zoeken/",
    "/NL/",
    "/nl/../../etc/passwd",
    "/nl/%2e%2e/%2e%2e/etc/passwd",
    "/nl/zoeken/%00/",
    "/nl/agenda/%00.ics",
    "/nl/agenda/..%2f..%2fsecret.ics",
    "/api/search/%00",
    "/nl/%3Cscript%3Ealert(1)%3C/script%3E/",
    "/nl/" + "a" * 5000 + "/",
    "/static/../zorgzamebuurten/settings/base.py",
    "/documents/%00/",
    "/fr/agenda.ics/../../",
    "/nl/%ff%fe/",
]
# A form posted with the wrong body or content type.
BAD_BODIES = [
    ("text/plain", b"name=x&email=y"),
    ("application/json", b'{"name": '),
    ("multipart/form-data", b"--x\r\nContent-Disposition: form-data; name=a\r\n\r\n"),
    ("multipart/form-data; boundary=zzz", b"garbage without a boundary"),
    ("application/x-www-form-urlencoded", b"name=%ff%fe&email=%00&consent=" + b"x" * 10_000),
]


def _first_url(model, language="nl"):
    return model.objects.live().filter(locale__language_code=language).first().url


def public_urls():
    """Every public URL kind: listings, the search page, details, feeds, the API, the sitemap."""
    event = EventPage.objects.live().filter(locale__language_code="nl").first()
    urls = ["/nl/", "/fr/"]
    for language in ("nl", "fr"):
        with translation.override(language):
            urls += [reverse("search"), reverse("events:feed"), reverse("submissions:submit")]
    with translation.override("nl"):
        urls += [reverse("events:event_ics", args=[event.slug]), reverse("events:privacy")]
    urls += [_first_url(model) for model in (ProjectIndexPage, MethodIndexPage, EventIndexPage)]
    urls += [_first_url(model, "fr") for model in (ProjectIndexPage, MethodIndexPage, EventIndexPage)]
    urls += [_first_url(model) for model in (ProjectPage, MethodPage, EventPage, InformationPage)]
    urls += ["/api/search/", "/sitemap.xml", "/robots.txt"]
    return urls


def corpus(urls, form_urls):
    """[(method, url, data, extra)]: each URL gets every value (on a parameter that rotates with
    the URL), some raw query strings, and the wrong methods; then bad paths and bad bodies."""
    requests = []
    for number, url in enumerate(urls):
        for index, value in enumerate(VALUES):
            requests.append(("get", url, {PARAMETERS[(number + index) % len(PARAMETERS)]: value}, {}))
        for index in range(4):
            query = RAW_QUERIES[(number * 4 + index) % len(RAW_QUERIES)]
            requests.append(("get", f"{url}?{query}", None, {}))
        requests += [(method, url, None, {}) for method in WRONG_METHODS]
    requests += [("get", path, None, {}) for path in PATHS]
    for url in form_urls:
        for content_type, body in BAD_BODIES:
            requests.append(("post", url, body, {"content_type": content_type}))
    return requests


def problems_of(response, method, url):
    problems = []
    body = response.content
    if response.status_code >= 500:
        problems.append(f"{response.status_code}")
    if b"Traceback" in body or b'File "/' in body:
        problems.append("traceback in the body")
    if response.get("Content-Type", "").startswith("text/html"):
        text = body.decode("utf-8", "replace")
        if SCRIPT in text or "<img src=x onerror" in text:
            problems.append("injected markup not escaped")
    return [f"{method.upper()} {url[:120]}: {problem}" for problem in problems]


@pytest.mark.django_db
def test_hostile_corpus_gets_no_server_error(settings):
    settings.DEBUG_PROPAGATE_EXCEPTIONS = False
    client = Client(raise_request_exception=False)
    urls = public_urls()
    event_url = _first_url(EventPage)
    with translation.override("nl"):
        form_urls = [reverse("submissions:submit"), event_url]
    requests = corpus(urls, form_urls)
    assert len(requests) >= 300
    problems = []
    for method, url, data, extra in requests:
        response = getattr(client, method)(url, data, **extra)
        shown = f"{url} {sorted(data)}" if isinstance(data, dict) else url
        problems += problems_of(response, method, shown)
    assert problems == [], "\n".join(problems[:40])


# The requests found in the field, each on its own -------------------------------------------


def text_of(response):
    return html.unescape(response.content.decode())


@pytest.mark.django_db
def test_a_page_number_too_large_for_the_database_is_refused_by_the_api(client):
    response = client.get("/api/search/", {"lang": "nl", "page": HUGE_PAGE})
    assert response.status_code == 400
    assert "page" in response.json()["error"]


@pytest.mark.django_db
@pytest.mark.parametrize("model", [None, ProjectIndexPage, EventIndexPage, MethodIndexPage])
def test_a_page_number_too_large_shows_the_last_page(client, model):
    url = _first_url(model) if model else "/nl/zoeken/"
    response = client.get(url, {"page": HUGE_PAGE})
    assert response.status_code == 200
    assert "Die pagina bestaat niet; je ziet de laatste pagina." in text_of(response)


@pytest.mark.django_db
def test_a_nul_byte_in_an_agenda_filter_is_a_message(client):
    response = client.get("/nl/agenda/?region=%00")
    assert response.status_code == 200
    assert "De parameter region bevat ongeldige tekens." in text_of(response)
    # The feed link on that page carries no NUL byte.
    assert "%00" not in response.content.decode()


@pytest.mark.django_db
def test_a_nul_byte_in_a_feed_filter_is_a_400_with_a_message(client):
    response = client.get("/nl/agenda.ics?region=%00")
    assert response.status_code == 400
    assert "De parameter region bevat ongeldige tekens." in response.content.decode()
    assert client.get("/fr/agenda.ics?focus=%00").content.decode() == (
        "Le paramètre focus contient des caractères non valides."
    )


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/nl/%00/", "/fr/projets/%00%01/", "/nl/zoeken/%00/"])
def test_a_control_character_in_the_path_is_a_translated_404(client, path):
    # No page can have such an address: the site's own "not found" page, in the path's language.
    response = client.get(path)
    assert response.status_code == 404
    assert ("Pagina niet gevonden" if path.startswith("/nl/") else "Page introuvable") in response.content.decode()
