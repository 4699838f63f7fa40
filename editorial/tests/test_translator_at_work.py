"""A Vertaler's round: the Dutch page changes, they sync, translate the one new segment, publish."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from editorial.translation_status import (
    CURRENT,
    REASON_NOT_REPUBLISHED,
    REASON_UNTRANSLATED,
    STALE,
    translation_states,
)
from projects.models import ProjectPage


def report(client):
    return client.get(reverse("editorial_translation_report")).content.decode()


@pytest.mark.django_db
def test_vertaler_syncs_translates_the_changed_segment_and_publishes(
    client, vertaler, dutch, french, django_capture_on_commit_callbacks
):
    dutch_page = ProjectPage.objects.filter(locale=dutch).live().order_by("path").first()
    french_page = dutch_page.get_translation(french)
    old_french_title = french_page.title
    dutch_page.intro = "Sinds dit jaar doen ook de scholen mee."
    dutch_page.save_revision().publish()
    dutch_page.refresh_from_db()
    assert translation_states([dutch_page])[dutch_page.pk].status == STALE

    client.force_login(vertaler)
    source = TranslationSource.objects.get(object_id=dutch_page.translation_key, locale=dutch)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert response.status_code == 302
    # Synced, but the live French page still says the old thing and the new segment is untranslated.
    state = translation_states([dutch_page])[dutch_page.pk]
    assert (state.status, state.reason) == (STALE, REASON_UNTRANSLATED)
    assert dutch_page.title in report(client)

    translation = Translation.objects.get(source=source, target_locale=french)
    segment = StringSegment.objects.get(source=source, string__data="Sinds dit jaar doen ook de scholen mee.")
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        urlencode({"value": "Depuis cette année, les écoles participent aussi."}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201)
    # Translated, but not yet published: the visitor still reads the old French text.
    state = translation_states([dutch_page])[dutch_page.pk]
    assert (state.status, state.reason) == (STALE, REASON_NOT_REPUBLISHED)
    assert dutch_page.title in report(client)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[french_page.pk]), {"action": "publish"})
    assert response.status_code in (200, 302)

    french_page.refresh_from_db()
    assert french_page.intro == "Depuis cette année, les écoles participent aussi."
    assert french_page.title == old_french_title  # untouched segments kept their translation
    dutch_page.refresh_from_db()
    assert dutch_page.intro == "Sinds dit jaar doen ook de scholen mee."  # the source is not the translator's
    assert translation_states([dutch_page])[dutch_page.pk].status == CURRENT
    assert dutch_page.title not in report(client)
