"""The registration form cannot be abused (issue 16): double opt-in, no free text to unconfirmed
addresses, honeypot, a limit per visitor address; and registrants cancel through their own link."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from events.models import Registration

from .conftest import NOW

FORM = {
    "name": "Klik hier: http://phish.example",
    "email": "slachtoffer@example.be",
    "organisation": "Uw bank",
    "remarks": "Uw rekening is geblokkeerd, log in via http://phish.example",
    "consent": "on",
}


def person(number):
    return {**FORM, "name": f"Persoon {number}", "email": f"persoon{number}@example.be", "remarks": ""}


def link_in(message, kind):
    match = re.search(r"https?://[^/\s]+(/\S*/" + kind + r"/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


@pytest.fixture
def event(make_event, fixed_now):
    return make_event(registration_form=True, capacity=1)


@pytest.fixture
def send(client, django_capture_on_commit_callbacks):
    def post(url, data=None):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data or {})

    return post


@pytest.mark.django_db
def test_a_sign_up_is_a_request_that_holds_no_place_and_echoes_nothing(client, event, send):
    assert send(event.url, FORM).status_code == 302
    request = Registration.objects.get()
    assert request.status == "requested"
    [message] = mail.outbox
    assert message.to == ["slachtoffer@example.be"]
    for typed in ("phish.example", "Uw bank", "geblokkeerd", "Klik hier"):
        assert typed not in message.subject and typed not in message.body
    assert event.title in message.body and "/nl/agenda-inschrijving/bevestigen/" in message.body
    # The place is still free for someone else.
    assert "Er is nog 1 plaats vrij." in client.get(event.url).content.decode()


@pytest.mark.django_db
def test_confirming_asks_first_then_takes_the_place_in_the_order_of_confirmation(client, event, send):
    send(event.url, person(1))
    send(event.url, person(2))
    first_link, second_link = link_in(mail.outbox[0], "bevestigen"), link_in(mail.outbox[1], "bevestigen")
    # Opening the link (as a mail scanner does) changes nothing; the page asks for a click.
    page = client.get(second_link)
    assert page.status_code == 200 and "Bevestig mijn inschrijving" in page.content.decode()
    assert set(Registration.objects.values_list("status", flat=True)) == {"requested"}
    # The second to confirm gets the only place; the first to confirm afterwards waits.
    assert "er is een plaats voor je" in send(second_link).content.decode()
    assert "wachtlijst (plaats 1)" in send(first_link).content.decode()
    assert dict(Registration.objects.values_list("email", "status")) == {
        "persoon1@example.be": "waiting",
        "persoon2@example.be": "confirmed",
    }
    # Only now, to a confirmed address, a mail with what was typed and a cancel link.
    confirmation = mail.outbox[2]
    assert "Persoon 2" in confirmation.body and "/nl/agenda-inschrijving/annuleren/" in confirmation.body
    # A second click changes nothing and sends nothing.
    send(second_link)
    assert len(mail.outbox) == 4


@pytest.mark.django_db
def test_confirmation_link_expires_and_the_request_never_blocks_the_address(
    client, make_event, send, fixed_now, settings
):
    settings.EVENTS_CONFIRMATION_HOURS = 48
    event = make_event(registration_form=True, capacity=1, start=NOW + timedelta(days=10))
    send(event.url, FORM)
    old_link = link_in(mail.outbox[0], "bevestigen")
    fixed_now(NOW + timedelta(hours=49))
    # The signature's own clock is real time: an expired request is refused by its age too.
    response = send(old_link)
    assert response.status_code == 400 and Registration.objects.get().status == "requested"
    # Signing up again renews the request rather than saying "already registered".
    assert send(event.url, {**FORM, "name": "Echte persoon"}).status_code == 302
    assert Registration.objects.get().name == "Echte persoon"
    assert send(link_in(mail.outbox[-1], "bevestigen")).status_code == 200
    assert Registration.objects.get().status == "confirmed"


@pytest.mark.django_db
def test_unconfirmed_requests_are_purged(event, send, fixed_now):
    send(event.url, FORM)
    call_command("purge_registrations")
    assert Registration.objects.count() == 1
    fixed_now(NOW + timedelta(hours=49))
    call_command("purge_registrations")
    assert not Registration.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("token", ["", "x", "a:b:c", "%00", "." + "A" * 500])
def test_forged_or_damaged_links_are_a_clear_400(client, event, token):
    for kind in ("bevestigen", "annuleren"):
        response = client.get(f"/nl/agenda-inschrijving/{kind}/{token}/")
        assert response.status_code in (400, 404)
        if response.status_code == 400:
            assert "Deze link is niet (meer) geldig." in response.content.decode()


@pytest.mark.django_db
def test_a_confirmation_link_cannot_cancel(client, event, send):
    send(event.url, FORM)
    token = link_in(mail.outbox[0], "bevestigen").split("/")[-2]
    assert send(f"/nl/agenda-inschrijving/annuleren/{token}/").status_code == 400


@pytest.mark.django_db
def test_honeypot_stores_and_mails_nothing(client, event, send):
    response = send(event.url, {**FORM, "website": "http://spam.example"})
    assert response.status_code == 302
    assert not Registration.objects.exists() and not mail.outbox


@pytest.mark.django_db
def test_thirty_sign_ups_from_one_address_are_refused_after_the_limit(client, event, send, settings):
    settings.EVENTS_REGISTRATION_RATE_LIMIT = 10
    codes = [send(event.url, person(number)).status_code for number in range(30)]
    assert codes[:10] == [302] * 10
    assert codes[10:] == [429] * 20
    refused = send(event.url, person(99))
    assert "te veel inschrijvingen" in refused.content.decode() and refused["Retry-After"] == "3600"
    assert Registration.objects.count() == 10
    # Another visitor is not affected.
    other = client.post(event.url, person(100), REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 302


@pytest.mark.django_db
def test_registrant_cancels_with_their_link_and_the_first_waiting_moves_up(client, event, send):
    send(event.url, person(1))
    send(link_in(mail.outbox[-1], "bevestigen"))
    send(event.url, person(2))
    send(link_in(mail.outbox[-1], "bevestigen"))
    assert dict(Registration.objects.values_list("email", "status"))["persoon2@example.be"] == "waiting"
    cancel_link = link_in(mail.outbox[1], "annuleren")

    question = client.get(cancel_link)
    assert question.status_code == 200
    assert "Wil je je inschrijving voor deze activiteit annuleren?" in question.content.decode()
    assert '<form method="post">' in question.content.decode()
    done = send(cancel_link)
    assert "Je inschrijving is geannuleerd." in done.content.decode()
    assert dict(Registration.objects.values_list("email", "status")) == {
        "persoon1@example.be": "cancelled",
        "persoon2@example.be": "confirmed",
    }
    assert mail.outbox[-1].to == ["persoon2@example.be"]
    assert "Er is een plaats vrij voor jou" in mail.outbox[-1].subject
    # The link works once; afterwards it says so.
    assert "al geannuleerd" in send(cancel_link).content.decode()


@pytest.mark.django_db
def test_waiting_person_leaves_the_list_in_french(client, event, send):
    from .conftest import translate_to_french

    french = translate_to_french(event)
    send(event.url, person(1))
    send(link_in(mail.outbox[-1], "bevestigen"))
    send(french.url, person(2))
    send(link_in(mail.outbox[-1], "bevestigen"))
    cancel_link = link_in(mail.outbox[-1], "annuleren")
    assert cancel_link.startswith("/fr/")
    done = send(cancel_link)
    assert done.status_code == 200
    assert Registration.objects.get(email="persoon2@example.be").status == "cancelled"
    assert Registration.objects.get(email="persoon1@example.be").status == "confirmed"
    assert "liste d" in done.content.decode()  # "liste d'attente", in French


@pytest.mark.django_db
def test_cancel_link_expires_when_the_event_ends(client, event, send, fixed_now):
    send(event.url, person(1))
    send(link_in(mail.outbox[-1], "bevestigen"))
    link = link_in(mail.outbox[-1], "annuleren")
    fixed_now(event.end + timedelta(minutes=1))
    assert send(link).status_code == 410
    assert Registration.objects.get().status == "confirmed"


@pytest.mark.django_db
def test_signing_up_again_with_a_confirmed_address_is_a_friendly_notice(
    client, event, django_capture_on_commit_callbacks
):
    Registration.objects.create(event=event, name="An", email="slachtoffer@example.be", organisation="X")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(event.url, FORM, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Je bent al ingeschreven voor deze activiteit." in html
    assert "nog niet bewaard" not in html
    assert Registration.objects.count() == 1 and not mail.outbox
