"""Fail when the translation catalogues are stale or the French one is incomplete.

Stale: ``makemessages`` would add or drop message ids (needs GNU gettext's xgettext).
Incomplete: a French entry is empty or fuzzy. Dutch is the source language, so Dutch entries
may stay empty.
"""

import shutil
import tempfile
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

CATALOGUE = "LC_MESSAGES/django.po"


def message_ids(locale_dir, language):
    return {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(Path(locale_dir) / language / CATALOGUE))}


class Command(BaseCommand):
    help = "Check that locale/ is up to date with the code and fully translated into French."

    def handle(self, *args, **options):
        locale_dir = Path(settings.LOCALE_PATHS[0])
        french = polib.pofile(str(locale_dir / "fr" / CATALOGUE))
        problems = [f"untranslated: {e.msgid!r}" for e in french.untranslated_entries()]
        problems += [f"fuzzy: {e.msgid!r}" for e in french.fuzzy_entries()]

        if shutil.which("xgettext"):
            with tempfile.TemporaryDirectory() as backup:
                shutil.copytree(locale_dir, backup, dirs_exist_ok=True)
                try:
                    call_command(
                        "makemessages",
                        locale=[code for code, _ in settings.LANGUAGES],
                        ignore_patterns=[".venv", "static_collected", "media", "node_modules"],
                        no_obsolete=True,
                        verbosity=0,
                    )
                    for code, _ in settings.LANGUAGES:
                        fresh, committed = message_ids(locale_dir, code), message_ids(backup, code)
                        problems += [f"{code}: missing from catalogue: {m[1]!r}" for m in sorted(fresh - committed)]
                        problems += [f"{code}: no longer used: {m[1]!r}" for m in sorted(committed - fresh)]
                finally:
                    shutil.rmtree(locale_dir)
                    shutil.copytree(backup, locale_dir)
        else:
            self.stdout.write("xgettext not installed: checked completeness only, not freshness.")

        if problems:
            raise CommandError(
                "Translation catalogues need work (run `python manage.py makemessages -l nl -l fr "
                "--ignore=.venv --no-obsolete` and translate):\n  " + "\n  ".join(problems)
            )
        self.stdout.write("Catalogues are up to date and French is complete.")
