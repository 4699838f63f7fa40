"""Events made for one test under the demo agenda, and a fixed clock for "now".

The clock is the events app's own seam (``events.clock.now``): the code under test runs as it
does in production, only asked for the time at a moment the test chooses.
"""

import itertools
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from wagtail.models import Locale

from events import clock
from events.models import EventIndexPage, EventPage

BRUSSELS = ZoneInfo("Europe/Brussels")
# Far after every demo event, so only the events a test makes are upcoming.
NOW = datetime(2040, 3, 15, 10, 0, tzinfo=BRUSSELS)
_numbers = itertools.count(1)


@pytest.fixture
def fixed_now(monkeypatch):
    """Freeze the events clock at NOW; returns a setter to move it."""
    state = {"now": NOW}
    monkeypatch.setattr(clock, "now", lambda: state["now"])

    def move_to(moment):
        state["now"] = moment

    move_to.now = NOW
    return move_to


def publish(page):
    page.save_revision().publish()
    return EventPage.objects.get(pk=page.pk)


def create_event(language="nl", **fields):
    """A published event under the agenda of ``language``; times default to a day after NOW."""
    number = next(_numbers)
    index = EventIndexPage.objects.get(locale__language_code=language)
    start = fields.pop("start", NOW + timedelta(days=1))
    values = {
        "title": f"Testactiviteit {number}",
        "slug": f"testactiviteit-{number}",
        "intro": "Een activiteit om mee te testen.",
        "organiser": "Consortium Zorgzame Buurten",
        "venue_name": "Buurthuis De Linde",
        "address": "Lindestraat 5, 3000 Leuven",
        "start": start,
        "end": start + timedelta(hours=3),
    }
    values.update(fields)
    page = EventPage(**values)
    index.add_child(instance=page)
    return publish(page)


def translate_to_french(page, **fields):
    """The French translation of a Dutch event, published (as wagtail-localize would make it)."""
    french = Locale.objects.get(language_code="fr")
    translated = page.copy_for_translation(french)
    translated.title = fields.pop("title", "Activité de test " + page.slug.rsplit("-", 1)[-1])
    translated.slug = fields.pop("slug", page.slug + "-fr")
    for name, value in fields.items():
        setattr(translated, name, value)
    return publish(translated)


@pytest.fixture
def make_event(db):
    return create_event


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """The sign-up counter per address lives in the cache, which outlives each test."""
    from django.core.cache import cache

    cache.clear()


def add_registration(event, number, status, **fields):
    """Registration number ``number`` of ``event`` (persoon<number>@example.be) with ``status``."""
    from events.models import Registration

    return Registration.objects.create(
        event=event,
        name=f"Persoon {number}",
        email=f"persoon{number}@example.be",
        organisation="Buurtwerk",
        status=status,
        **fields,
    )
