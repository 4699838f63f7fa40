"""Editors see registrations in the Wagtail admin and export them as CSV."""

import csv
import io
from datetime import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from events.models import Registration

from .conftest import BRUSSELS, translate_to_french


@pytest.fixture
def registrations(make_event):
    first = make_event(title="Netwerkdag", registration_form=True, start=datetime(2040, 5, 7, 9, 30, tzinfo=BRUSSELS))
    other = make_event(title="Webinar", registration_form=True)
    moment = datetime(2040, 4, 1, 14, 5, tzinfo=BRUSSELS)
    rows = [
        Registration.objects.create(
            event=first,
            name="An Peeters",
            email="an@example.be",
            organisation="OCMW Leuven",
            remarks="Vegetarisch, graag.",
            language="nl",
            created_at=moment,
            consent_at=moment,
            confirmed_at=moment,
        ),
        Registration.objects.create(
            event=first,
            name='=HYPERLINK("http://kwaad.example")',
            email="b@example.be",
            organisation="+32 16 00 00 00",
            status=Registration.Status.WAITING,
            language="fr",
            created_at=moment,
            consent_at=moment,
            confirmed_at=moment,
        ),
        Registration.objects.create(event=other, name="Cis", email="c@example.be", organisation="Buurtwerk"),
    ]
    return first, other, rows


def export(client, **params):
    response = client.get(reverse("registrations:index"), {"export": "csv", **params})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8")
    return response, list(csv.reader(io.StringIO(text)))


@pytest.mark.django_db
def test_csv_export_of_one_event(admin_client, registrations):
    first, _, _ = registrations
    response, rows = export(admin_client, event=first.pk)
    assert response["Content-Disposition"] == f'attachment; filename="inschrijvingen-{first.slug}.csv"'
    assert rows[0] == [
        "Activiteit",
        "Begin",
        "Naam",
        "E-mailadres",
        "Organisatie",
        "Opmerkingen",
        "Status",
        "Taal",
        "Ingeschreven op",
        "Toestemming gegeven op",
        "Bevestigd op",
        "Geannuleerd op",
    ]
    assert rows[1:] == [
        [
            "Netwerkdag",
            "2040-05-07 09:30",
            "An Peeters",
            "an@example.be",
            "OCMW Leuven",
            "Vegetarisch, graag.",
            "ingeschreven",
            "nl",
            "2040-04-01 14:05",
            "2040-04-01 14:05",
            "2040-04-01 14:05",
            "",
        ],
        [
            "Netwerkdag",
            "2040-05-07 09:30",
            # A spreadsheet must show these as text, not run them as formulas.
            '\'=HYPERLINK("http://kwaad.example")',
            "b@example.be",
            "'+32 16 00 00 00",
            "",
            "wachtlijst",
            "fr",
            "2040-04-01 14:05",
            "2040-04-01 14:05",
            "2040-04-01 14:05",
            "",
        ],
    ]


@pytest.mark.django_db
def test_csv_export_of_everything_and_by_status(admin_client, registrations):
    _, rows = export(admin_client)
    emails = {row[3] for row in rows[1:]}
    assert {"an@example.be", "b@example.be", "c@example.be"} <= emails
    _, rows = export(admin_client, status="waiting")
    assert [row[3] for row in rows[1:]] == ["b@example.be"]


@pytest.mark.django_db
def test_listing_shows_registrations_and_filters_dutch_events_only(admin_client, registrations):
    first, _, _ = registrations
    translate_to_french(first, title="Journée de réseau")
    response = admin_client.get(reverse("registrations:index"), {"event": first.pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert "An Peeters" in html and "Cis" not in html
    assert "Download CSV" in html or "CSV" in html
    # The event filter lists the Dutch source events, not their translations.
    assert "Journée de réseau" not in html


@pytest.mark.django_db
def test_editors_group_may_see_and_export(client, django_user_model, registrations):
    editor = django_user_model.objects.create_user("redacteur", "r@example.be", "a-long-test-password")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    _, rows = export(client)
    assert len(rows) >= 4


@pytest.mark.django_db
def test_people_without_permission_see_nothing(client, django_user_model, registrations):
    user = django_user_model.objects.create_user("bezoeker", "v@example.be", "a-long-test-password")
    client.force_login(user)
    response = client.get(reverse("registrations:index"), {"export": "csv"})
    assert response.status_code in (302, 403)


@pytest.mark.django_db
def test_bad_filter_values_do_not_crash(admin_client, registrations):
    for params in ({"event": "abc"}, {"event": "999999"}, {"status": "weg"}, {"event": "1e9", "export": "csv"}):
        assert admin_client.get(reverse("registrations:index"), params).status_code == 200


@pytest.mark.django_db
def test_event_edit_form_has_status_and_registration_fields(admin_client, make_event):
    page = make_event()
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    for name in ("status", "status_note", "registration_form", "capacity", "registration_deadline"):
        assert f'name="{name}"' in html


@pytest.mark.django_db
def test_french_privacy_notice_states_the_retention(client, settings):
    settings.EVENTS_REGISTRATION_RETENTION_DAYS = 45
    response = client.get("/fr/agenda-privacy/")
    assert response.status_code == 200
    assert '<html lang="fr">' in response.content.decode() and "45" in response.content.decode()


@pytest.mark.django_db
def test_adding_a_duplicate_in_the_admin_is_a_form_error(admin_client, registrations):
    first, _, _ = registrations
    data = {
        "event": first.pk,
        "name": "An opnieuw",
        "email": "AN@example.be ",
        "organisation": "X",
        "remarks": "",
        "status": "confirmed",
        "language": "nl",
    }
    response = admin_client.post(reverse("registrations:add"), data)
    assert response.status_code == 200  # the form again, with an error; no server error
    assert Registration.objects.filter(event=first, email="an@example.be").count() == 1


@pytest.mark.django_db
def test_eindredactie_may_see_and_export_but_redacteur_may_not(client, django_user_model, registrations):
    """Registrations hold personal data: the final-editing role has them, writers do not."""
    chief = django_user_model.objects.create_user("eindredactie", "e@example.be", "a-long-test-password")
    chief.groups.add(Group.objects.get(name="Eindredactie"))
    client.force_login(chief)
    _, rows = export(client)
    assert len(rows) >= 4

    writer = django_user_model.objects.create_user("schrijver", "s@example.be", "a-long-test-password")
    writer.groups.add(Group.objects.get(name="Redacteur"))
    client.force_login(writer)
    assert client.get(reverse("registrations:index"), {"export": "csv"}).status_code in (302, 403)


@pytest.mark.django_db
def test_listing_shows_and_filters_the_double_opt_in_statuses(admin_client, registrations):
    first, _, _ = registrations
    Registration.objects.create(
        event=first, name="Nog Niet", email="req@example.be", organisation="X", status="requested"
    )
    html = admin_client.get(reverse("registrations:index"), {"status": "requested"}).content.decode()
    assert "Nog Niet" in html and "An Peeters" not in html
    assert "nog niet bevestigd" in html and "geannuleerd" in html  # the status and the filter's choices
