"""Makes the screenshots of docs/redacteurshandleiding.md from the demo site (opt-in).

    ZB_SCREENSHOTS=1 .venv/bin/pytest tests/browser/make_guide_screenshots.py

(Named so that the normal test run does not collect it: it makes documentation, it tests nothing.)

Skipped otherwise: it writes files into docs/img/ instead of checking behaviour.
"""

import os
from pathlib import Path

import pytest
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from editorial.roles import EINDREDACTIE, REDACTEUR, VERTALER
from editorial.testing import PASSWORD, make_role_user
from projects.models import ProjectIndexPage, ProjectPage

from .conftest import log_in

IMG = Path(__file__).resolve().parents[2] / "docs" / "img"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(os.environ.get("ZB_SCREENSHOTS") != "1", reason="set ZB_SCREENSHOTS=1 to remake them"),
]


def shot(page, name, locator=None):
    page.wait_for_load_state("networkidle")
    target = page.locator(locator).first if locator else page
    target.screenshot(path=str(IMG / f"{name}.png"), animations="disabled")


def new_tab(chromium_tab):
    context = chromium_tab.context.browser.new_context(locale="nl-BE", viewport={"width": 1280, "height": 860})
    page = context.new_page()
    page.set_default_timeout(30_000)
    return page


def test_make_guide_screenshots(chromium_tab, site_server, committed_db):
    IMG.mkdir(parents=True, exist_ok=True)
    base = site_server
    index = ProjectIndexPage.objects.get(locale__language_code="nl")

    # Redacteur -------------------------------------------------------------------------------
    page = chromium_tab
    page.set_viewport_size({"width": 1280, "height": 860})
    redacteur = make_role_user(REDACTEUR, "an.redacteur")
    log_in(page, base, redacteur.username, PASSWORD)
    shot(page, "dashboard")

    page.goto(f"{base}/admin/pages/{index.pk}/")
    shot(page, "projecten-verkenner")

    page.goto(f"{base}/admin/pages/{index.pk}/add_subpage/")
    page.fill("#id_title", "Samen tuinieren in Genk")
    page.fill("#id_intro", "Buren onderhouden samen een moestuin en delen de oogst met wie alleen woont.")
    page.fill("#id_initiator", "Buurtwerk Genk")
    page.fill("#id_postcode", "3600")
    page.fill("#id_municipality", "Genk")
    shot(page, "project-aanmaken")
    footer = page.locator("footer")
    footer.locator("[data-w-dropdown-target=toggle]").last.click()
    footer.locator("button[name=action-submit]").wait_for(state="visible")
    shot(page, "ter-goedkeuring-indienen")
    with page.expect_navigation():
        footer.locator("button[name=action-submit]").click()
    shot(page, "ingediend")

    # Eindredactie ----------------------------------------------------------------------------
    chief_page = new_tab(page)
    chief = make_role_user(EINDREDACTIE, "els.eindredactie")
    log_in(chief_page, base, chief.username, PASSWORD)
    shot(chief_page, "eindredactie-dashboard")
    submitted = ProjectPage.objects.get(title="Samen tuinieren in Genk")
    chief_page.goto(f"{base}/admin/pages/{submitted.pk}/edit/")
    chief_page.locator("footer [data-w-dropdown-target=toggle]").last.click()
    chief_page.wait_for_timeout(300)
    shot(chief_page, "nazien-goedkeuren-afkeuren")
    chief_page.locator("footer button[data-workflow-action-name=reject]").first.click()
    chief_page.wait_for_selector("textarea[name=comment]")
    chief_page.fill("textarea[name=comment]", "Vermeld ook wie de tuin trekt en hoe buren kunnen aansluiten.")
    shot(chief_page, "afkeuren-met-opmerking", "[role=dialog]:visible")

    chief_page.goto(f"{base}/admin/projectenlijst/?locale=nl&region=&translation_status=")
    chief_page.locator("#filters-drilldown [data-w-dropdown-target=toggle]").click()
    chief_page.locator("#filters-drilldown button[aria-controls='drilldown-id_target_group']").click()
    chief_page.wait_for_timeout(400)
    shot(chief_page, "overzicht-filters")

    # A translation out of date, for the report and the translator.
    stale = ProjectPage.objects.filter(locale__language_code="nl").live().order_by("path").first()
    stale.intro = stale.intro + " Sinds dit jaar doen ook de scholen mee."
    stale.save_revision(user=chief).publish(user=chief)
    chief_page.goto(f"{base}/admin/vertalingen/")
    shot(chief_page, "vertalingen-rapport")

    chief_page.goto(f"{base}/admin/pages/{stale.pk}/edit/")
    chief_page.locator("button[data-side-panel-toggle=status]").click()
    chief_page.get_by_role("button", name="Stel schema in").click()
    chief_page.wait_for_selector("[id$=go_live_at]")
    chief_page.wait_for_timeout(400)
    shot(chief_page, "publicatie-plannen")

    chief_page.goto(f"{base}/admin/pages/{stale.pk}/history/")
    shot(chief_page, "geschiedenis")

    chief_page.goto(f"{base}/admin/snippets/taxonomy/targetgroup/")
    shot(chief_page, "woordenlijst")

    # Vertaler --------------------------------------------------------------------------------
    translator_page = new_tab(page)
    translator = make_role_user(VERTALER, "lea.vertaler")
    log_in(translator_page, base, translator.username, PASSWORD)
    source = TranslationSource.objects.get(object_id=stale.translation_key, locale=stale.locale)
    translator_page.goto(f"{base}/admin/localize/update/{source.pk}/")
    shot(translator_page, "synchroniseren")
    with translator_page.expect_navigation():
        translator_page.locator("form button[type=submit], form input[type=submit]").last.click()
    french = stale.get_translation(Locale.objects.get(language_code="fr"))
    translator_page.goto(f"{base}/admin/pages/{french.pk}/edit/")
    translator_page.wait_for_timeout(1500)
    shot(translator_page, "vertaaleditor")

    # The public form ------------------------------------------------------------------------------
    public = new_tab(page)
    public.goto(f"{base}/nl/project-aanmelden/")
    shot(public, "aanmeldformulier")
