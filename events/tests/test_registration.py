"""Signing up with the site's own form: places, waiting list, deadline, duplicates, bad input."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from events.models import EventPage, EventStatus, Registration

from .conftest import NOW, translate_to_french

FORM = {
    "name": "An Peeters",
    "email": "an.peeters@example.be",
    "organisation": "Buurtwerk Kessel-Lo",
    "remarks": "Ik kom met de rolstoel.",
    "consent": "on",
}


def person(number, **changes):
    return {**FORM, "name": f"Persoon {number}", "email": f"persoon{number}@example.be", **changes}


@pytest.fixture
def event(make_event, fixed_now):
    return make_event(registration_form=True, capacity=2)


@pytest.fixture
def post(django_capture_on_commit_callbacks):
    """POST the form as a browser does, then use the link from the mail as the registrant does.

    Mail is sent when the transaction commits, as in production. ``confirm=False`` stops after
    the form (the request is then unconfirmed).
    """

    def send(client, page, data, follow=False, confirm=True):
        before = len(mail.outbox)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(page.url, data, follow=follow)
        if confirm and len(mail.outbox) > before:
            with django_capture_on_commit_callbacks(execute=True):
                assert client.post(link_in(mail.outbox[-1], "bevestigen")).status_code == 200
        return response

    return send


def link_in(message, kind):
    """The path of the personal link of ``kind`` ("bevestigen", "annuleren", or the French words) in a mail."""
    match = re.search(r"https?://[^/\s]+(/\S*/" + kind + r"/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def confirmations():
    """The mails sent after a confirmation link was used (not the requests to confirm)."""
    return [message for message in mail.outbox if not message.subject.startswith(("Bevestig", "Confirme"))]


def stored(page):
    return Registration.objects.filter(event=page.source_event())


@pytest.mark.django_db
def test_the_page_offers_the_form_with_a_privacy_link(client, event, settings):
    settings.EVENTS_PRIVACY_NOTICE_LOOKUP = ""  # no editable notice: the built-in one
    html = client.get(event.url).content.decode()
    assert 'id="inschrijven"' in html
    assert 'name="consent"' in html and 'href="/nl/agenda-privacy/"' in html
    assert "Er zijn nog 2 plaatsen vrij." in html
    assert "Inschrijven kan tot vrijdag 16 maart 2040, 10.00 uur." in html
    assert client.get("/nl/agenda-privacy/").status_code == 200


@pytest.mark.django_db
def test_privacy_notice_url_from_settings(client, event, settings):
    settings.EVENTS_PRIVACY_NOTICE_URL = "https://zorgzamebuurten.example/{language}/privacy/"
    html = client.get(event.url).content.decode()
    assert 'href="https://zorgzamebuurten.example/nl/privacy/"' in html


def privacy_page_in(language):
    return f"/{language}/our-privacy-page/" if language == "nl" else None


@pytest.mark.django_db
def test_privacy_notice_found_by_the_lookup_with_fallback(client, event, settings):
    settings.EVENTS_PRIVACY_NOTICE_LOOKUP = f"{__name__}.privacy_page_in"
    assert 'href="/nl/our-privacy-page/"' in client.get(event.url).content.decode()
    # The lookup finds nothing in French: the built-in notice.
    french = translate_to_french(event)
    assert 'href="/fr/agenda-privacy/"' in client.get(french.url).content.decode()


@pytest.mark.django_db
def test_sign_up_stores_and_confirms_by_mail(client, event, post):
    response = post(client, event, FORM)
    assert response.status_code == 302 and response["Location"] == event.url + "#inschrijven"
    [registration] = stored(event)
    assert (registration.name, registration.email, registration.organisation, registration.remarks) == (
        "An Peeters",
        "an.peeters@example.be",
        "Buurtwerk Kessel-Lo",
        "Ik kom met de rolstoel.",
    )
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.language == "nl"
    assert registration.consent_at == NOW == registration.created_at == registration.confirmed_at

    [message] = confirmations()
    assert message.to == ["an.peeters@example.be"]
    assert message.subject == f"Inschrijving bevestigd: {event.title}"
    assert "Beste An Peeters," in message.body
    assert "zaterdag 16 maart 2040" not in message.body  # the event is on Friday 16 March
    assert "vrijdag 16 maart 2040, 10.00–13.00 uur" in message.body
    assert event.get_full_url() in message.body

    assert "/nl/agenda-inschrijving/annuleren/" in message.body  # a personal cancel link

    html = client.get(event.url).content.decode()
    assert "Bijna klaar: we stuurden een e-mail naar an.peeters@example.be." in html
    assert "Er is nog 1 plaats vrij." in html


@pytest.mark.django_db
def test_french_registrant_gets_french_mail_and_shares_the_places(client, event, post):
    french = translate_to_french(event, title="Atelier de test")
    assert post(client, event, person(1)).status_code == 302
    assert post(client, french, person(2)).status_code == 302
    assert [r.language for r in stored(event)] == ["nl", "fr"]
    # Both languages count towards the same two places.
    assert post(client, french, person(3)).status_code == 302
    assert stored(event).get(email="persoon3@example.be").status == Registration.Status.WAITING

    french_mail = confirmations()[1]
    assert french_mail.to == ["persoon2@example.be"]
    assert "Atelier de test" in french_mail.subject
    assert "vendredi 16 mars 2040, 10 h 00 – 13 h 00" in french_mail.body
    assert "/fr/" in french_mail.body


@pytest.mark.django_db
def test_full_event_puts_people_on_the_waiting_list(client, event, post, django_capture_on_commit_callbacks):
    for number in (1, 2):
        post(client, event, person(number))
    html = client.get(event.url).content.decode()
    assert "Alle plaatsen zijn ingenomen." in html
    assert "Zet me op de wachtlijst" in html

    post(client, event, person(3), confirm=False)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link_in(mail.outbox[-1], "bevestigen"))
    assert "je staat op de wachtlijst (plaats 1)" in response.content.decode()
    post(client, event, person(4))
    statuses = dict(stored(event).values_list("email", "status"))
    assert statuses == {
        "persoon1@example.be": "confirmed",
        "persoon2@example.be": "confirmed",
        "persoon3@example.be": "waiting",
        "persoon4@example.be": "waiting",
    }
    waiting_mail = confirmations()[2]
    assert waiting_mail.subject == f"Wachtlijst: {event.title}"
    assert "Je staat op de wachtlijst" in waiting_mail.body


@pytest.mark.django_db
def test_unlimited_event_never_waits(client, make_event, fixed_now, post):
    page = make_event(registration_form=True)
    for number in range(5):
        post(client, page, person(number))
    assert set(stored(page).values_list("status", flat=True)) == {"confirmed"}
    assert "plaatsen vrij" not in client.get(page.url).content.decode()


@pytest.mark.django_db
def test_deadline_closes_registration(client, make_event, fixed_now, post):
    page = make_event(registration_form=True, registration_deadline=NOW + timedelta(hours=2))
    assert post(client, page, person(1)).status_code == 302

    fixed_now(NOW + timedelta(hours=2))
    response = post(client, page, person(2))
    assert response.status_code == 409
    assert "De inschrijvingen zijn afgesloten." in response.content.decode()
    assert stored(page).count() == 1
    html = client.get(page.url).content.decode()
    assert "De inschrijvingen zijn afgesloten." in html and 'name="consent"' not in html


@pytest.mark.django_db
def test_without_deadline_registration_closes_at_the_start(client, make_event, fixed_now, post):
    page = make_event(registration_form=True)
    fixed_now(page.start)
    response = post(client, page, person(1))
    assert response.status_code == 409
    assert "De inschrijvingen zijn afgesloten." in response.content.decode()
    assert not stored(page).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("email", ["an.peeters@example.be", "  An.Peeters@Example.BE "])
def test_double_sign_up_gives_a_friendly_notice_and_no_duplicate(client, event, email, post):
    post(client, event, FORM)
    sent = len(mail.outbox)
    response = post(client, event, {**FORM, "email": email, "name": "An P."}, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Je bent al ingeschreven voor deze activiteit. Je hoeft niets meer te doen." in html
    assert "nog niet bewaard" not in html and 'role="alert"' not in html
    assert stored(event).count() == 1
    assert stored(event).get().name == "An Peeters"
    assert len(mail.outbox) == sent


@pytest.mark.django_db
def test_double_sign_up_across_languages(client, event, post):
    french = translate_to_french(event)
    post(client, event, FORM)
    response = post(client, french, FORM, follow=True)
    assert "Votre inscription à cette activité est déjà enregistrée." in response.content.decode()
    assert stored(event).count() == 1


@pytest.mark.django_db
def test_database_refuses_a_duplicate_on_its_own(event):
    from django.db import IntegrityError, transaction

    Registration.objects.create(event=event, name="A", email="a@example.be", organisation="X")
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(event=event, name="B", email="A@Example.be", organisation="Y")


def field_value(html, name):
    match = re.search(rf'<(?:input|textarea)[^>]*name="{name}"[^>]*>', html)
    assert match, name
    tag = match.group(0)
    if tag.startswith("<textarea"):
        return html[match.end() : html.index("</textarea>", match.end())].strip()
    value = re.search(r'value="([^"]*)"', tag)
    return value.group(1) if value else ""


@pytest.mark.django_db
def test_missing_consent_keeps_what_was_typed(client, event, post):
    data = {key: value for key, value in FORM.items() if key != "consent"}
    response = post(client, event, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Zonder je toestemming kunnen we je inschrijving niet bewaren." in html
    assert field_value(html, "name") == "An Peeters"
    assert field_value(html, "email") == "an.peeters@example.be"
    assert field_value(html, "organisation") == "Buurtwerk Kessel-Lo"
    assert field_value(html, "remarks") == "Ik kom met de rolstoel."
    assert not stored(event).exists() and not mail.outbox


@pytest.mark.django_db
@pytest.mark.parametrize("email", ["an.peeters", "an@", "an peeters@example.be", "@example.be", "a" * 300 + "@x.be"])
def test_malformed_email_keeps_what_was_typed(client, event, email, post):
    response = post(client, event, {**FORM, "email": email})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_email_error"' in html and 'aria-invalid="true"' in html
    if len(email) < 254:
        assert "Dit e-mailadres klopt niet." in html
    assert field_value(html, "name") == "An Peeters"
    assert field_value(html, "email") == email
    assert 'name="consent" id="id_consent" required checked' in html
    assert not stored(event).exists()


@pytest.mark.django_db
def test_empty_or_garbage_post_is_a_form_error_not_a_crash(client, event, post):
    assert post(client, event, {}).status_code == 400
    assert post(client, event, {"name": "x" * 5000, "email": ["a@b.be", "c@d.be"], "consent": "on"}).status_code == 400
    assert post(client, event, {**FORM, "name": "An\x00Peeters"}).status_code == 400
    assert not stored(event).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change,message",
    [
        ({"status": EventStatus.CANCELLED}, "Deze activiteit is geannuleerd. Inschrijven kan niet meer."),
        ({"status": EventStatus.POSTPONED}, "Deze activiteit is uitgesteld."),
        ({"start": NOW - timedelta(days=2)}, "Deze activiteit is voorbij. Inschrijven kan niet meer."),
    ],
    ids=["cancelled", "postponed", "past"],
)
def test_post_to_a_closed_event_is_refused_and_stores_nothing(client, make_event, fixed_now, change, message, post):
    page = make_event(registration_form=True, **change)
    response = post(client, page, FORM)
    assert response.status_code == 409
    assert message in response.content.decode()
    assert not stored(page).exists() and not mail.outbox


@pytest.mark.django_db
def test_cancelled_source_closes_the_untranslated_synced_french_page(client, event, post):
    """Until translations are synced, the Dutch source decides: it holds the places."""
    french = translate_to_french(event)
    event.status = EventStatus.CANCELLED
    event.save_revision().publish()
    response = post(client, french, FORM)
    assert response.status_code == 409
    assert not stored(event).exists()


@pytest.mark.django_db
def test_post_to_an_event_without_own_form_is_not_allowed(client, make_event, fixed_now, post):
    page = make_event(registration_url="https://example.org/inschrijven")
    assert post(client, page, FORM).status_code == 405
    assert not Registration.objects.exists()
    html = client.get(page.url).content.decode()
    assert 'href="https://example.org/inschrijven"' in html and 'name="consent"' not in html


@pytest.mark.django_db
def test_an_external_registration_link_closes_at_the_deadline(client, make_event, fixed_now):
    """The editor's link follows the same rule as the site's form: no "Schrijf je in" after the deadline."""
    page = make_event(
        registration_url="https://example.org/inschrijven",
        registration_deadline=NOW + timedelta(hours=2),
    )
    assert 'href="https://example.org/inschrijven"' in client.get(page.url).content.decode()
    fixed_now(NOW + timedelta(hours=3))  # past the deadline, the event has not started yet
    html = client.get(page.url).content.decode()
    assert 'href="https://example.org/inschrijven"' not in html and "Schrijf je in" not in html


@pytest.mark.django_db
def test_failing_mail_server_does_not_lose_the_registration(client, event, settings, post):
    settings.EMAIL_BACKEND = "events.tests.test_registration.BrokenMailBackend"
    assert post(client, event, FORM).status_code == 302
    assert stored(event).count() == 1


class BrokenMailBackend:
    """A mail server that is down (a real backend class, configured through the settings)."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


@pytest.mark.django_db
def test_editor_cannot_mix_link_and_form_or_set_a_late_deadline(event):
    event.registration_url = "https://example.org/inschrijven"
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "registration_url" in error.value.message_dict
    event.registration_url = ""
    event.registration_deadline = event.start + timedelta(minutes=1)
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "registration_deadline" in error.value.message_dict


@pytest.mark.django_db
def test_registrations_hang_on_the_dutch_source(client, event, post):
    french = translate_to_french(event)
    post(client, french, FORM)
    assert Registration.objects.get().event_id == event.pk
    assert EventPage.objects.get(pk=french.pk).source_event().pk == event.pk


@pytest.mark.django_db
def test_errors_are_summarised_with_links_to_their_fields(client, event, post):
    response = post(client, event, {"email": "not-an-address"})
    html = response.content.decode()
    summary = html[html.index('<div class="form-errors" role="alert">') :]
    summary = summary[: summary.index("</div>")]
    assert '<a href="#id_name">Naam:' in summary
    assert '<a href="#id_email">E-mailadres:' in summary
    assert '<a href="#id_consent">' in summary
