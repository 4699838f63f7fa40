"""The home page keeps its promise: search, the call to submit, what is coming up, the scale."""

import html
import re

import pytest
from django.urls import reverse
from django.utils import translation

from events.agenda import upcoming
from events.models import EventPage
from home.models import HomePage
from methods.models import MethodPage
from projects.models import ProjectPage

BYTE_BUDGET = 250 * 1024  # benchmarks/lighthouse.py: the whole home page; its HTML alone must fit well within


def home_html(client, language):
    response = client.get(HomePage.objects.get(locale__language_code=language).url)
    assert response.status_code == 200
    assert len(response.content) < BYTE_BUDGET
    return html.unescape(response.content.decode())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "label"),
    [
        ("nl", "Zoek projecten, werkvormen en activiteiten"),
        ("fr", "Chercher des projets, des méthodes et des activités"),
    ],
)
def test_a_labelled_search_box_leads_to_the_search_page(client, language, label):
    page = home_html(client, language)
    with translation.override(language):
        search_url = reverse("search")
    form = re.search(r'<form[^>]*class="search-bar home-search"[^>]*>.*?</form>', page, re.S).group(0)
    assert 'method="get"' in form and f'action="{search_url}"' in form
    assert f'<label for="home-search-q">{label}</label>' in form
    assert 'id="home-search-q" name="q"' in form
    assert client.get(search_url, {"q": "buurt"}).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "fr"])
def test_the_next_three_events_by_the_agendas_rule(client, language):
    events = upcoming(EventPage.objects.live().filter(locale__language_code=language))
    expected = [event.title for event in events[:3]]
    assert len(expected) == 3
    page = home_html(client, language)
    section = page.split('id="upcoming-heading"', 1)[1].split("</section>", 1)[0]
    shown = re.findall(r'<li><a href="[^"]+">([^<]+)</a>', section)
    assert shown == expected
    later = [event.title for event in events[3:]]
    assert not set(later) & set(shown)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "words"),
    [("nl", ("projecten", "werkvormen", "gemeenten")), ("fr", ("projets", "méthodes", "communes"))],
)
def test_the_numbers_show_the_scale(client, language, words):
    projects = ProjectPage.objects.live().filter(locale__language_code=language)
    municipalities = {name.strip().lower() for name in projects.values_list("municipality", flat=True)}
    methods = MethodPage.objects.live().filter(locale__language_code=language).count()
    page = " ".join(home_html(client, language).split())
    for number, word in zip((projects.count(), methods, len(municipalities)), words, strict=True):
        assert f"<strong>{number}</strong> {word}" in page
    assert len(municipalities) > 1


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "fr"])
def test_headings_go_down_one_level_at_a_time(client, language):
    levels = [int(level) for level in re.findall(r"<h([1-6])\b", home_html(client, language))]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(later - earlier <= 1 for earlier, later in zip(levels, levels[1:], strict=False))
