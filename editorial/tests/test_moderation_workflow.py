"""A Redacteur's page goes draft -> rejected with a comment -> edited -> approved -> published.

Every step is a real admin request by the user who would do it, so the workflow assignment,
the group approval task and the notifications are all exercised as editors meet them.
"""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from editorial.moderation import TASK_NAME, WORKFLOW_NAME
from projects.models import ProjectPage

from .admin_forms import page_form_data


def workflow_action(client, page, action, comment=""):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


@pytest.mark.django_db
def test_draft_rejection_edit_approval_publish(
    client, redacteur, eindredactie, bilingual_site, django_capture_on_commit_callbacks
):
    index = bilingual_site.projects["nl"]

    # 1. The Redacteur writes a new project and submits it for review.
    client.force_login(redacteur)
    add_url = reverse("wagtailadmin_pages:add", args=["projects", "projectpage", index.pk])
    data = page_form_data(
        client,
        add_url,
        ProjectPage,
        title="Buurtsoep in Kessel-Lo",
        slug="buurtsoep-kessel-lo",
        intro="Elke woensdag koken buren samen soep en brengen ze rond.",
        initiator="Buurtwerk Kessel-Lo",
        municipality="Leuven",
        postcode="3010",
    )
    data["action-submit"] = "action-submit"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(add_url, data)
    assert response.status_code == 302, response.content[:2000]
    page = ProjectPage.objects.get(slug="buurtsoep-kessel-lo")
    assert not page.live
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == WORKFLOW_NAME
    assert page.current_workflow_task.name == TASK_NAME
    assert eindredactie.email in [address for message in mail.outbox for address in message.to]
    assert client.get(page.url or "/nl/projecten/buurtsoep-kessel-lo/").status_code == 404 or not page.live

    # 2. Eindredactie rejects it, saying why.
    mail.outbox.clear()
    client.force_login(eindredactie)
    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(client, page, "reject", "Vermeld ook wie de soep rondbrengt.")
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    rejected = TaskState.objects.filter(workflow_state__object_id=str(page.pk), status=TaskState.STATUS_REJECTED).get()
    assert rejected.get_comment() == "Vermeld ook wie de soep rondbrengt."
    assert redacteur.email in [address for message in mail.outbox for address in message.to]

    # 3. The Redacteur edits and resubmits.
    client.force_login(redacteur)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = page_form_data(
        client, edit_url, ProjectPage, intro="Elke woensdag koken buren samen soep; jongeren brengen ze rond."
    )
    data["action-submit"] = "action-submit"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url, data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    # 4. Eindredactie approves: that publishes the latest revision.
    client.force_login(eindredactie)
    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(client, page, "approve", "Mooi zo.")
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    assert page.live_revision_id == page.latest_revision_id
    assert page.intro == "Elke woensdag koken buren samen soep; jongeren brengen ze rond."
    assert page.current_workflow_state is None
    assert client.get(page.url).status_code == 200
