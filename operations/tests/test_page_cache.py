"""The whole-page cache: anonymous visitors get stored pages, nobody gets a stale page after an
editor publishes, and nobody gets someone else's page (CSRF token, editor's view)."""

import pytest
from django.core.cache import cache
from django.db.models import F
from wagtail.models import Locale

from demo.translation import translate
from events.models import EventPage
from operations.models import PageCacheGeneration
from projects.models import ProjectIndexPage, ProjectPage
from taxonomy.models import Focus


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.SHARED_DATA_SECONDS = 600
    settings.CDN_MAX_AGE = 60
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def project(dutch):
    return ProjectPage.objects.live().filter(locale=dutch).order_by("pk").first()


def get(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response


def publish_title(page, title):
    page.title = title
    page.save_revision().publish()


@pytest.mark.django_db
def test_anonymous_pages_come_from_the_cache_with_cdn_headers(page_cache, client, project):
    first = get(client, project.url)
    second = get(client, project.url)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    for response in (first, second):
        assert response["Cache-Control"] == "public, max-age=0, s-maxage=60"
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["X-Request-ID"] != first["X-Request-ID"]  # per request, never stored


@pytest.mark.django_db
def test_publishing_shows_the_new_title_on_the_next_request(page_cache, client, dutch):
    index_url = ProjectIndexPage.objects.get(locale=dutch).url
    listed = get(client, index_url).content.decode()
    project = next(p for p in ProjectPage.objects.live().filter(locale=dutch) if f'href="{p.url}"' in listed)
    search_url = "/nl/zoeken/?q=gloednieuwe"  # nothing found yet, and that answer is cached too
    for url in (project.url, index_url, search_url):
        get(client, url)
        assert get(client, url)["X-Page-Cache"] == "hit"

    publish_title(project, "Een gloednieuwe titel na publicatie")

    for url in (project.url, index_url, search_url):
        response = get(client, url)
        assert "Een gloednieuwe titel na publicatie" in response.content.decode(), url


@pytest.mark.django_db
def test_a_publish_in_another_worker_reaches_this_one(page_cache, client, project):
    """Worker processes share the database, not their memory caches: another worker's publish
    bumps the generation row, and this worker's next request renders the page afresh."""
    get(client, project.url)
    assert get(client, project.url)["X-Page-Cache"] == "hit"
    PageCacheGeneration.objects.filter(pk=1).update(value=F("value") + 1)  # the other worker's publish
    assert get(client, project.url)["X-Page-Cache"] == "miss"
    assert get(client, project.url)["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_unpublishing_removes_the_page_at_once(page_cache, client, project):
    get(client, project.url)
    assert get(client, project.url)["X-Page-Cache"] == "hit"
    project.unpublish()
    assert client.get(project.url).status_code == 404


@pytest.mark.django_db
def test_publishing_a_translation_shows_on_the_french_page(
    page_cache, client, project, french, django_capture_on_commit_callbacks
):
    french_url = project.get_translation(french).url
    get(client, french_url)
    assert get(client, french_url)["X-Page-Cache"] == "hit"

    project.title = "Een titel om te vertalen"  # the Dutch page is not republished
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        translate(project, {"Een titel om te vertalen": "Un titre tout juste traduit"}, locale=french)

    # The translated title also gave the French page a new slug; the old address redirects there.
    response = client.get(french_url, follow=True)
    assert response.status_code == 200
    assert "Un titre tout juste traduit" in response.content.decode()


@pytest.mark.django_db
def test_renaming_a_vocabulary_term_refreshes_cached_facets(page_cache, client):
    url = "/nl/zoeken/"
    get(client, url)
    assert get(client, url)["X-Page-Cache"] == "hit"
    term = Focus.objects.filter(locale=Locale.objects.get(language_code="nl")).first()
    term.name = "Hernoemde focus"
    term.save()
    assert "Hernoemde focus" in get(client, url).content.decode()


@pytest.mark.django_db
def test_logged_in_editors_never_get_or_fill_the_cache(page_cache, client_factory, admin_client, project):
    client = client_factory()  # an anonymous visitor beside the logged-in editor
    get(client, project.url)  # stored for anonymous visitors
    publish_title_without_signal = ProjectPage.objects.filter(pk=project.pk)
    publish_title_without_signal.update(title="Alleen in de databank")  # no signal: cache not bumped

    response = get(admin_client, project.url)
    assert "X-Page-Cache" not in response
    assert "Alleen in de databank" in response.content.decode()
    assert "private" in response["Cache-Control"]
    # ...and what the editor saw was not stored for others either.
    assert "Alleen in de databank" not in get(client, project.url).content.decode()


@pytest.mark.django_db
def test_previews_are_never_cached(page_cache, admin_client, project):
    url = f"/admin/pages/{project.pk}/edit/preview/"
    assert "X-Page-Cache" not in admin_client.get(url)


@pytest.mark.django_db
def test_pages_with_a_csrf_form_are_rendered_for_each_visitor(page_cache, client_factory, dutch):
    events = EventPage.objects.live().filter(locale=dutch)
    event = next(e for e in events if 'name="csrfmiddlewaretoken"' in get(client_factory(), e.url).content.decode())
    tokens = set()
    for _ in range(2):
        visitor = client_factory()
        response = get(visitor, event.url)
        assert "X-Page-Cache" not in response
        assert "private" in response["Cache-Control"]
        tokens.add(response.cookies["csrftoken"].value)
    assert len(tokens) == 2
    submission = get(client_factory(), "/nl/project-aanmelden/")
    assert "X-Page-Cache" not in submission


@pytest.mark.django_db
def test_results_only_variant_is_cached_apart(page_cache, client):
    full = get(client, "/nl/zoeken/?focus=wonen")
    partial = get(client, "/nl/zoeken/?focus=wonen", HTTP_X_SEARCH_PARTIAL="1")
    assert partial["X-Page-Cache"] == "miss"
    assert len(partial.content) < len(full.content)
    assert get(client, "/nl/zoeken/?focus=wonen")["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_plain_http_and_https_are_cached_apart(page_cache, client, project):
    """With the SSL redirect off, a plain-http visit must not hand its http:// links to https visitors."""
    plain = get(client, project.url)
    assert f'<link rel="canonical" href="http://testserver{project.url}">' in plain.content.decode()
    secure = get(client, project.url, secure=True)
    assert secure["X-Page-Cache"] == "miss"
    html = secure.content.decode()
    assert f'<link rel="canonical" href="https://testserver{project.url}">' in html and "http://testserver" not in html
    assert get(client, project.url, secure=True)["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_health_check_and_errors_are_not_cached(page_cache, client):
    assert "X-Page-Cache" not in client.get("/healthz")
    client.get("/nl/bestaat-niet/")
    assert "X-Page-Cache" not in client.get("/nl/bestaat-niet/")


@pytest.fixture(params=["page cache on", "page cache off"])
def shared_data(request, settings):
    """Sharing the menu, footer and site per generation, with and without the page cache."""
    settings.PAGE_CACHE_SECONDS = 300 if request.param == "page cache on" else 0
    settings.SHARED_DATA_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
def test_menu_and_footer_are_looked_up_once_per_generation_and_follow_publishing(shared_data, client, dutch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    index = ProjectIndexPage.objects.get(locale=dutch)
    pages = list(ProjectPage.objects.live().filter(locale=dutch).order_by("pk")[:3])
    get(client, pages[0].url)  # a first page looks the menu and the footer up
    with CaptureQueriesContext(connection) as queries:
        html = get(client, pages[1].url).content.decode()  # another page, not stored yet
    assert f'<a href="{index.url}" aria-current="true">{index.title}</a>' in html  # its own state
    looked_up = [q["sql"] for q in queries if "wagtailcore_page" in q["sql"] and '"depth" = 2' in q["sql"]]
    assert looked_up == []  # no home page (nor menu below it) looked up again

    publish_title(index, "Projecten in de kijker")
    html = get(client, pages[2].url).content.decode()
    assert '<a href="' + index.url + '" aria-current="true">Projecten in de kijker</a>' in html


@pytest.mark.django_db
def test_the_site_is_looked_up_once_per_generation(shared_data, client, dutch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Site

    def site_lookups(url):
        with CaptureQueriesContext(connection) as queries:
            html = get(client, url).content.decode()
        lookups = [q["sql"] for q in queries if '"wagtailcore_site"' in q["sql"] and "CASE WHEN" in q["sql"]]
        return html, len(lookups)

    pages = list(ProjectPage.objects.live().filter(locale=dutch).order_by("pk")[:3])
    assert site_lookups(pages[0].url)[1] == 1  # the first page finds the site
    html, lookups = site_lookups(pages[1].url)  # another page, not stored yet
    assert lookups == 0
    assert f"<h1>{pages[1].title}</h1>" in html  # served by Wagtail through the remembered site

    site = Site.objects.get(is_default_site=True)
    site.site_name = "Zorgzame Buurten (proef)"
    site.save()  # a new generation: the site is looked up afresh
    assert site_lookups(pages[2].url)[1] == 1
