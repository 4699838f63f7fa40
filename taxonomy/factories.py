"""Vocabulary terms for tests: a Dutch term, and its French translation when asked for."""

import factory
from factory.django import DjangoModelFactory

from common.factories import locale

from .models import ConnectionMethod, CrucialElement, DrivingForce, Focus, Objective, Region, TargetGroup


class TermFactory(DjangoModelFactory):
    """A term in the default (Dutch) locale; ``TermFactory.translate(term)`` makes its French row."""

    name = factory.Sequence(lambda n: f"Term {n}")
    slug = factory.Sequence(lambda n: f"term-{n}")
    description = factory.Faker("sentence", locale="nl_NL")
    locale = factory.LazyFunction(lambda: locale("nl"))

    class Meta:
        abstract = True

    @staticmethod
    def translate(term, language="fr", **fields):
        translated = term.copy_for_translation(locale(language))
        for name, value in fields.items():
            setattr(translated, name, value)
        translated.save()
        return translated


class TargetGroupFactory(TermFactory):
    class Meta:
        model = TargetGroup


class ConnectionMethodFactory(TermFactory):
    class Meta:
        model = ConnectionMethod


class FocusFactory(TermFactory):
    class Meta:
        model = Focus


class ObjectiveFactory(TermFactory):
    class Meta:
        model = Objective


class DrivingForceFactory(TermFactory):
    class Meta:
        model = DrivingForce


class CrucialElementFactory(TermFactory):
    class Meta:
        model = CrucialElement


class RegionFactory(TermFactory):
    class Meta:
        model = Region
