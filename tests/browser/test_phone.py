"""The site on a phone (390 CSS pixels wide) in Debian's chromium: results within the first
screen, filters in a disclosure with a live "show N results" button, the method's needs and the
event's practical box right after the introduction, and controls large enough to hit
(WCAG 2.2 target size, 2.5.8: at least 24 by 24 CSS pixels)."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import expect

from events.models import EventPage
from methods.models import MethodPage

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
MIN_TARGET = 24


@pytest.fixture
def phone(chromium, site_server, db):
    context = chromium.new_context(locale="nl-BE", viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page, site_server
    context.close()


def url_of(name, language="nl"):
    with translation.override(language):
        return reverse(name)


def live_url(model, language="nl", **filters):
    page = model.objects.live().filter(locale__language_code=language, **filters).order_by("path").first()
    assert page is not None, f"no live {model.__name__} in {language}"
    return page.url


def listing_urls():
    return [url_of("search"), "/nl/projecten/", "/nl/toolbox/", "/nl/agenda/"]


def top(page, selector):
    return page.locator(selector).first.bounding_box()["y"]


@pytest.mark.browser
@pytest.mark.django_db
@pytest.mark.parametrize("url", listing_urls())
def test_count_and_first_results_are_on_the_first_screen(phone, url):
    page, base = phone
    response = page.goto(base + url)
    assert response.status == 200
    count = page.locator("[data-result-count]").bounding_box()
    assert count["y"] + count["height"] <= PHONE["height"], f"{url}: the count starts at {count['y']}px"
    title = page.locator(".result-list > li .card-title").first.bounding_box()
    # At least the first line of the first result's title shows.
    assert title["y"] + 24 <= PHONE["height"], f"{url}: the first title starts at {title['y']}px"
    # The filters wait behind a disclosure that says how many are active.
    assert page.locator("details.filter-panel:not([open])").count() == 1


@pytest.mark.browser
@pytest.mark.django_db
def test_ticking_a_box_updates_the_show_results_button(phone):
    page, base = phone
    page.goto(f"{base}/nl/projecten/?target_group=ouderen")
    # The active filter is a chip above the results, and the disclosure counts it.
    chip = page.locator("[data-results-region] .chips a.chip").first
    expect(chip).to_contain_text("Ouderen")
    assert top(page, "[data-results-region] .chips") < top(page, ".result-list > li")
    expect(page.locator("details.filter-panel summary")).to_contain_text("1")

    page.locator("details.filter-panel summary").click()
    show = page.locator("[data-show-results]")
    expect(show).to_be_visible()
    expect(show).to_have_text(re.compile(r"^Toon 4 resultaten$"))
    page.locator("label[for=f-connection-plek]").click()
    expect(page.locator("[data-result-count]")).to_have_text(re.compile(r"^2 "))
    expect(show).to_have_text(re.compile(r"^Toon 2 resultaten$"))
    expect(page.locator("details.filter-panel summary")).to_contain_text("2")
    # "Filters toepassen" is not needed while the script applies each change at once.
    expect(page.locator("[data-apply-filters]")).to_be_hidden()

    show.click()
    expect(page.locator("details.filter-panel")).not_to_have_attribute("open", "")
    assert page.evaluate("document.activeElement.id") == "search-results"
    assert top(page, "[data-result-count]") < PHONE["height"]


@pytest.mark.browser
@pytest.mark.django_db
def test_show_results_button_speaks_french(chromium, site_server, db):
    context = chromium.new_context(locale="fr-BE", viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(f"{site_server}/fr/projets/?target_group=ouderen")
        page.locator("details.filter-panel summary").click()
        expect(page.locator("[data-show-results]")).to_have_text(re.compile(r"^Afficher 4 résultats$"))
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.django_db
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_apply_button_only_without_javascript(chromium, site_server, db, viewport):
    scripted = chromium.new_context(viewport=viewport)
    plain = chromium.new_context(viewport=viewport, java_script_enabled=False)
    try:
        page = scripted.new_page()
        page.goto(site_server + url_of("search"))
        page.wait_for_selector("form[data-enhanced]", state="attached")
        expect(page.locator("[data-apply-filters]")).to_be_hidden()

        page = plain.new_page()
        page.goto(site_server + url_of("search"))
        if viewport is PHONE:
            page.locator("details.filter-panel summary").click()
        expect(page.locator("[data-apply-filters]")).to_be_visible()
        expect(page.locator("[data-show-results]")).to_be_hidden()  # its count could not follow
        page.check("#f-type-method")
        page.click("[data-apply-filters]")
        page.wait_for_url("**/nl/zoeken/?**")
        assert page.inner_text("[data-result-count]").startswith("19 ")
        expect(page.locator("[data-results-region] a.chip").first).to_be_visible()
    finally:
        scripted.close()
        plain.close()


@pytest.mark.browser
@pytest.mark.django_db
def test_filters_stay_beside_the_results_on_a_desktop(chromium, site_server, db):
    context = chromium.new_context(viewport=DESKTOP)
    page = context.new_page()
    try:
        page.goto(f"{site_server}/nl/projecten/")
        facets = page.locator("[data-facets]").bounding_box()
        results = page.locator("[data-results-region]").bounding_box()
        assert facets["x"] + facets["width"] <= results["x"]
        assert abs(facets["y"] - results["y"]) < 50
        expect(page.locator("#f-target_group-ouderen")).to_be_visible()
        expect(page.locator("details.filter-panel summary")).to_be_hidden()
        expect(page.locator("[data-show-results]")).to_be_hidden()
    finally:
        context.close()


def precedes(page, first, second):
    """True when ``first`` comes before ``second`` in the document (the reading order)."""
    return page.evaluate(
        "([a, b]) => !!(document.querySelector(a).compareDocumentPosition(document.querySelector(b))"
        " & Node.DOCUMENT_POSITION_FOLLOWING)",
        [first, second],
    )


@pytest.mark.browser
@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "fr"])
def test_method_needs_come_right_after_the_introduction(phone, language):
    page, base = phone
    page.goto(base + live_url(MethodPage, language, steps__isnull=False))
    assert precedes(page, "#needs-heading", ".steps")
    assert top(page, "#needs-heading") < top(page, ".steps")
    assert top(page, ".lead") < top(page, "#needs-heading")


@pytest.mark.browser
@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "fr"])
def test_event_practical_box_comes_right_after_the_introduction(phone, language):
    page, base = phone
    page.goto(base + live_url(EventPage, language, registration_form=True, start__gte=timezone.now()))
    assert precedes(page, "#practical-heading", ".detail-grid .prose")
    assert precedes(page, ".event-calendar", "#inschrijven")
    assert top(page, "#practical-heading") < top(page, ".detail-grid .prose")
    assert top(page, ".event-calendar") < top(page, "#inschrijven")


SMALL_TARGETS = """(minimum) => {
  const selector = "input:not([type=hidden]), button, select, textarea, summary, a.button, a.chip, .pagination a";
  const small = [];
  for (const element of document.querySelectorAll(selector)) {
    if (element.closest("[aria-hidden=true], .honeypot")) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;  // not rendered
    if (box.right <= 0) continue;  // a skip link waiting off-screen for focus
    if (box.width < minimum || box.height < minimum) {
      const name = element.id || element.name || element.textContent.trim().slice(0, 20);
      small.push(`${element.tagName.toLowerCase()} ${name}: ${Math.round(box.width)}x${Math.round(box.height)}`);
    }
  }
  return small;
}"""


def small_targets(page):
    return page.evaluate(SMALL_TARGETS, MIN_TARGET)


@pytest.mark.browser
@pytest.mark.django_db
def test_every_control_is_at_least_24_pixels(phone):
    page, base = phone
    urls = [
        url_of("submissions:submit"),
        url_of("search") + "?type=project&target_group=ouderen",
        live_url(EventPage, "nl", registration_form=True, start__gte=timezone.now()),
    ]
    for url in urls:
        page.goto(base + url)
        details = page.locator("details.filter-panel")
        if details.count():
            page.locator("details.filter-panel summary").click()
        assert small_targets(page) == [], url
