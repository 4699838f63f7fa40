"""Editing a Dutch page, syncing it in the admin, and translating the change, as editors do it."""

import html
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from projects.models import ProjectPage


@pytest.mark.django_db
def test_edit_sync_translate_publish(admin_client, french, django_capture_on_commit_callbacks, client):
    dutch_page = ProjectPage.objects.filter(locale__language_code="nl").first()
    french_page = dutch_page.get_translation(french)
    old_french_intro = french_page.intro
    old_french_title = french_page.title

    # An editor changes the Dutch intro and publishes it.
    dutch_page.intro = "Een nieuwe inleiding die nog vertaald moet worden."
    dutch_page.save_revision().publish()

    # The French page keeps its old text until someone syncs it.
    assert old_french_intro in html.unescape(client.get(french_page.url).content.decode())

    # "Sync translated pages" in the admin, publishing immediately.
    source = TranslationSource.objects.get(object_id=dutch_page.translation_key, locale=dutch_page.locale)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]), {"publish_translations": "on"}
        )
    assert response.status_code == 302
    french_page.refresh_from_db()
    # Not yet translated: the new segment falls back to the Dutch source text.
    assert french_page.intro == "Een nieuwe inleiding die nog vertaald moet worden."
    # Everything that did not change keeps its French translation.
    assert french_page.title != dutch_page.title
    assert french_page.title == old_french_title

    # A translator translates only the changed segment in wagtail-localize's editor, then publishes.
    translation = Translation.objects.get(source=source, target_locale=french)
    segment = StringSegment.objects.get(
        source=source, string__data="Een nieuwe inleiding die nog vertaald moet worden."
    )
    response = admin_client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        urlencode({"value": "Une nouvelle introduction, maintenant traduite."}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[french_page.pk]), {"action": "publish"})
    assert response.status_code in (200, 302)

    french_page.refresh_from_db()
    assert french_page.intro == "Une nouvelle introduction, maintenant traduite."
    assert "Une nouvelle introduction, maintenant traduite." in client.get(french_page.url).content.decode()
    # Still the same translation, linked to its Dutch source.
    assert french_page.translation_key == dutch_page.translation_key
