"""Abuse: the honeypot, the rate limit per address, and that nothing is ever published unreviewed."""

import html

import pytest
from django.core import mail
from django.urls import reverse

from operations.client_address import parse_networks
from projects.models import ProjectIndexPage, ProjectPage


def submit(client, data, **extra):
    return client.post(reverse("submissions:submit"), data, **extra)


@pytest.mark.django_db
def test_the_honeypot_drops_the_submission_quietly(client, valid_data, eindredactie):
    response = submit(client, {**valid_data, "referral_code": "http://spam.example"})
    assert response.status_code == 302 and response["Location"] == reverse("submissions:thanks")
    assert not ProjectPage.objects.filter(initiator=valid_data["organisation"]).exists()
    assert not mail.outbox


@pytest.mark.django_db
def test_the_honeypot_is_hidden_from_people(client):
    page = client.get(reverse("submissions:submit")).content.decode()
    honeypot = page.split('<div class="honeypot" aria-hidden="true">')[1].split("</div>")[0]
    assert 'name="referral_code"' in honeypot and 'tabindex="-1"' in honeypot and 'autocomplete="off"' in honeypot


@pytest.mark.django_db
def test_too_many_sends_from_one_address_get_429(client, valid_data, settings):
    settings.SUBMISSIONS_RATE_LIMIT = 3
    invalid = {**valid_data, "postcode": ""}
    for _ in range(2):
        assert submit(client, invalid).status_code == 200  # errors count too
    assert submit(client, valid_data).status_code == 302
    response = submit(client, valid_data)
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert "te veel aanmeldingen" in html.unescape(response.content.decode())
    assert ProjectPage.objects.filter(initiator=valid_data["organisation"]).count() == 1
    # Another address is not affected; reading the form never counts.
    assert submit(client, valid_data, REMOTE_ADDR="192.0.2.7").status_code == 302
    assert client.get(reverse("submissions:submit")).status_code == 200


@pytest.mark.django_db
def test_a_forged_forwarded_for_header_does_not_reset_the_limit(client, valid_data, settings):
    settings.SUBMISSIONS_RATE_LIMIT = 1
    assert submit(client, valid_data, HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 302
    assert submit(client, valid_data, HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 429


@pytest.mark.django_db
def test_behind_a_trusted_proxy_each_visitor_counts_separately(client, valid_data, settings):
    settings.SUBMISSIONS_RATE_LIMIT = 1
    settings.TRUSTED_PROXIES = parse_networks("10.0.0.0/8")
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    assert submit(client, valid_data, HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy).status_code == 302
    assert submit(client, valid_data, HTTP_X_FORWARDED_FOR="203.0.113.6", **proxy).status_code == 302
    # The visitor cannot hide behind a forged first entry: the proxy appends the real address.
    forged = "1.2.3.4, 203.0.113.5"
    assert submit(client, valid_data, HTTP_X_FORWARDED_FOR=forged, **proxy).status_code == 429


@pytest.mark.django_db
def test_nothing_is_published_without_review(client, valid_data, dutch, french, eindredactie):
    """Whatever is posted, the submission stays a draft until Eindredactie approves it."""
    tampered = {**valid_data, "live": "1", "action-publish": "1", "go_live_at": "2000-01-01 00:00", "owner": "1"}
    assert submit(client, tampered).status_code == 302
    page = ProjectPage.objects.get(initiator=valid_data["organisation"])
    assert not page.live and page.live_revision is None and page.go_live_at is None
    assert page.owner is None
    assert client.get(page.url).status_code == 404
    assert page.get_translation_or_none(french) is None
    index = ProjectIndexPage.objects.get(locale=dutch)
    assert valid_data["name"] not in client.get(index.url).content.decode()

    # Only Eindredactie's approval publishes it.
    client.force_login(eindredactie)
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    assert client.post(url, {"comment": ""}).status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    client.logout()
    assert client.get(page.url).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_other_methods_are_refused_not_crashing(client, method):
    assert getattr(client, method)(reverse("submissions:submit")).status_code == 405


@pytest.mark.django_db
def test_garbage_posts_get_a_form_with_errors_not_a_500(client):
    response = client.post(reverse("submissions:submit"), {"target_groups": ["not-a-number"], "photo": "not-a-file"})
    assert response.status_code == 200
    assert "Nog niet alles is in orde" in html.unescape(response.content.decode())
