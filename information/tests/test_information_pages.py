"""The accessibility statement and the privacy notice: editable pages in both languages, in the
footer of every page, and the privacy notice linked from the event registration form."""

import pytest
from django.utils import timezone

from common.factories import translate
from events.factories import EventPageFactory
from information.factories import InformationPageFactory
from information.links import footer_pages, privacy_notice_url
from information.models import InformationPage


@pytest.fixture
def information_pages(bilingual_site):
    """The accessibility statement and the privacy notice, in both languages, as the demo has them."""
    home = bilingual_site.home["nl"]
    pages = {}
    for purpose, nl, fr in [
        (
            "accessibility",
            ("Toegankelijkheidsverklaring", "toegankelijkheid"),
            ("Déclaration d'accessibilité", "accessibilite"),
        ),
        ("privacy", ("Privacyverklaring", "privacy"), ("Déclaration de confidentialité", "vie-privee")),
    ]:
        page = InformationPageFactory(parent=home, purpose=purpose, title=nl[0], slug=nl[1])
        pages[purpose] = {"nl": page, "fr": translate(page, title=fr[0], slug=fr[1])}
    return pages


@pytest.fixture
def event_with_form(bilingual_site):
    event = EventPageFactory(parent=bilingual_site.events["nl"], registration_form=True, capacity=20)
    return {"nl": event, "fr": translate(event, title="Atelier de quartier", slug="atelier-de-quartier")}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "titles"),
    [
        ("nl", ["Toegankelijkheidsverklaring", "Privacyverklaring"]),
        ("fr", ["Déclaration d'accessibilité", "Déclaration de confidentialité"]),
    ],
)
def test_both_pages_exist_in_both_languages_and_are_in_the_footer(client, language, titles, information_pages):
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
def test_event_registration_links_the_editable_privacy_notice(client, information_pages, event_with_form):
    event = event_with_form["fr"]
    assert privacy_notice_url("fr") == "/fr/vie-privee/"
    html = client.get(event.url).content.decode()
    assert 'href="/fr/vie-privee/"' in html


@pytest.mark.django_db
def test_without_a_published_privacy_page_the_form_falls_back(client, information_pages, event_with_form):
    assert privacy_notice_url("nl") == "/nl/privacy/"
    information_pages["privacy"]["nl"].unpublish()
    assert privacy_notice_url("nl") is None
    event = event_with_form["nl"]
    assert 'href="/nl/agenda-privacy/"' in client.get(event.url).content.decode()


@pytest.mark.django_db
def test_an_editor_changes_the_statement_and_the_site_shows_it(client, information_pages):
    page = information_pages["accessibility"]["nl"]
    page.intro = "Nieuwe inleiding van de redactie."
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Nieuwe inleiding van de redactie." in html
    assert timezone.localdate().isoformat() in html  # "last updated" follows the publication
