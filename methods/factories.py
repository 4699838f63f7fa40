"""Method pages (the toolbox) and their index for tests."""

import factory

from common.factories import PublishedPageFactory, many

from .models import MethodIndexPage, MethodPage


class MethodIndexPageFactory(PublishedPageFactory):
    title = "Toolbox"
    slug = factory.Sequence(lambda n: f"toolbox-{n}")

    class Meta:
        model = MethodIndexPage


class MethodPageFactory(PublishedPageFactory):
    """A published method with one step; pass ``steps=[("step", {...})]`` for others."""

    title = factory.Sequence(lambda n: f"Werkvorm {n}")
    slug = factory.Sequence(lambda n: f"werkvorm-{n}")
    intro = factory.Faker("sentence", locale="nl_NL")
    aim = factory.Faker("sentence", locale="nl_NL")
    people = factory.Faker("sentence", nb_words=5, locale="nl_NL")
    time_needed = factory.Faker("sentence", nb_words=4, locale="nl_NL")

    target_groups = many("target_groups")
    connection_methods = many("connection_methods")
    focus = many("focus")

    class Meta:
        model = MethodPage
