"""A freed place goes to the first on the waiting list, whatever frees it (issue 15).

These tests use only the database, the HTTP client and the mail outbox, so they also ran against
the code before the fix (where they failed: the waiting person stayed waiting).
"""

import pytest
from django.core import mail
from django.urls import reverse

from events.models import Registration

from .conftest import add_registration


@pytest.fixture
def full_event(make_event, fixed_now, django_capture_on_commit_callbacks):
    """Two places taken, two people waiting (the French one confirmed first)."""
    event = make_event(registration_form=True, capacity=2)
    first, second = add_registration(event, 1, "confirmed"), add_registration(event, 2, "confirmed")
    waiting_fr = add_registration(event, 3, "waiting", language="fr")
    waiting_nl = add_registration(event, 4, "waiting")
    return event, [first, second, waiting_fr, waiting_nl]


def statuses(event):
    return dict(Registration.objects.filter(event=event).values_list("email", "status"))


@pytest.mark.django_db
def test_deleting_a_confirmed_registration_moves_the_first_waiting_up(
    client, full_event, django_capture_on_commit_callbacks
):
    event, (first, _, waiting_fr, _) = full_event
    with django_capture_on_commit_callbacks(execute=True):
        first.delete()
    assert statuses(event) == {
        "persoon2@example.be": "confirmed",
        "persoon3@example.be": "confirmed",
        "persoon4@example.be": "waiting",
    }
    [message] = mail.outbox
    assert message.to == ["persoon3@example.be"]
    assert "plaats" not in message.subject  # in French, the registrant's language
    assert "/fr/agenda-inschrijving/annuleren/" in message.body
    html = client.get(event.url).content.decode()
    assert "Er is nog" not in html and "Alle plaatsen zijn ingenomen." in html


@pytest.mark.django_db
def test_editor_deleting_in_the_admin_moves_the_list_up(admin_client, full_event, django_capture_on_commit_callbacks):
    event, (first, *_) = full_event
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("registrations:delete", args=[first.pk]))
    assert response.status_code == 302
    assert statuses(event)["persoon3@example.be"] == "confirmed"
    assert [m.to for m in mail.outbox] == [["persoon3@example.be"]]


@pytest.mark.django_db
def test_raising_the_capacity_moves_everyone_who_fits_up(full_event, django_capture_on_commit_callbacks):
    event, _ = full_event
    event.capacity = 5
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    assert set(statuses(event).values()) == {"confirmed"}
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_the_page_never_offers_a_place_while_someone_waits(client, make_event, fixed_now):
    event = make_event(registration_form=True, capacity=3)
    add_registration(event, 1, "confirmed")
    # Written straight into the database (no signal), as an old row could be: still no free place shown.
    Registration.objects.bulk_create(
        [Registration(event=event, name="W", email="w@example.be", organisation="X", status="waiting")]
    )
    html = client.get(event.url).content.decode()
    assert "Er is nog" not in html and "Er zijn nog" not in html


@pytest.mark.django_db
def test_nobody_moves_up_into_a_cancelled_event(full_event, django_capture_on_commit_callbacks):
    event, (first, *_) = full_event
    event.status = "cancelled"
    event.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        first.delete()
    assert statuses(event)["persoon3@example.be"] == "waiting"
    assert not mail.outbox
