"""Missing and stale French translations: detected, listed in the admin, and cleared by a sync."""

import pytest
from django.urls import reverse
from wagtail_localize.models import TranslationSource

from editorial.translation_status import (
    CURRENT,
    MISSING,
    REASON_CONTENT_CHANGED,
    REASON_NOT_SYNCED,
    REASON_PUBLISHED_AFTER_SYNC,
    REASON_UNTRANSLATED,
    STALE,
    source_pages,
    translation_states,
)
from methods.models import MethodPage
from projects.models import ProjectIndexPage, ProjectPage


def state_of(page):
    return translation_states([page])[page.pk]


@pytest.fixture
def project(dutch):
    return ProjectPage.objects.filter(locale=dutch).live().order_by("path").first()


def source_of(page):
    return TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)


@pytest.mark.django_db
def test_the_demo_site_is_fully_translated():
    states = translation_states(source_pages().specific())
    assert len(states) > 60
    assert {state.status for state in states.values()} == {CURRENT}


@pytest.mark.django_db
def test_publishing_the_dutch_page_makes_the_french_one_stale_until_synced(
    client, vertaler, project, django_capture_on_commit_callbacks
):
    project.intro = "Een nieuwe inleiding, nog niet vertaald."
    project.save_revision().publish()
    project.refresh_from_db()
    state = state_of(project)
    assert (state.status, state.reason) == (STALE, REASON_PUBLISHED_AFTER_SYNC)

    client.force_login(vertaler)
    url = reverse("wagtail_localize:update_translations", args=[source_of(project).pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"publish_translations": "on"}).status_code == 302
    # Published straight away, the new intro is the Dutch text on the French page: still to do.
    assert (state_of(project).status, state_of(project).reason) == (STALE, REASON_UNTRANSLATED)


@pytest.mark.django_db
def test_a_change_that_skipped_publishing_still_counts_as_stale(project):
    """Content written straight to the page (a script, a data migration) is caught by comparison."""
    ProjectPage.objects.filter(pk=project.pk).update(municipality="Ergens anders")
    project.refresh_from_db()
    state = state_of(project)
    assert (state.status, state.reason) == (STALE, REASON_CONTENT_CHANGED)


@pytest.mark.django_db
def test_bookkeeping_changes_do_not_make_a_translation_stale(dutch):
    """A new child changes the index's child count, not what translators translate."""
    index = ProjectIndexPage.objects.get(locale=dutch)
    index.add_child(
        instance=ProjectPage(title="Nieuw", slug="nieuw", intro="x", initiator="y", municipality="z", postcode="1000")
    )
    index.refresh_from_db()
    assert state_of(index).status == CURRENT


@pytest.mark.django_db
def test_missing_and_unlinked_translations(project, french):
    project.get_translation(french).delete()
    state = state_of(project)
    assert (state.status, state.translation) == (MISSING, None)

    method = MethodPage.objects.filter(locale=project.locale).live().first()
    source_of(method).delete()  # a French page that wagtail-localize does not know the source of
    state = state_of(method)
    assert (state.status, state.reason) == (STALE, REASON_NOT_SYNCED)


@pytest.mark.django_db
def test_drafts_and_french_pages_have_no_status(project, french, dutch):
    assert translation_states([project.get_translation(french)]) == {}
    project.unpublish()
    assert project.pk not in translation_states(source_pages().specific())


@pytest.mark.django_db
def test_report_lists_what_needs_work_with_the_way_to_fix_it(client, vertaler, project, french):
    project.intro = "Gewijzigd na de vertaling."
    project.save_revision().publish()
    method = MethodPage.objects.filter(locale=project.locale).live().first()
    method.get_translation(french).delete()

    client.force_login(vertaler)
    html = client.get(reverse("editorial_translation_report")).content.decode()
    assert project.title in html and method.title in html
    assert reverse("wagtail_localize:update_translations", args=[source_of(project).pk]) in html
    assert reverse("wagtail_localize:submit_page_translation", args=[method.pk]) in html
    french_project = project.get_translation(french)
    assert reverse("wagtailadmin_pages:edit", args=[french_project.pk]) in html
    # A fully translated page is not listed.
    other = ProjectPage.objects.filter(locale=project.locale).live().exclude(pk=project.pk).first()
    assert other.title not in html

    only_missing = client.get(reverse("editorial_translation_report"), {"status": MISSING}).content.decode()
    assert method.title in only_missing and project.title not in only_missing


@pytest.mark.django_db
def test_report_and_listings_are_open_to_every_role_and_survive_bad_filters(client, redacteur, eindredactie, vertaler):
    for user in (redacteur, eindredactie, vertaler):
        client.force_login(user)
        assert client.get(reverse("editorial_translation_report")).status_code == 200
        response = client.get(reverse("editorial_translation_report"), {"status": "nonsense", "content_type": "x"})
        assert response.status_code == 200
        assert client.get(reverse("projectenlijst:index"), {"translation_status": "bogus"}).status_code == 200
