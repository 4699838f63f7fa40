import pytest

from projects.models import ProjectIndexPage, ProjectPage


@pytest.mark.django_db
def test_index_pages_paginate_and_survive_bad_page_numbers(client):
    index = ProjectIndexPage.objects.get(locale__language_code="nl")
    first = client.get(index.url).content.decode()
    assert first.count('class="card"') == 12
    assert "35 resultaten" in first
    last = client.get(index.url + "?page=3").content.decode()
    assert last.count('class="card"') == 11
    for bad in ["abc", "-1", "99999", "1e9", ""]:
        assert client.get(index.url, {"page": bad}).status_code == 200


@pytest.mark.django_db
def test_project_index_lists_newest_first(client):
    index = ProjectIndexPage.objects.get(locale__language_code="nl")
    newest = ProjectPage.objects.child_of(index).live().order_by("-first_published_at").first()
    html = client.get(index.url).content.decode()
    first_card = html.split('class="card"')[1]
    assert newest.title in first_card
