"""What Wagtail brings and editors rely on: scheduled (un)publishing, revisions to compare and revert."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from projects.factories import ProjectPageFactory
from projects.models import ProjectPage

from .admin_forms import page_form_data


@pytest.fixture
def project(bilingual_site):
    return ProjectPageFactory(parent=bilingual_site.projects["nl"])


@pytest.mark.django_db
def test_scheduled_publishing_waits_for_its_time(client, eindredactie, project):
    client.force_login(eindredactie)
    url = reverse("wagtailadmin_pages:edit", args=[project.pk])
    go_live = timezone.localtime() + timedelta(days=2)
    data = page_form_data(
        client,
        url,
        ProjectPage,
        intro="Vanaf volgende week met een tweede ploeg.",
        go_live_at=go_live.strftime("%Y-%m-%d %H:%M"),
    )
    data["action-publish"] = "action-publish"
    assert client.post(url, data).status_code == 302

    project.refresh_from_db()
    assert project.live
    assert project.intro != "Vanaf volgende week met een tweede ploeg."  # not yet
    scheduled = project.scheduled_revision
    assert scheduled is not None and scheduled.approved_go_live_at is not None

    call_command("publish_scheduled", verbosity=0)
    project.refresh_from_db()
    assert project.intro != "Vanaf volgende week met een tweede ploeg."  # still not its time

    # The time has come: move the scheduled moment into the past rather than wait two days.
    past = timezone.now() - timedelta(minutes=1)
    scheduled.approved_go_live_at = past
    scheduled.content["go_live_at"] = past.isoformat()
    scheduled.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled", verbosity=0)
    project.refresh_from_db()
    assert project.intro == "Vanaf volgende week met een tweede ploeg."


@pytest.mark.django_db
def test_scheduled_unpublishing(client, project):
    project.expire_at = timezone.now() - timedelta(minutes=1)
    project.save_revision().publish()
    call_command("publish_scheduled", verbosity=0)
    project.refresh_from_db()
    assert not project.live and project.expired
    assert client.get(project.url).status_code == 404


@pytest.mark.django_db
def test_every_change_is_a_revision_to_compare_and_revert(client, redacteur, project):
    client.force_login(redacteur)
    url = reverse("wagtailadmin_pages:edit", args=[project.pk])
    original_intro = project.intro
    for text in ("Eerste versie van de nieuwe inleiding.", "Tweede versie van de nieuwe inleiding."):
        assert client.post(url, page_form_data(client, url, ProjectPage, intro=text)).status_code == 302
    revisions = list(project.revisions.order_by("-created_at", "-id")[:3])
    newest, previous = revisions[0], revisions[1]

    compare = client.get(reverse("wagtailadmin_pages:revisions_compare", args=[project.pk, previous.pk, newest.pk]))
    assert compare.status_code == 200
    html = compare.content.decode()
    assert "Eerste" in html and "Tweede" in html

    # Reverting opens the editor with the old content; saving makes it a new draft revision.
    live = project.live_revision
    revert_url = reverse("wagtailadmin_pages:revisions_revert", args=[project.pk, live.pk])
    response = client.get(revert_url)
    assert response.status_code == 200
    assert original_intro in response.content.decode()
    data = page_form_data(client, revert_url, ProjectPage)
    assert client.post(url, data).status_code == 302
    project.refresh_from_db()
    assert project.get_latest_revision_as_object().intro == original_intro
    assert project.revisions.count() >= 4
