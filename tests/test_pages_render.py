"""Every page type renders in both languages, with the language's own interface text."""

import pytest
from wagtail.models import Page

from events.models import EventIndexPage, EventPage
from home.models import HomePage
from methods.models import MethodIndexPage, MethodPage
from projects.models import ProjectIndexPage, ProjectPage

PAGE_TYPES = [HomePage, ProjectIndexPage, MethodIndexPage, EventIndexPage, ProjectPage, MethodPage, EventPage]
# One interface string per language that every page shows (skip link).
SKIP_LINK = {"nl": "Naar de inhoud", "fr": "Aller au contenu"}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "fr"])
@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
def test_page_type_renders(client, model, language):
    page = model.objects.live().filter(locale__language_code=language).first()
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert page.title in html or page.title.replace("'", "&#x27;") in html
    assert SKIP_LINK[language] in html


@pytest.mark.django_db
def test_project_page_shows_facts_and_terms_in_french(client, project_slugs, french):
    page = ProjectPage.objects.get(slug=project_slugs[26], locale__language_code="nl").get_translation(french)
    html = client.get(page.url).content.decode()
    assert "Initiateur" in html and "Initiatiefnemer" not in html
    assert page.initiator in html
    # Terms are shown with their French names (the page links to the Dutch term rows).
    assert "Personnes-relais" in html
    # The method it uses, linked in French.
    steensoep = MethodPage.objects.get(slug="steensoep").get_translation(french)
    assert steensoep.url in html


@pytest.mark.django_db
def test_every_live_page_renders(client):
    failures = []
    for page in Page.objects.live().filter(depth__gte=2).specific():
        status = client.get(page.url).status_code
        if status != 200:
            failures.append((page.url, status))
    assert failures == []
