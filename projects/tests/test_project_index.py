import pytest

from projects.factories import ProjectPageFactory


@pytest.fixture
def fourteen_projects(bilingual_site):
    index = bilingual_site.projects["nl"]
    return index, [ProjectPageFactory(parent=index) for _ in range(14)]


@pytest.mark.django_db
def test_index_pages_paginate_and_survive_bad_page_numbers(client, fourteen_projects):
    index, projects = fourteen_projects
    first = client.get(index.url).content.decode()
    assert first.count('class="card"') == 12
    assert "14 resultaten" in first
    last = client.get(index.url + "?page=2").content.decode()
    assert last.count('class="card"') == 2
    shown = [project.title for project in projects if project.title in first + last]
    assert len(shown) == 14
    for bad in ["abc", "-1", "99999", "1e9", ""]:
        assert client.get(index.url, {"page": bad}).status_code == 200


@pytest.mark.django_db
def test_project_index_lists_newest_first(client, fourteen_projects):
    index, projects = fourteen_projects
    newest = ProjectPageFactory(parent=index)
    html = client.get(index.url).content.decode()
    first_card = html.split('class="card"')[1]
    assert newest.title in first_card
