"""The submission flow end to end: found from the site, in the initiative's language, one mail each."""

import html

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from editorial.roles import EINDREDACTIE
from editorial.testing import make_role_user
from home.models import HomePage
from projects.models import ProjectIndexPage, ProjectPage
from submissions.drafts import INTRO_LENGTH, split_description
from submissions.models import Submission


def submit_url(language):
    with translation.override(language):
        return reverse("submissions:submit")


def text_of(response):
    return html.unescape(response.content.decode())


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "fr"])
def test_the_form_is_linked_from_the_home_page_the_project_index_and_every_footer(client, language):
    link = f'href="{submit_url(language)}"'
    home = HomePage.objects.get(locale__language_code=language)
    index = ProjectIndexPage.objects.get(locale__language_code=language)
    home_html, index_html = text_of(client.get(home.url)), text_of(client.get(index.url))
    assert home_html.count(link) >= 2  # the call to action and the footer
    assert index_html.count(link) >= 2
    call = {"nl": "Zelf een project? Meld het aan", "fr": "Vous menez un projet ? Faites-le connaître"}[language]
    assert call in home_html and call in index_html
    # The footer of any page, the form itself included.
    assert link in text_of(client.get(submit_url(language)))


@pytest.fixture
def french_data(valid_data):
    return {
        **valid_data,
        "name": "Soupe de quartier",
        "description": (
            "Chaque mercredi, des voisins préparent ensemble une soupe à la maison de quartier.\n\n"
            "Des jeunes la portent chez les personnes âgées qui se déplacent difficilement, et restent discuter."
        ),
    }


@pytest.fixture
def reviewers(db):
    """Two Eindredactie members: one reads the admin in Dutch, one has no preference (Dutch too)."""
    return make_role_user(EINDREDACTIE, "eindredactie-nl"), make_role_user(EINDREDACTIE, "eindredactie-leeg", "")


@pytest.fixture
def french_reviewer(db):
    return make_role_user(EINDREDACTIE, "eindredactie-fr", "fr")


@pytest.mark.django_db
def test_a_french_submission_is_recorded_as_french_and_awaits_translation(
    client, french_data, reviewers, french_reviewer, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(submit_url("fr"), french_data).status_code == 302

    page = ProjectPage.objects.get(title="Soupe de quartier")
    assert page.locale.language_code == "nl"  # the source tree of wagtail-localize
    submission = Submission.objects.get(page=page)
    assert submission.language == "fr" and submission.needs_translation
    assert submission.description == french_data["description"]

    # The description once: its first paragraph as intro, the rest as body.
    assert page.intro == "Chaque mercredi, des voisins préparent ensemble une soupe à la maison de quartier."
    assert [block.value.source for block in page.body] == [
        "<p>Des jeunes la portent chez les personnes âgées qui se déplacent difficilement, et restent discuter.</p>"
    ]

    # The initiative: one confirmation, in French.
    to_initiative = [message for message in mail.outbox if message.to == [french_data["contact_email"]]]
    assert len(to_initiative) == 1
    assert "Soupe de quartier" in to_initiative[0].subject
    assert "Merci" in to_initiative[0].body and "Bedankt" not in to_initiative[0].body

    # Each reviewer: one notification, in their admin language (Dutch when they chose none).
    for reviewer in reviewers:
        received = [message for message in mail.outbox if message.to == [reviewer.email]]
        assert len(received) == 1, [message.subject for message in received]
        assert "Soupe de quartier" in received[0].subject
        assert "geschreven in het Frans" in received[0].body
        assert "ingediend" in received[0].subject + received[0].body  # Wagtail's Dutch text
    received = [message for message in mail.outbox if message.to == [french_reviewer.email]]
    assert len(received) == 1 and "rédigée en français" in received[0].body

    # Eindredactie sees it on the draft.
    client.force_login(reviewers[0])
    edit = text_of(client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])))
    assert "Deze aanmelding is in het Frans geschreven en wacht op vertaling naar het Nederlands" in edit


@pytest.mark.django_db
def test_a_dutch_submission_needs_no_translation_and_is_confirmed_in_dutch(
    client, valid_data, reviewers, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(submit_url("nl"), valid_data).status_code == 302
    page = ProjectPage.objects.get(title="Buurtsoep Kessel-Lo")
    assert page.submission.language == "nl" and not page.submission.needs_translation
    to_initiative = [message for message in mail.outbox if message.to == [valid_data["contact_email"]]]
    assert len(to_initiative) == 1 and "Bedankt" in to_initiative[0].body
    client.force_login(reviewers[0])
    edit = text_of(client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])))
    assert "wacht op vertaling" not in edit


def test_a_long_first_paragraph_is_split_at_a_sentence_never_repeated():
    first = "Een zin van ongeveer zestig tekens die het project voorstelt. " * 8
    intro, body = split_description(first.strip() + "\n\nEen tweede alinea.")
    assert len(intro) <= INTRO_LENGTH and intro.endswith(".")
    assert " ".join([intro, *body[:1]]) == " ".join(first.split())
    assert body[1:] == ["Een tweede alinea."]


@pytest.mark.django_db
def test_the_translator_starts_the_french_page_from_the_initiatives_own_text(
    client, french_data, reviewers, french, django_capture_on_commit_callbacks
):
    from wagtail_localize.models import Translation, TranslationSource

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(submit_url("fr"), french_data).status_code == 302
    page = ProjectPage.objects.get(title="Soupe de quartier")
    page.intro = "Elke woensdag maken buren samen soep in het buurthuis."  # Eindredactie translated it
    page.save_revision().publish()
    source, _ = TranslationSource.get_or_create_from_instance(page)
    # What "Vertalen" does: a translation into French, saved as a draft, edited in wagtail-localize's editor.
    Translation.objects.create(source=source, target_locale=french).save_target(publish=False)
    french_page = page.get_translation(french)

    client.force_login(reviewers[0])
    editor = text_of(client.get(reverse("wagtailadmin_pages:edit", args=[french_page.pk])))
    assert "Texte d'origine de l'initiative" in editor or "Oorspronkelijke tekst van de initiatiefnemer" in editor
    assert "Des jeunes la portent chez les personnes âgées" in editor
