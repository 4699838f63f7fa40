"""A Redacteur logs in, writes a new project in the admin and submits it for review."""

import pytest
from wagtail.models import WorkflowState

from editorial.moderation import TASK_NAME
from editorial.roles import REDACTEUR
from editorial.testing import PASSWORD, make_role_user
from projects.models import ProjectIndexPage, ProjectPage

from .conftest import log_in


@pytest.mark.browser
def test_redacteur_creates_a_project_and_submits_it_for_review(chromium_tab, site_server, committed_db):
    page = chromium_tab
    dutch_project_index = ProjectIndexPage.objects.get(locale__language_code="nl")
    redacteur = make_role_user(REDACTEUR, "redacteur-browser")
    try:
        _create_and_submit(page, site_server, redacteur, dutch_project_index)
    finally:
        ProjectPage.objects.filter(title="Samen tuinieren in Genk").delete()
        redacteur.delete()


def _create_and_submit(page, base_url, redacteur, dutch_project_index):
    log_in(page, base_url, redacteur.username, PASSWORD)
    assert page.locator("html").get_attribute("lang") == "nl"

    # Only one page type fits under the project index, so "add child page" opens its form directly.
    page.goto(f"{base_url}/admin/pages/{dutch_project_index.pk}/add_subpage/")
    page.wait_for_selector("#id_title")
    page.fill("#id_title", "Samen tuinieren in Genk")
    page.fill("#id_intro", "Buren onderhouden samen een moestuin en delen de oogst met wie alleen woont.")
    page.fill("#id_initiator", "Buurtwerk Genk")
    page.fill("#id_postcode", "3600")
    page.fill("#id_municipality", "Genk")

    # The save button's menu holds "submit to the workflow"; a Redacteur has no publish button.
    footer = page.locator("footer")
    assert footer.locator("button[name=action-publish]").count() == 0
    footer.locator("[data-w-dropdown-target=toggle]").last.click()
    submit = footer.locator("button[name=action-submit]")
    submit.wait_for(state="visible")
    with page.expect_navigation():
        submit.click()

    page.wait_for_selector(".messages")
    assert "Samen tuinieren in Genk" in page.inner_text(".messages")
    project = ProjectPage.objects.get(title="Samen tuinieren in Genk")
    assert not project.live
    assert project.owner == redacteur
    state = project.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.requested_by == redacteur
    assert project.current_workflow_task.name == TASK_NAME
