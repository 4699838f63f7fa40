"""Roles and workflow exist after migrating, survive re-running, and follow new language roots."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Page, WorkflowPage

from editorial.moderation import WORKFLOW_NAME
from editorial.roles import ROLE_NAMES, VERTALER


def counts():
    return (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        sum(group.permissions.count() for group in Group.objects.all()),
        WorkflowPage.objects.count(),
    )


@pytest.mark.django_db
def test_migrations_made_the_roles_and_put_the_whole_site_under_review():
    assert set(Group.objects.filter(name__in=ROLE_NAMES).values_list("name", flat=True)) == set(ROLE_NAMES)
    assert WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow.name == WORKFLOW_NAME
    for page in Page.objects.filter(depth__gt=1).live()[:20]:
        assert page.get_workflow().name == WORKFLOW_NAME


@pytest.mark.django_db
def test_applying_again_changes_nothing():
    before = counts()
    call_command("apply_editorial_roles", verbosity=0)
    call_command("apply_editorial_roles", verbosity=0)
    assert counts() == before


@pytest.mark.django_db
def test_a_new_french_tree_gets_the_translators_permissions(dutch, french):
    """The French home page is made by translation, after migrations: its rights follow at once."""
    Page.objects.get(depth=2, locale=french).delete()
    assert not GroupPagePermission.objects.filter(group__name=VERTALER).exists()

    new_french_home = Page.objects.get(depth=2, locale=dutch).specific.copy_for_translation(french)

    granted = GroupPagePermission.objects.filter(group__name=VERTALER, page=new_french_home)
    assert set(granted.values_list("permission__codename", flat=True)) == {"change_page", "publish_page"}
