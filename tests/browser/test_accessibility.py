"""WCAG 2.1 A/AA checks with axe-core on every page type, in both languages, in Debian's chromium,
on a phone (390 px wide) and a desktop (1280 px): every test that uses ``tab`` runs at both widths.

axe-core comes from the ``axe-playwright-python`` package (its bundled ``axe.min.js``): nothing is
downloaded while the tests run. A test fails listing every violation with the elements involved.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page

from events.models import EventIndexPage, EventPage
from home.models import HomePage
from methods.models import MethodIndexPage, MethodPage
from projects.models import ProjectIndexPage, ProjectPage

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# axe's best practices too: headings in order, one main landmark, all content inside landmarks.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": [*WCAG_21_AA, "best-practice"]}, "resultTypes": ["violations"]}
LANGUAGES = ["nl", "fr"]
VIEWPORTS = {"390": {"width": 390, "height": 844}, "1280": {"width": 1280, "height": 900}}


def axe_violations(page):
    """axe's WCAG 2.1 A/AA violations of the loaded page, as readable lines (empty when none)."""
    results = Axe().run(page, options=AXE_OPTIONS)
    lines = []
    for violation in results.response["violations"]:
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} — {targets}")
    return lines


def assert_accessible(page, url):
    violations = axe_violations(page)
    assert not violations, f"{url}:\n" + "\n".join(violations)


@pytest.fixture(params=list(VIEWPORTS), ids=lambda width: f"{width}px")
def tab(request, chromium, site_server, db):
    context = chromium.new_context(locale="nl-BE", viewport=VIEWPORTS[request.param])
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page, site_server
    context.close()


def live_url(model, language, **filters):
    page = model.objects.live().filter(locale__language_code=language, **filters).order_by("path").first()
    assert page is not None, f"no live {model.__name__} in {language}"
    return page.url


def page_type_urls(language):
    """One URL per page type of a language (home, detail pages, index pages)."""
    return {
        "home": live_url(HomePage, language),
        "project": live_url(ProjectPage, language),
        "method": live_url(MethodPage, language),
        "event": live_url(EventPage, language, registration_form=True, start__gte=timezone.now()),
        "project index": live_url(ProjectIndexPage, language),
        "method index": live_url(MethodIndexPage, language),
        "event index": live_url(EventIndexPage, language),
    }


def information_urls(language):
    from information.models import InformationPage

    return [page.url for page in InformationPage.objects.live().filter(locale__language_code=language)]


def url_of(name, language):
    with translation.override(language):
        return reverse(name)


@pytest.mark.browser
@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_passes_axe(tab, language):
    page, base = tab
    urls = list(page_type_urls(language).values()) + information_urls(language)
    assert len(urls) >= 9  # the seven page types and the two information pages
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for url in urls:
        response = page.goto(base + url)
        assert response.status == 200, url
        assert_accessible(page, url)
    # Fonts, scripts, styles and images all come from the site itself.
    assert requested and all(url.startswith(base + "/") for url in requested), sorted(set(requested))


@pytest.mark.browser
@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_search_with_filters_and_without_results_passes_axe(tab, language):
    page, base = tab
    search = url_of("search", language)
    with_filters = f"{search}?type=project&target_group=ouderen&connection=plek"
    page.goto(base + with_filters)
    assert page.locator("#f-target_group-ouderen").is_checked()
    assert_accessible(page, with_filters)

    nothing = f"{search}?q=zzzxqqv"
    page.goto(base + nothing)
    assert page.locator(".no-results").count() == 1
    assert_accessible(page, nothing)


@pytest.mark.browser
@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_submission_form_with_errors_passes_axe(tab, language):
    page, base = tab
    url = url_of("submissions:submit", language)
    page.goto(base + url)
    assert_accessible(page, url)
    # Send it incomplete, past the browser's own checks, to get the server's error summary.
    page.fill("#id_contact_email", "not-an-address")
    page.evaluate("document.querySelector('form.submission-form').noValidate = true")
    page.click("form.submission-form button[type=submit]")
    page.wait_for_selector("#form-errors")
    assert page.locator(".field-error").count() >= 2
    assert_accessible(page, url + " (with errors)")


@pytest.mark.browser
@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_event_registration_with_errors_passes_axe(tab, language):
    page, base = tab
    url = live_url(EventPage, language, registration_form=True, start__gte=timezone.now())
    page.goto(base + url)
    page.fill("input[name=email]", "not-an-address")
    page.click(".registration-form button[type=submit]")
    page.wait_for_selector(".registration .form-errors li")
    # The summary links each problem to its field.
    first = page.locator(".registration .form-errors li a").first.get_attribute("href")
    assert page.locator(first).count() == 1
    assert_accessible(page, url + " (registration with errors)")


@pytest.mark.browser
@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_not_found_page_passes_axe(tab, language):
    page, base = tab
    url = f"/{language}/bestaat-niet-{language}/"
    response = page.goto(base + url)
    assert response.status == 404
    assert page.locator("nav.main-nav a").count() >= 3  # the site's navigation is there
    assert_accessible(page, url)


@pytest.mark.browser
@pytest.mark.django_db
def test_axe_reports_a_real_violation(tab):
    """The harness itself: an image without alternative text must be reported."""
    page, base = tab
    page.goto(base + Page.objects.get(depth=2, locale__language_code="nl").url)
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/static/none.png\">')")
    assert any(line.startswith("image-alt") for line in axe_violations(page))


@pytest.mark.browser
@pytest.mark.django_db
@pytest.mark.parametrize("width", [320, 640])
def test_pages_reflow_without_horizontal_scrolling(chromium, site_server, width):
    """WCAG 1.4.10: 320 CSS pixels wide (a 1280 px screen at 400% zoom, or a small phone)."""
    context = chromium.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        urls = [
            *page_type_urls("nl").values(),
            *page_type_urls("fr").values(),
            *information_urls("nl"),
            url_of("search", "fr") + "?type=project&target_group=ouderen",
            url_of("submissions:submit", "fr"),
        ]
        for url in urls:
            page.goto(site_server + url)
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{url} scrolls sideways by {overflow}px at {width}px"
    finally:
        context.close()
