"""Which vocabularies exist, under which URL/API key, and which page field holds them.

This is the one list that search, the API, the demo loader and the templates share.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import ConnectionMethod, CrucialElement, DrivingForce, Focus, Objective, Region, TargetGroup, Term


@dataclass(frozen=True)
class Vocabulary:
    key: str
    model: type[Term]
    label: Promise
    page_field: str
    many: bool = True


VOCABULARIES = [
    Vocabulary("target_group", TargetGroup, _("Doelgroep"), "target_groups"),
    Vocabulary("connection", ConnectionMethod, _("Verbindingsmethodiek"), "connection_methods"),
    Vocabulary("focus", Focus, _("Focus"), "focus"),
    Vocabulary("objective", Objective, _("Doelstelling"), "objectives"),
    Vocabulary("region", Region, _("Regio"), "region", many=False),
    Vocabulary("driving_force", DrivingForce, _("Drijvende kracht"), "driving_forces"),
    Vocabulary("crucial_element", CrucialElement, _("Cruciaal element"), "crucial_elements"),
]

BY_KEY = {vocabulary.key: vocabulary for vocabulary in VOCABULARIES}


def terms_of(page, vocabulary):
    """The default-locale terms a page carries for one vocabulary (empty if it has no such field)."""
    if not hasattr(page, vocabulary.page_field):
        return []
    value = getattr(page, vocabulary.page_field)
    if vocabulary.many:
        return list(value.all())
    return [value] if value is not None else []
