"""Registrations disappear a configurable number of days after their event ends."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command

from events.models import Registration

from .conftest import NOW


def purge(*args):
    out = io.StringIO()
    call_command("purge_registrations", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def events_by_age(make_event, fixed_now):
    def ended(days):
        start = NOW - timedelta(days=days, hours=3)
        page = make_event(registration_form=True, start=start, end=start + timedelta(hours=3))
        Registration.objects.create(event=page, name="X", email=f"x{days}@example.be", organisation="O")
        return page

    return {"upcoming": ended(-5), "ended_29_days_ago": ended(29), "ended_31_days_ago": ended(31)}


def remaining(events):
    pks = set(Registration.objects.values_list("event_id", flat=True))
    return {name for name, page in events.items() if page.pk in pks}


@pytest.mark.django_db
def test_default_keeps_registrations_30_days(events_by_age):
    assert "Deleted 1 registration(s)" in purge()
    assert remaining(events_by_age) == {"upcoming", "ended_29_days_ago"}
    assert "Deleted 0 registration(s)" in purge()  # running it again is harmless


@pytest.mark.django_db
def test_retention_days_come_from_the_settings(events_by_age, settings):
    settings.EVENTS_REGISTRATION_RETENTION_DAYS = 7
    purge()
    assert remaining(events_by_age) == {"upcoming"}


@pytest.mark.django_db
def test_dry_run_deletes_nothing(events_by_age):
    assert "Would delete 1 registration(s)" in purge("--dry-run")
    assert remaining(events_by_age) == set(events_by_age)


@pytest.mark.django_db
def test_deleting_an_event_deletes_its_registrations(events_by_age):
    page = events_by_age["upcoming"]
    page.delete()
    assert not Registration.objects.filter(event_id=page.pk).exists()
