"""Project pages and the project index for tests."""

import factory

from common.factories import PublishedPageFactory, many

from .models import ProjectIndexPage, ProjectPage


class ProjectIndexPageFactory(PublishedPageFactory):
    title = "Projecten"
    slug = factory.Sequence(lambda n: f"projecten-{n}")

    class Meta:
        model = ProjectIndexPage


class ProjectPageFactory(PublishedPageFactory):
    """A published project; pass terms as lists: ``target_groups=[term]``, ``region=term``."""

    title = factory.Sequence(lambda n: f"Project {n}")
    slug = factory.Sequence(lambda n: f"project-{n}")
    intro = factory.Faker("sentence", locale="nl_NL")
    initiator = factory.Faker("company", locale="nl_BE")
    municipality = factory.Faker("city", locale="nl_BE")
    postcode = factory.Sequence(lambda n: f"{1000 + n % 9000}")

    objectives = many("objectives")
    target_groups = many("target_groups")
    connection_methods = many("connection_methods")
    driving_forces = many("driving_forces")
    focus = many("focus")
    crucial_elements = many("crucial_elements")
    methods = many("methods")

    class Meta:
        model = ProjectPage
