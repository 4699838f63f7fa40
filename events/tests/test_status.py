"""An editor cancels or postpones an event: the page, the agenda cards and the feeds show it."""

import pytest
from django.template import Context, Template

from events.models import EventIndexPage, EventStatus

from .conftest import publish, translate_to_french


@pytest.mark.django_db
def test_cancelled_event_page(client, make_event, fixed_now):
    page = make_event(registration_form=True, online_url="https://example.org/sessie")
    assert 'name="consent"' in client.get(page.url).content.decode()

    page.status = EventStatus.CANCELLED
    page.status_note = "Wegens ziekte van de spreker."
    page = publish(page)
    html = client.get(page.url).content.decode()
    assert "Deze activiteit is geannuleerd." in html and "Wegens ziekte van de spreker." in html
    assert "<s>" in html  # the date is struck through
    assert 'name="consent"' not in html
    assert "Deze activiteit is geannuleerd. Inschrijven kan niet meer." in html
    assert "https://example.org/sessie" not in html.split('<script type="application/ld+json">')[0]


@pytest.mark.django_db
def test_postponed_event_page(client, make_event, fixed_now):
    page = make_event(status=EventStatus.POSTPONED, status_note="Een nieuwe datum volgt.")
    html = client.get(page.url).content.decode()
    assert "Deze activiteit is uitgesteld." in html and "Een nieuwe datum volgt." in html


@pytest.mark.django_db
def test_french_page_shows_the_synced_status(client, make_event, fixed_now):
    page = make_event()
    french = translate_to_french(page, status=EventStatus.CANCELLED, status_note="Pour cause de maladie.")
    html = client.get(french.url).content.decode()
    assert "Pour cause de maladie." in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "status,expected", [(EventStatus.CANCELLED, "Geannuleerd – "), (EventStatus.POSTPONED, "Uitgesteld – ")]
)
def test_card_meta_says_cancelled_or_postponed(make_event, status, expected):
    page = make_event(status=status)
    when = Template("{% load event_tags %}{% event_when item %}").render(Context({"item": page}))
    assert when.startswith(expected)


@pytest.mark.django_db
def test_scheduled_card_has_no_status(make_event):
    page = make_event()
    rendered = Template("{% load event_tags %}{% event_when item %}").render(Context({"item": page}))
    assert not rendered.startswith(("Geannuleerd", "Uitgesteld"))


@pytest.mark.django_db
def test_agenda_card_shows_the_cancellation(client, make_event):
    """Through the agenda page itself (the listing renders the card with ``event_when``)."""
    page = make_event(status=EventStatus.CANCELLED, title="Geschrapte testavond")
    index = EventIndexPage.objects.get(locale__language_code="nl")
    for number in range(1, 6):
        html = client.get(index.url, {"page": number}).content.decode()
        if "Geschrapte testavond" in html:
            card = html.split("Geschrapte testavond", 1)[1].split("</article>", 1)[0]
            assert "Geannuleerd – " in card
            return
    pytest.fail(f"{page.title} is not on the agenda")
