"""Switching language on a listing keeps the visitor's filters (facet slugs are the same in both
languages) and starts from page 1; the hreflang links in the head stay canonical."""

import html
import re

import pytest
from wagtail.models import Locale

from events.models import EventIndexPage
from methods.models import MethodIndexPage
from projects.models import ProjectIndexPage

FILTERS = "q=buurt&target_group=ouderen&focus=sociale-cohesie"


def switcher_link(page, language):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', page, re.S).group(0)
    return html.unescape(re.search(rf'<a href="([^"]*)" hreflang="{language}"', nav).group(1))


def head_alternate(page, language):
    return html.unescape(re.search(rf'<link rel="alternate" hreflang="{language}" href="([^"]*)"', page).group(1))


@pytest.mark.django_db
@pytest.mark.parametrize("model", [None, ProjectIndexPage, MethodIndexPage, EventIndexPage])
def test_language_switcher_keeps_the_filters_but_not_the_page(client, model):
    if model is None:
        dutch_url, french_url = "/nl/zoeken/", "/fr/recherche/"
    else:
        dutch = model.objects.live().get(locale__language_code="nl")
        dutch_url, french_url = dutch.url, dutch.get_translation(Locale.objects.get(language_code="fr")).url
    page = client.get(f"{dutch_url}?{FILTERS}&page=2").content.decode()
    assert switcher_link(page, "fr") == f"{french_url}?{FILTERS}"
    assert head_alternate(page, "fr") == f"http://testserver{french_url}"
    assert head_alternate(page, "nl") == f"http://testserver{dutch_url}"


@pytest.mark.django_db
def test_language_switcher_on_a_detail_page_has_no_query(client):
    project = ProjectIndexPage.objects.live().get(locale__language_code="nl").get_children().live().first()
    page = client.get(f"{project.url}?{FILTERS}").content.decode()
    assert "?" not in switcher_link(page, "fr")
