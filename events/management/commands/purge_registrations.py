"""Delete registrations of events that ended more than EVENTS_REGISTRATION_RETENTION_DAYS ago.

Data minimisation: run it once a day (see README, "Events"). Safe to run any time and often.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand

from events import clock, conf
from events.models import Registration


class Command(BaseCommand):
    help = "Delete registrations of events that ended more than EVENTS_REGISTRATION_RETENTION_DAYS days ago."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted.")

    def handle(self, *args, dry_run=False, **options):
        days = conf.retention_days()
        expired = Registration.objects.filter(event__end__lt=clock.now() - timedelta(days=days))
        count = expired.count()
        if not dry_run:
            expired.delete()
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(f"{verb} {count} registration(s) of events that ended more than {days} days ago.")
