"""Compile locale/*/LC_MESSAGES/*.po to .mo with polib.

Django's ``compilemessages`` needs GNU gettext's ``msgfmt``; polib (a wagtail-localize
dependency) does the same in Python, so a fresh machine needs nothing extra.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile the translation catalogues in LOCALE_PATHS."

    def handle(self, *args, **options):
        count = 0
        for locale_path in settings.LOCALE_PATHS:
            for po_path in Path(locale_path).glob("*/LC_MESSAGES/*.po"):
                polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
                count += 1
        self.stdout.write(f"Compiled {count} catalogue(s).")
