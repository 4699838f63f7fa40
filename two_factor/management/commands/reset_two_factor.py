"""Recovery: remove an editor's authenticator app and backup codes (lost phone, lost codes).

They log in with their password again and, if their role requires it, set up a new app at once.
Check who is asking (by phone or in person) before running it: see docs/operations.md.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from two_factor.devices import reset_devices


class Command(BaseCommand):
    help = "Remove a user's two-factor devices (authenticator app and backup codes)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist as error:
            raise CommandError(f"No user named {username!r}.") from error
        removed = reset_devices(user)
        self.stdout.write(f"Removed {removed} two-factor device(s) of {username}.")
