"""The accessibility statement and the privacy notice: editable pages in both languages, in the
footer of every page, and the privacy notice linked from the event registration form."""

import pytest
from django.utils import timezone

from events.models import EventPage
from information.links import footer_pages, privacy_notice_url
from information.models import InformationPage


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "titles"),
    [
        ("nl", ["Toegankelijkheidsverklaring", "Privacyverklaring"]),
        ("fr", ["Déclaration d'accessibilité", "Déclaration de confidentialité"]),
    ],
)
def test_both_pages_exist_in_both_languages_and_are_in_the_footer(client, language, titles):
    pages = footer_pages(language)
    assert [page.title for page in pages] == titles
    home = client.get(f"/{language}/").content.decode()
    footer = home[home.index('<footer class="site-footer">') :]
    for page in pages:
        assert f'href="{page.url}"' in footer
        response = client.get(page.url)
        assert response.status_code == 200
        assert f"<h1>{page.title}</h1>".replace("'", "&#x27;") in response.content.decode()


@pytest.mark.django_db
def test_french_pages_are_translations_with_the_same_purpose(dutch, french):
    for page in InformationPage.objects.filter(locale=dutch):
        translated = page.get_translation(french)
        assert translated.live and translated.purpose == page.purpose
    assert {p.purpose for p in InformationPage.objects.filter(locale=french)} == {"accessibility", "privacy"}


@pytest.mark.django_db
def test_event_registration_links_the_editable_privacy_notice(client):
    event = EventPage.objects.live().filter(locale__language_code="fr", registration_form=True).first()
    assert privacy_notice_url("fr") == "/fr/vie-privee/"
    html = client.get(event.url).content.decode()
    assert 'href="/fr/vie-privee/"' in html


@pytest.mark.django_db
def test_without_a_published_privacy_page_the_form_falls_back(client):
    InformationPage.objects.filter(purpose="privacy", locale__language_code="nl").update(live=False)
    assert privacy_notice_url("nl") is None
    event = EventPage.objects.live().filter(locale__language_code="nl", registration_form=True).first()
    assert 'href="/nl/agenda-privacy/"' in client.get(event.url).content.decode()


@pytest.mark.django_db
def test_an_editor_changes_the_statement_and_the_site_shows_it(client, dutch):
    page = InformationPage.objects.get(locale=dutch, purpose="accessibility")
    page.intro = "Nieuwe inleiding van de redactie."
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Nieuwe inleiding van de redactie." in html
    assert timezone.localdate().isoformat() in html  # "last updated" follows the publication
