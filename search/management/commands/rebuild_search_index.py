"""Rebuild every search index from the live pages (after a restore, a mapping change, or when
Elasticsearch was unreachable while editors published)."""

from django.core.management.base import BaseCommand

from search.indexing import rebuild


class Command(BaseCommand):
    help = "Rebuild the database search index and, when configured, the Elasticsearch indexes."

    def handle(self, *args, **options):
        count = rebuild(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {count} pages."))
