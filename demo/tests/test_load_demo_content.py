"""The demo loader builds the report's content in both languages and is idempotent."""

import io

import pytest
from django.core.management import call_command
from wagtail.images.models import Image
from wagtail.models import Page, Revision
from wagtail_localize.models import StringTranslation, Translation

from events.models import EventPage
from methods.models import MethodPage
from projects.models import ProjectPage
from taxonomy.vocabularies import VOCABULARIES
from tests.report_tables import REPORT_TABLES


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": Image.objects.count(),
        "translations": Translation.objects.count(),
        "strings": StringTranslation.objects.count(),
        "terms": sum(v.model.objects.count() for v in VOCABULARIES),
        "live": list(Page.objects.live().order_by("pk").values_list("pk", "latest_revision_id")),
    }


@pytest.mark.django_db
def test_second_run_changes_nothing():
    before = snapshot()
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    assert "(0 objects created or changed)" in out.getvalue()
    assert snapshot() == before


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "fr"])
def test_35_live_projects_per_language(language):
    assert ProjectPage.objects.live().filter(locale__language_code=language).count() == 35
    assert MethodPage.objects.live().filter(locale__language_code=language).count() >= 14
    assert EventPage.objects.live().filter(locale__language_code=language).count() >= 12


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "fr"])
@pytest.mark.parametrize(
    "key,row,numbers",
    [(key, row, numbers) for key, rows in REPORT_TABLES.items() for row, numbers in rows.items()],
)
def test_classification_matches_report_tables(language, key, row, numbers, project_slugs, dutch):
    vocabulary = next(v for v in VOCABULARIES if v.key == key)
    expected = {project_slugs[int(n)] for n in numbers.split()}
    dutch_slugs = {}
    for page in ProjectPage.objects.filter(locale__language_code=language).prefetch_related(vocabulary.page_field):
        source = page if language == "nl" else page.get_translation(dutch)
        if row in {term.slug for term in getattr(page, vocabulary.page_field).all()}:
            dutch_slugs[source.slug] = True
    assert set(dutch_slugs) == expected


@pytest.mark.django_db
def test_projects_outside_every_objective_row_stay_unclassified(project_slugs):
    """Fiches 31 and 34 are in neither objective row of the report; fiche 13 is in both."""
    for number, expected in [(31, set()), (34, set()), (13, {"verbinden-met-zorg", "verbinden-met-elkaar"})]:
        page = ProjectPage.objects.get(slug=project_slugs[number], locale__language_code="nl")
        assert {term.slug for term in page.objectives.all()} == expected


@pytest.mark.django_db
def test_french_pages_are_wagtail_localize_translations(french, dutch):
    for page in ProjectPage.objects.filter(locale=dutch):
        translated = page.get_translation(french)
        assert translated.live
        assert Translation.objects.filter(source__object_id=page.translation_key, target_locale=french).exists()
        assert translated.title != "" and translated.intro != page.intro


@pytest.mark.django_db
def test_every_image_has_alt_text_in_both_languages():
    for model in (ProjectPage, MethodPage, EventPage):
        for page in model.objects.all():
            assert page.image is not None
            assert page.image_alt.startswith(("Illustratie", "Illustration"))
