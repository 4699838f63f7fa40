"""Delete registrations of events that ended more than EVENTS_REGISTRATION_RETENTION_DAYS ago, and
sign-up requests nobody confirmed within EVENTS_CONFIRMATION_HOURS.

Data minimisation: run it once a day (docs/operations.md). Safe to run any time and often.
Unconfirmed requests never held a place, so deleting them changes nobody's place.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand

from events import clock, conf
from events.models import Registration


class Command(BaseCommand):
    help = (
        "Delete registrations of events that ended more than EVENTS_REGISTRATION_RETENTION_DAYS days ago "
        "and sign-up requests not confirmed within EVENTS_CONFIRMATION_HOURS hours."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted.")

    def handle(self, *args, dry_run=False, **options):
        days, hours, now = conf.retention_days(), conf.confirmation_hours(), clock.now()
        verb = "Would delete" if dry_run else "Deleted"
        old = Registration.objects.filter(event__end__lt=now - timedelta(days=days))
        self.stdout.write(
            f"{verb} {self._purge(old, dry_run)} registration(s) of events that ended more than {days} days ago."
        )
        unconfirmed = Registration.objects.filter(
            status=Registration.Status.REQUESTED, created_at__lt=now - timedelta(hours=hours)
        )
        self.stdout.write(f"{verb} {self._purge(unconfirmed, dry_run)} request(s) not confirmed within {hours} hours.")

    def _purge(self, queryset, dry_run):
        count = queryset.count()
        if not dry_run:
            queryset.delete()
        return count
