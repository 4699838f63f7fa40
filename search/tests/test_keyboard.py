"""The search with only a keyboard, in a real browser: every stop shows where focus is, a facet is
reached and selected with the keyboard, and the results are reached after it (or at once with the
"skip the filters" link)."""

import re

import pytest
from playwright.sync_api import expect

FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
  return {id: el.id, tag: el.tagName, inResults: !!el.closest('#search-results'),
          cardLink: !!el.closest('.card-title'), text: el.textContent.trim().slice(0, 60), visible};
}"""


def tab_until(page, wanted, limit, backwards=False):
    """Press Tab until wanted(focused) holds; every element on the way must show its focus."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        focused = page.evaluate(FOCUSED)
        assert focused["visible"], f"no visible focus on {focused}"
        if wanted(focused):
            return focused
    raise AssertionError(f"not reached in {limit} presses of Tab")


@pytest.mark.browser
@pytest.mark.django_db
def test_keyboard_only_search_walk(browser_page):
    page, base = browser_page
    page.goto(f"{base}/nl/zoeken/")
    page.wait_for_selector("[data-result-count]")
    assert page.inner_text("[data-result-count]").startswith("66 ")

    # From the top of the page: skip link, header, menu, search box, ... then the first facet.
    first = tab_until(page, lambda f: f["id"] == "f-type-method", limit=30)
    assert first["tag"] == "INPUT"
    page.keyboard.press("Space")
    # (expect() polls from outside the page: the site's CSP forbids the eval of wait_for_function)
    expect(page.locator("[data-result-count]")).to_have_text(re.compile(r"^19 "))
    assert page.locator("#f-type-method").is_checked()
    assert page.evaluate("document.activeElement.id") == "f-type-method"  # focus stayed put
    assert "type=method" in page.url

    # On to the results: the first result's link, past the remaining filters.
    result = tab_until(page, lambda f: f["cardLink"], limit=120)
    assert result["inResults"]
    page.keyboard.press("Enter")
    page.wait_for_url("**/nl/toolbox/**")


@pytest.mark.browser
@pytest.mark.django_db
def test_skip_link_jumps_over_the_filters(browser_page):
    page, base = browser_page
    page.goto(f"{base}/fr/recherche/?type=project")
    page.wait_for_selector("[data-result-count]")
    skip = tab_until(page, lambda f: f["tag"] == "A" and "résultats" in f["text"], limit=30)
    assert skip["text"].startswith("Passer les filtres")
    partial_loads = []  # the script's in-place result loads
    page.on("request", lambda request: "x-search-partial" in request.headers and partial_loads.append(request.url))
    page.keyboard.press("Enter")
    # Following an in-page link moves focus in a task of its own, after the key press returns:
    # poll for it rather than read it at once.
    expect(page.locator("#search-results")).to_be_focused()
    # The next stop is inside the results: the active filter, then the cards.
    nxt = tab_until(page, lambda f: True, limit=1)
    assert nxt["inResults"]
    # Jumping within the page is not a new search: the results are not fetched again (which would
    # replace them under the keyboard user's focus). A missing request can only be awaited.
    page.wait_for_timeout(500)
    assert partial_loads == []
