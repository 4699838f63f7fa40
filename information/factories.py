"""Information pages for tests (accessibility statement, privacy notice, ...)."""

import factory

from common.factories import PublishedPageFactory

from .models import InformationPage


class InformationPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Informatie {n}")
    slug = factory.Sequence(lambda n: f"informatie-{n}")
    intro = factory.Faker("sentence", locale="nl_NL")

    class Meta:
        model = InformationPage
