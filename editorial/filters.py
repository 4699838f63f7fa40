"""Admin listing filters: the shared vocabulary, the region and the French translation status."""

import django_filters
from django.core.exceptions import FieldDoesNotExist
from django.forms import CheckboxSelectMultiple, RadioSelect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.pages.listing import PageFilterSet

from common.locales import in_default_locale
from search.registry import VocabularyFacet, kind_for_model
from taxonomy.forms import LocalizedTermField
from taxonomy.vocabularies import VOCABULARIES

from .translation_status import STATUS_CHOICES, pks_with_status


class TermFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = LocalizedTermField


class TranslationStatusFilter(django_filters.ChoiceFilter):
    """Keeps the Dutch pages whose French version has the chosen status."""

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(pk__in=pks_with_status(qs, value))


def _has_field(model, name):
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def _terms(model):
    return lambda request: model.objects.filter(in_default_locale())


def vocabularies_of(model):
    """The vocabularies a page type is filtered on: those its search kind declares as facets (see
    search.registry), else every vocabulary it carries."""
    kind = kind_for_model(model)
    if kind is not None:
        return [facet.vocabulary for facet in kind.facets if isinstance(facet, VocabularyFacet)]
    return [vocabulary for vocabulary in VOCABULARIES if _has_field(model, vocabulary.page_field)]


def filterset_for(model):
    """Wagtail's page filters plus one filter per vocabulary the model carries and the status."""
    attrs = {
        vocabulary.key: TermFilter(
            label=vocabulary.label,
            field_name=vocabulary.page_field,
            queryset=_terms(vocabulary.model),
            widget=CheckboxSelectMultiple,
            distinct=True,
        )
        for vocabulary in vocabularies_of(model)
    }
    attrs["translation_status"] = TranslationStatusFilter(
        label=_("Franse vertaling"),
        choices=STATUS_CHOICES,
        empty_label=_("Alle"),
        widget=RadioSelect,
    )
    attrs["Meta"] = type("Meta", (), {"model": model, "fields": []})
    return type(f"{model.__name__}FilterSet", (PageFilterSet,), attrs)
