"""Admin strings editors saw broken: rendered in the Dutch (and French) admin, read in the HTML."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from editorial.roles import EINDREDACTIE
from editorial.testing import make_role_user
from projects.models import ProjectPage


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "expected"), [("nl", '"Publiceer in "'), ("fr", '"Publier en "')])
def test_the_translation_editor_says_publiceer_in_with_a_space(client, vertaler, language, expected):
    """wagtail-localize's editor writes gettext("Publish in ") + the language name."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(vertaler)
    profile.preferred_language = language
    profile.save()
    client.force_login(vertaler)
    catalogue = client.get(reverse("wagtail_localize:javascript_catalog")).content.decode()
    assert f'"Publish in ": {expected}' in catalogue


@pytest.mark.django_db
def test_the_listing_count_reads_van_n_projecten(client, eindredactie, dutch):
    client.force_login(eindredactie)
    page = client.get(reverse("projectenlijst:index")).content.decode()
    total = ProjectPage.objects.count()
    assert re.search(rf"\b1-\d+ van {total} projecten\b", " ".join(page.split())), "count line missing"
    assert not re.search(r"\d(None|van\d)", page)


@pytest.mark.django_db
def test_moments_in_the_dutch_admin_are_dutch(client, dutch):
    """'Sent to <task> a minute ago' comes from Django's humanize: its catalogue must be loaded."""
    reviewer = make_role_user(EINDREDACTIE, "eindredactie-moment")
    page = ProjectPage.objects.filter(locale=dutch).live().order_by("path").first()
    page.save_revision()
    workflow_state = page.get_workflow().start(page, user=reviewer)
    task_state = workflow_state.current_task_state
    type(task_state).objects.filter(pk=task_state.pk).update(started_at=timezone.now() - timedelta(seconds=90))

    client.force_login(reviewer)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "een minuut geleden" in html
    assert "a minute ago" not in html
