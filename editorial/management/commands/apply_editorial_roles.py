"""Re-apply the editorial roles and the review workflow, e.g. after permissions were edited by hand."""

from django.core.management.base import BaseCommand

from editorial.moderation import provision
from editorial.roles import ROLE_NAMES


class Command(BaseCommand):
    help = "Create or complete the Redacteur, Eindredactie and Vertaler groups and the review workflow."

    def handle(self, *args, **options):
        workflow = provision()
        self.stdout.write(f"Roles ready: {', '.join(ROLE_NAMES)}; workflow '{workflow.name}' on the whole site.")
