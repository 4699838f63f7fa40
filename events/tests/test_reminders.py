"""The reminder the day before, sent once, with the event's .ics attached."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from icalendar import Calendar

from events.models import Registration

from .conftest import NOW, add_registration


@pytest.mark.django_db
def test_confirmed_registrants_get_one_reminder_with_the_ics(make_event, fixed_now):
    tomorrow = make_event(registration_form=True, start=NOW + timedelta(days=1))
    later = make_event(registration_form=True, start=NOW + timedelta(days=5))
    add_registration(tomorrow, 1, "confirmed")
    add_registration(tomorrow, 2, "waiting")
    add_registration(tomorrow, 3, "requested")
    add_registration(tomorrow, 4, "cancelled")
    add_registration(later, 5, "confirmed")

    call_command("send_event_reminders")
    [message] = mail.outbox
    assert message.to == ["persoon1@example.be"]
    assert message.subject == f"Herinnering: {tomorrow.title}"
    assert "/nl/agenda-inschrijving/annuleren/" in message.body
    [(filename, content, mimetype)] = message.attachments
    assert filename == f"{tomorrow.slug}.ics" and mimetype == "text/calendar"
    [vevent] = Calendar.from_ical(content).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == tomorrow.title

    call_command("send_event_reminders")  # the scheduler runs it again: nothing new
    assert len(mail.outbox) == 1
    assert Registration.objects.get(email="persoon1@example.be").reminded_at == NOW


@pytest.mark.django_db
def test_cancelled_events_get_no_reminder(make_event, fixed_now):
    event = make_event(registration_form=True, status="cancelled", start=NOW + timedelta(hours=20))
    add_registration(event, 1, "confirmed")
    call_command("send_event_reminders")
    assert not mail.outbox
