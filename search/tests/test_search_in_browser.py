"""The enhanced search in a real browser (Debian's chromium driven by Playwright): results
update in place, the URL follows, focus stays on the checkbox, the count is announced, and the
back button restores the previous state."""

import re

import pytest
from playwright.sync_api import expect


def wait_for_count(page, number):
    """Wait for the announced result count (Playwright's own polling: the page's strict
    Content-Security-Policy forbids the string evaluation ``wait_for_function`` would do)."""
    expect(page.locator("[data-result-count]")).to_have_text(re.compile(rf"^{number} "))


@pytest.mark.browser
@pytest.mark.django_db
def test_filters_update_in_place_and_keep_focus(browser_page):
    page, base = browser_page
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    page.goto(f"{base}/nl/projecten/")
    page.wait_for_selector("[data-result-count]")
    assert page.inner_text("[data-result-count]").startswith("35 ")
    page.evaluate("window.__notReloaded = true")

    checkbox = page.locator("#f-target_group-ouderen")
    checkbox.focus()
    page.keyboard.press("Space")
    wait_for_count(page, 4)

    assert page.evaluate("window.__notReloaded") is True  # no full page load
    assert page.url.endswith("/nl/projecten/?target_group=ouderen")
    assert page.evaluate("document.activeElement.id") == "f-target_group-ouderen"
    assert page.locator("#f-target_group-ouderen").is_checked()
    assert page.get_attribute("[data-result-count]", "aria-live") == "polite"
    # Counts of the other facets follow: only options that still give results stay enabled.
    assert page.locator("#f-connection-figuur").is_disabled()

    page.go_back()
    wait_for_count(page, 35)
    assert page.url.endswith("/nl/projecten/")
    assert not page.locator("#f-target_group-ouderen").is_checked()
    assert violations == []  # the enhancement runs under the site's strict policy


@pytest.mark.browser
@pytest.mark.django_db
def test_chip_removes_a_filter_in_place(browser_page):
    page, base = browser_page
    page.goto(f"{base}/fr/projets/?target_group=ouderen&connection=plek")
    assert page.inner_text("[data-result-count]").startswith("2 ")
    page.evaluate("window.__notReloaded = true")
    page.get_by_role("link", name="Effacer tous les filtres").click()
    wait_for_count(page, 35)
    assert page.evaluate("window.__notReloaded") is True
    assert page.url.endswith("/fr/projets/")


@pytest.mark.browser
@pytest.mark.django_db
def test_works_without_javascript(chromium, site_server):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_server}/nl/zoeken/")
    page.check("#f-type-method")
    page.click("[data-apply-filters]")
    page.wait_for_url("**/nl/zoeken/?**")
    assert "type=method" in page.url
    assert page.inner_text("[data-result-count]").startswith("19 ")
    context.close()
