"""Event pages and the agenda for tests."""

from datetime import timedelta

import factory
from django.utils import timezone

from common.factories import PublishedPageFactory, many

from .models import EventIndexPage, EventPage


class EventIndexPageFactory(PublishedPageFactory):
    title = "Agenda"
    slug = factory.Sequence(lambda n: f"agenda-{n}")

    class Meta:
        model = EventIndexPage


class EventPageFactory(PublishedPageFactory):
    """A published on-site event a few weeks ahead (``start``/``end`` to place it elsewhere)."""

    title = factory.Sequence(lambda n: f"Activiteit {n}")
    slug = factory.Sequence(lambda n: f"activiteit-{n}")
    intro = factory.Faker("sentence", locale="nl_NL")
    start = factory.LazyFunction(lambda: timezone.now().replace(microsecond=0) + timedelta(days=21))
    end = factory.LazyAttribute(lambda event: event.start + timedelta(hours=2))
    venue_name = factory.Faker("company", locale="nl_BE")
    address = factory.Faker("address", locale="nl_BE")
    organiser = factory.Faker("company", locale="nl_BE")

    target_groups = many("target_groups")
    focus = many("focus")
    connection_methods = many("connection_methods")

    class Meta:
        model = EventPage
