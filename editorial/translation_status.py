"""Is the French version of a Dutch page missing, stale or current?

- *missing*: the live Dutch page has no French page at all;
- *stale*: the Dutch page was published after its translation source was last synced, or what the
  source holds differs from the live Dutch page in a field wagtail-localize translates or copies,
  or a synced segment has no French translation yet, or the French page was not published again
  since the sync or since the last segment was translated (a sync alone changes only the source:
  the live French page keeps its old text until someone translates and publishes);
- *current*: otherwise.

Only live pages of the source language count: a draft has nothing to translate yet. The
comparison looks at translatable and synchronised fields only, so bookkeeping (child count,
revision ids) never makes a page look stale.
"""

import json
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Exists, F, Max, OuterRef
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import get_all_child_relations
from wagtail.models import Locale, Page
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

MISSING = "missing"
STALE = "stale"
CURRENT = "current"

STATUS_LABELS = {
    MISSING: _("Ontbreekt"),
    STALE: _("Verouderd"),
    CURRENT: _("Bijgewerkt"),
}
STATUS_CHOICES = list(STATUS_LABELS.items())

REASON_NO_PAGE = _("Er is nog geen Franse pagina.")
REASON_PUBLISHED_AFTER_SYNC = _("De Nederlandse pagina is gepubliceerd na de laatste synchronisatie.")
REASON_CONTENT_CHANGED = _("De inhoud verschilt van wat de vertaling laatst overnam.")
REASON_UNTRANSLATED = _("Een gewijzigde tekst is nog niet in het Frans vertaald.")
REASON_NOT_REPUBLISHED = _("De Franse pagina is niet opnieuw gepubliceerd sinds de synchronisatie of de vertaling.")
REASON_NOT_SYNCED = _("De Franse pagina is niet met wagtail-localize gemaakt en kan niet worden gesynchroniseerd.")


@dataclass(frozen=True)
class TranslationState:
    status: str
    reason: str = ""
    translation: Page | None = None
    source: TranslationSource | None = None

    @property
    def label(self):
        return STATUS_LABELS[self.status]


def target_locale():
    """The one translation language of this site (French)."""
    return Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code").first()


def _translatable_content(content, model):
    names = [field.field_name for field in get_translatable_fields(model)]
    return {name: content.get(name) for name in names}


def source_differs(page, source):
    """Whether the translation source no longer holds what the live page says."""
    page = page.specific
    live = _translatable_content(json.loads(page.to_json()), type(page))
    stored = _translatable_content(json.loads(source.content_json), type(page))
    return live != stored


def untranslated_sources(source_ids, locale):
    """Ids of the sources with at least one text segment not (correctly) translated into ``locale``."""
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"), context_id=OuterRef("context_id"), locale=locale, has_error=False
    )
    segments = StringSegment.objects.filter(source_id__in=source_ids).exclude(Exists(translated))
    return set(segments.values_list("source_id", flat=True).distinct())


def last_translated(source_ids, locale):
    """{source id: when a segment of it was last translated into ``locale``}."""
    rows = (
        StringTranslation.objects.filter(
            locale=locale,
            translation_of__segments__source_id__in=source_ids,
            context_id=F("translation_of__segments__context_id"),
        )
        .values("translation_of__segments__source_id")
        .annotate(latest=Max("updated_at"))
    )
    return {row["translation_of__segments__source_id"]: row["latest"] for row in rows}


def published_since(translation, source, translated_at):
    """Whether the live French page was published after the last sync and the last translated segment."""
    published = translation.last_published_at
    if not translation.live or published is None:
        return False
    return published >= source.last_updated_at and (translated_at is None or published >= translated_at)


def _with_relations(pks_by_model):
    """Specific pages with what ``to_json`` reads (many-to-many, child objects) fetched up front."""
    pages = {}
    for model, pks in pks_by_model.items():
        relations = [field.name for field in model._meta.get_fields() if isinstance(field, ParentalManyToManyField)]
        relations += [relation.get_accessor_name() for relation in get_all_child_relations(model)]
        pages.update((page.pk, page) for page in model.objects.filter(pk__in=pks).prefetch_related(*relations))
    return pages


def translation_states(pages, locale=None):
    """{page pk: TranslationState} for source-language pages; other pages are left out."""
    locale = locale or target_locale()
    default = Locale.get_default()
    pages = [page for page in pages if page.locale_id == default.pk]
    if locale is None or not pages:
        return {}
    keys = [page.translation_key for page in pages]
    translations = {
        page.translation_key: page
        for page in Page.objects.filter(translation_key__in=keys, locale=locale).select_related("locale")
    }
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(object_id__in=keys, locale=default).select_related("locale")
    }
    states, to_compare = {}, defaultdict(list)
    for page in pages:
        translation = translations.get(page.translation_key)
        source = sources.get(page.translation_key)
        if translation is None:
            states[page.pk] = TranslationState(MISSING, REASON_NO_PAGE, source=source)
        elif source is None:
            states[page.pk] = TranslationState(STALE, REASON_NOT_SYNCED, translation)
        elif page.last_published_at and page.last_published_at > source.last_updated_at:
            states[page.pk] = TranslationState(STALE, REASON_PUBLISHED_AFTER_SYNC, translation, source)
        else:
            to_compare[page.specific_class].append(page.pk)
    compared = _with_relations(to_compare)
    source_ids = [sources[page.translation_key].pk for page in compared.values()]
    untranslated = untranslated_sources(source_ids, locale) if source_ids else set()
    translated_at = last_translated(source_ids, locale) if source_ids else {}
    for pk, page in compared.items():
        translation, source = translations[page.translation_key], sources[page.translation_key]
        if source_differs(page, source):
            states[pk] = TranslationState(STALE, REASON_CONTENT_CHANGED, translation, source)
        elif source.pk in untranslated:
            states[pk] = TranslationState(STALE, REASON_UNTRANSLATED, translation, source)
        elif not published_since(translation, source, translated_at.get(source.pk)):
            states[pk] = TranslationState(STALE, REASON_NOT_REPUBLISHED, translation, source)
        else:
            states[pk] = TranslationState(CURRENT, "", translation, source)
    return states


def source_pages(queryset=None):
    """Live pages of the source language below the tree root: the ones that need a translation."""
    queryset = Page.objects.all() if queryset is None else queryset
    return queryset.filter(locale=Locale.get_default(), depth__gt=1).live()


def pks_with_status(queryset, status, locale=None):
    """Primary keys of the live source-language pages in ``queryset`` that have ``status``."""
    pages = source_pages(Page.objects.filter(pk__in=queryset.values("pk"))).specific()
    return [pk for pk, state in translation_states(pages, locale).items() if state.status == status]
