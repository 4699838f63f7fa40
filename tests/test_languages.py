"""Dutch under /nl/, French under /fr/, a switcher to the same page, hreflang, and the / redirect."""

import re

import pytest
from django.utils import translation
from wagtail.models import Page

from methods.models import MethodPage
from projects.models import ProjectPage


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))


def switcher_links(html):
    nav = html.split('class="language-switcher"')[1].split("</nav>")[0]
    return {lang: href for href, lang in re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', nav)}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "accept,expected",
    [("fr-BE,fr;q=0.9,nl;q=0.5", "/fr/"), ("nl-BE,nl;q=0.9", "/nl/"), ("de-DE", "/nl/"), ("", "/nl/")],
)
def test_root_redirects_by_accept_language(client, accept, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.django_db
@pytest.mark.parametrize("model", [ProjectPage, MethodPage], ids=lambda m: m.__name__)
def test_switcher_and_hreflang_point_at_the_real_translation(client, model, french):
    dutch_page = model.objects.filter(locale__language_code="nl").first()
    french_page = dutch_page.get_translation(french)
    html = client.get(dutch_page.url).content.decode()
    assert switcher_links(html) == {"fr": french_page.url}
    links = alternates(html)
    assert links["nl"] == "http://testserver" + dutch_page.url
    assert links["fr"] == "http://testserver" + french_page.url
    assert links["x-default"] == links["nl"]
    assert f'<link rel="canonical" href="http://testserver{dutch_page.url}">' in html

    html_fr = client.get(french_page.url).content.decode()
    assert switcher_links(html_fr) == {"nl": dutch_page.url}
    assert alternates(html_fr) == links


@pytest.mark.django_db
def test_switcher_falls_back_to_home_when_there_is_no_translation(client, french):
    page = ProjectPage.objects.filter(locale__language_code="nl").first()
    page.get_translation(french).unpublish()
    html = client.get(page.url).content.decode()
    assert switcher_links(html) == {"fr": "/fr/"}
    assert "fr" not in alternates(html)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url,language,text",
    [
        ("/nl/bestaat-niet/", "nl", "Pagina niet gevonden"),
        ("/fr/nexiste-pas/", "fr", "Page introuvable"),
        ("/fr/projets/nexiste-pas/", "fr", "Page introuvable"),
        ("/nl/projecten/a/b/c/d/e/", "nl", "Pagina niet gevonden"),
        ("/nl/%ff%fe/", "nl", "Pagina niet gevonden"),
        ("/nl/" + "x" * 3000 + "/", "nl", "Pagina niet gevonden"),
        ("/nl/..%2f..%2fetc%2fpasswd/", "nl", "Pagina niet gevonden"),
        ("/fr/%00/", "fr", "Page introuvable"),
    ],
)
def test_bad_urls_get_a_translated_404(client, url, language, text):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert text in html
    assert 'class="main-nav"' in html  # the navigation is still there


@pytest.mark.django_db
def test_unprefixed_unknown_url_redirects_into_a_language(client):
    response = client.get("/projecten/", HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code in (301, 302)
    assert response["Location"].startswith("/nl/")


@pytest.mark.django_db
def test_500_page_renders_without_database(rf, django_assert_num_queries):
    from common.views import server_error

    with translation.override("fr"), django_assert_num_queries(0):
        response = server_error(rf.get("/fr/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Une erreur" in html
    # The site's navigation, in French, without the database: the three jobs and the search.
    assert 'aria-label="Menu principal"' in html
    for query in ("?type=method", "?type=project", "?type=event", '"'):
        assert f'href="/fr/recherche/{query}' in html
    assert 'href="#main"' in html and 'href="/nl/" hreflang="nl"' in html


@pytest.mark.django_db
def test_french_home_is_a_translation_of_dutch_home(dutch, french):
    home_nl = Page.objects.get(depth=2, locale=dutch)
    home_fr = Page.objects.get(depth=2, locale=french)
    assert home_nl.translation_key == home_fr.translation_key
