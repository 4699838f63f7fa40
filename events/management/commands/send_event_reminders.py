"""Mail a reminder with the event's .ics to every confirmed registrant the day before the event.

Meant for a daily scheduler (docs/operations.md); running it twice sends each reminder once.
"""

from django.core.management.base import BaseCommand

from events.reminders import send_reminders


class Command(BaseCommand):
    help = "Send the reminder e-mail (with .ics) to confirmed registrants of events that start tomorrow."

    def handle(self, *args, **options):
        self.stdout.write(f"Sent {send_reminders()} reminder(s).")
