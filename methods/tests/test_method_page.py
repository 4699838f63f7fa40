import html

import pytest

from common.factories import translate
from methods.factories import MethodPageFactory
from projects.factories import ProjectPageFactory


@pytest.fixture
def method_used_by_one_project(bilingual_site):
    """A method, a project that uses it and one that does not, in both languages."""
    method = MethodPageFactory(
        parent=bilingual_site.methods["nl"],
        steps=[("step", {"title": "Nodig de buren uit", "text": "Elk brengt iets mee."})],
    )
    translate(
        method,
        title="Soupe aux cailloux",
        slug="soupe-aux-cailloux",
        steps=[("step", {"title": "Invitez les voisins", "text": "Chacun apporte quelque chose."})],
    )
    user = ProjectPageFactory(parent=bilingual_site.projects["nl"], methods=[method])
    other = ProjectPageFactory(parent=bilingual_site.projects["nl"])
    for project in (user, other):
        translate(project, title=f"Projet {project.pk}")
    return method, user


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "fr"])
def test_method_page_lists_projects_that_use_it_in_same_language(
    client, language, dutch, bilingual_site, method_used_by_one_project
):
    method, user = method_used_by_one_project
    method = method.get_translation(bilingual_site.home[language].locale)
    projects = list(method.projects_using())
    assert [p.get_translation(dutch).pk for p in projects] == [user.pk]
    assert all(p.locale.language_code == language for p in projects)
    assert projects[0].url in client.get(method.url).content.decode()


@pytest.mark.django_db
def test_method_page_shows_what_it_takes_and_steps_in_french(client, french, method_used_by_one_project):
    page = method_used_by_one_project[0].get_translation(french)
    text = html.unescape(client.get(page.url).content.decode())
    assert "De quoi avez-vous besoin\u00a0?" in text
    assert page.steps[0].value["title"] in text
    assert page.people in text
