"""The same rules, seen through real admin requests: what each role gets when it tries."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from projects.models import ProjectIndexPage, ProjectPage
from taxonomy.models import TargetGroup

from .admin_forms import page_form_data


def denied(response):
    """Wagtail answers a forbidden admin page with 403, or a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"].startswith(reverse("wagtailadmin_home"))
    )


@pytest.fixture
def dutch_project(dutch):
    return ProjectPage.objects.filter(locale=dutch).live().order_by("path").first()


@pytest.mark.django_db
def test_redacteur_edits_dutch_but_not_french(client, redacteur, dutch_project, french):
    client.force_login(redacteur)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[dutch_project.pk])).status_code == 200
    french_page = dutch_project.get_translation(french)
    assert denied(client.get(reverse("wagtailadmin_pages:edit", args=[french_page.pk])))
    french_index = ProjectIndexPage.objects.get(locale=french)
    url = reverse("wagtailadmin_pages:add", args=["projects", "projectpage", french_index.pk])
    assert denied(client.get(url))


@pytest.mark.django_db
def test_redacteur_cannot_publish_even_when_asking(client, redacteur, dutch_project):
    client.force_login(redacteur)
    live_revision = dutch_project.live_revision_id
    url = reverse("wagtailadmin_pages:edit", args=[dutch_project.pk])
    data = page_form_data(client, url, ProjectPage, intro="Een snelle wijziging die niemand nalas.")
    data["action-publish"] = "action-publish"
    response = client.post(url, data)
    assert response.status_code == 302
    dutch_project.refresh_from_db()
    assert dutch_project.live_revision_id == live_revision
    assert dutch_project.intro != "Een snelle wijziging die niemand nalas."
    assert dutch_project.has_unpublished_changes  # kept as a draft, nothing more


@pytest.mark.django_db
def test_vertaler_opens_the_french_translation_editor_not_the_dutch_page(client, vertaler, dutch_project, french):
    client.force_login(vertaler)
    assert denied(client.get(reverse("wagtailadmin_pages:edit", args=[dutch_project.pk])))
    french_page = dutch_project.get_translation(french)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[french_page.pk]))
    assert response.status_code == 200
    assert b"wagtail_localize/js/translation-editor" in response.content or b"translation-editor" in response.content
    # Starting a translation is open to translators, and to nobody else who writes.
    submit_url = reverse("wagtail_localize:submit_page_translation", args=[dutch_project.pk])
    assert client.get(submit_url).status_code == 200


@pytest.mark.django_db
def test_redacteur_cannot_start_or_sync_translations(client, redacteur, dutch_project):
    client.force_login(redacteur)
    assert denied(client.get(reverse("wagtail_localize:submit_page_translation", args=[dutch_project.pk])))
    source = TranslationSource.objects.get(object_id=dutch_project.translation_key, locale=dutch_project.locale)
    assert denied(client.get(reverse("wagtail_localize:update_translations", args=[source.pk])))


@pytest.mark.django_db
@pytest.mark.parametrize("role_fixture,allowed", [("eindredactie", True), ("redacteur", False), ("vertaler", False)])
def test_only_eindredactie_manages_the_vocabulary(client, request, role_fixture, allowed, dutch):
    client.force_login(request.getfixturevalue(role_fixture))
    listing = client.get(reverse("wagtailsnippets_taxonomy_targetgroup:list"))
    before = TargetGroup.objects.count()
    response = client.post(
        reverse("wagtailsnippets_taxonomy_targetgroup:add") + "?locale=nl",
        {"name": "Mantelzorgers van mantelzorgers", "slug": "mantelzorgers-van-mantelzorgers", "sort_order": 99},
    )
    if allowed:
        assert listing.status_code == 200
        assert response.status_code == 302
        assert TargetGroup.objects.count() == before + 1
    else:
        assert denied(listing)
        assert denied(response)
        assert TargetGroup.objects.count() == before


@pytest.mark.django_db
def test_every_role_reaches_the_admin_and_nobody_edits_the_root(client, redacteur, eindredactie, vertaler):
    root = Page.get_first_root_node()
    for user in (redacteur, eindredactie, vertaler):
        client.force_login(user)
        assert client.get(reverse("wagtailadmin_home")).status_code == 200
        assert denied(client.get(reverse("wagtailadmin_pages:edit", args=[root.pk])))
