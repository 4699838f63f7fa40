"""The moderation workflow: every page change that is not published directly goes to Eindredactie.

The workflow is assigned to the tree root, so it covers both language trees and any page made
later. Users with publish permission (Eindredactie, and Vertaler on French pages) may still
publish directly, as Wagtail allows; everyone else can only submit.
"""

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS

from .roles import EINDREDACTIE, ensure_roles

WORKFLOW_NAME = "Publiceren via de eindredactie"
TASK_NAME = "Nalezen door de eindredactie"


def ensure_review_workflow(apps=global_apps, using=DEFAULT_DB_ALIAS):
    """Create the workflow and its one approval task, and assign it to the tree root. Idempotent."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")

    group = Group.objects.using(using).get(name=EINDREDACTIE)
    task_type, _ = ContentType.objects.db_manager(using).get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.using(using).filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.using(using).create(name=TASK_NAME, content_type=task_type, active=True)
    task.groups.add(group)

    workflow, _ = Workflow.objects.using(using).get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.using(using).get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    tree_root = Page.objects.using(using).filter(depth=1).first()
    if tree_root is not None:
        WorkflowPage.objects.using(using).update_or_create(page=tree_root, defaults={"workflow": workflow})
    return workflow


def provision(apps=global_apps, using=DEFAULT_DB_ALIAS):
    """Roles first (the task needs the Eindredactie group), then the workflow."""
    ensure_roles(apps, using)
    return ensure_review_workflow(apps, using)
