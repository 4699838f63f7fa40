"""Home pages for tests: the root of a language tree."""

import factory

from common.factories import PublishedPageFactory

from .models import HomePage


class HomePageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Startpagina {n}")
    slug = factory.Sequence(lambda n: f"home-{n}")
    intro = factory.Faker("paragraph", locale="nl_NL")

    class Meta:
        model = HomePage
