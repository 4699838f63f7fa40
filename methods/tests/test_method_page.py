import html

import pytest
from wagtail.models import Locale

from methods.models import MethodPage


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "fr"])
def test_method_page_lists_projects_that_use_it_in_same_language(client, language, project_slugs, dutch):
    method = MethodPage.objects.get(slug="steensoep", locale=dutch)
    method = method.get_translation(Locale.objects.get(language_code=language))
    projects = list(method.projects_using())
    assert [p.get_translation(dutch).slug for p in projects] == [project_slugs[26]]
    assert all(p.locale.language_code == language for p in projects)
    assert projects[0].url in client.get(method.url).content.decode()


@pytest.mark.django_db
def test_method_page_shows_what_it_takes_and_steps_in_french(client, french):
    page = MethodPage.objects.get(slug="steensoep").get_translation(french)
    text = html.unescape(client.get(page.url).content.decode())
    assert "De quoi avez-vous besoin\u00a0?" in text
    assert page.steps[0].value["title"] in text
    assert page.people in text
