"""Findability: the bilingual sitemap, robots.txt, canonical and sharing meta, organisation JSON-LD."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Page

from common.factories import PictureFactory, translate
from projects.factories import ProjectPageFactory

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def project(bilingual_site):
    """A Dutch project with a picture, and its French translation."""
    dutch = ProjectPageFactory(
        parent=bilingual_site.projects["nl"], image=PictureFactory(), image_alt="Buren aan tafel"
    )
    return {"nl": dutch, "fr": translate(dutch, title="Des voisins à table", slug="des-voisins-a-table")}


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


@pytest.mark.django_db
def test_sitemap_lists_every_live_page_with_its_translations(client, project):
    root = sitemap(client)
    entries = {
        url.find("s:loc", NS).text: {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
        for url in root.findall("s:url", NS)
    }
    live = Page.objects.live().public().filter(depth__gte=2)
    assert {f"http://testserver{page.url}" for page in live} <= set(entries)

    nl_url, fr_url = f"http://testserver{project['nl'].url}", f"http://testserver{project['fr'].url}"
    expected = {"nl": nl_url, "fr": fr_url, "x-default": nl_url}
    assert entries[nl_url] == expected and entries[fr_url] == expected
    # The search page is there too, with its translated path.
    assert entries["http://testserver/nl/zoeken/"]["fr"] == "http://testserver/fr/recherche/"


@pytest.mark.django_db
def test_sitemap_leaves_out_drafts_and_private_pages(client, project):
    draft = ProjectPageFactory(parent=project["nl"].get_parent(), publish=False)
    project["nl"].unpublish()
    locations = {url.find("s:loc", NS).text for url in sitemap(client).findall("s:url", NS)}
    assert f"http://testserver{project['fr'].url}" in locations
    assert f"http://testserver{project['nl'].url}" not in locations
    assert f"http://testserver{draft.url}" not in locations


@pytest.mark.django_db
def test_robots_txt_points_at_the_sitemap(client, bilingual_site):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    text = response.content.decode()
    assert "User-agent: *" in text and "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "fr"])
def test_project_page_has_canonical_and_sharing_meta_with_its_image(client, language, project):
    project = project[language]
    html = client.get(project.url).content.decode()
    absolute = f"http://testserver{project.url}"
    assert f'<link rel="canonical" href="{absolute}">' in html
    assert f'<meta property="og:url" content="{absolute}">' in html
    assert f'<meta property="og:title" content="{project.title}">'.replace("'", "&#x27;") in html
    assert f'<meta property="og:locale" content="{language}_BE">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    image = re.search(r'<meta property="og:image" content="([^"]+)">', html)[1]
    assert image.startswith("http://testserver/media/images/") and image.endswith(".jpg")
    assert '<meta property="og:image:width" content="1200">' in html


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "name"), [("nl", "Zorgzame Buurten"), ("fr", "Quartiers solidaires")])
def test_home_page_describes_the_organisation(client, language, name, bilingual_site):
    html = client.get(f"/{language}/").content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    data = json.loads(block)
    assert data["@type"] == "Organization"
    assert data["name"] == name
    assert data["url"] == f"http://testserver/{language}/"
    assert data["logo"] == "http://testserver/static/img/logo.svg"


@pytest.mark.django_db
def test_pages_carry_no_executable_inline_script(client, project):
    """Only JSON-LD data blocks inline (a strict Content-Security-Policy is coming)."""
    for url in ["/nl/", "/fr/", "/nl/zoeken/", project["nl"].url, project["fr"].url]:
        html = client.get(url).content.decode()
        for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S):
            assert 'type="application/ld+json"' in attrs or (not body.strip() and "src=" in attrs), url
        assert " style=" not in html, url
