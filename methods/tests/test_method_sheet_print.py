"""Method pages print as a method sheet of one or two A4 pages: no menus or footer, the needs first,
the address of the page at the end. Printed to PDF by Debian's chromium."""

import re

import pytest

from methods.models import MethodPage


def pdf_page_count(pdf):
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.browser
@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "fr"])
def test_every_method_prints_on_one_or_two_pages(browser_page, language):
    page, base = browser_page
    methods = MethodPage.objects.live().filter(locale__language_code=language)
    assert methods.count() >= 19
    for method in methods:
        page.goto(base + method.url)
        page.emulate_media(media="print")
        assert not page.locator(".site-header").is_visible()
        assert not page.locator(".site-footer").is_visible()
        assert page.locator(".print-only").is_visible()
        # The "what you need" box comes before the steps on paper.
        facts_top = page.locator(".facts").bounding_box()["y"]
        steps_top = page.locator(".prose").bounding_box()["y"]
        assert facts_top < steps_top, method.url
        pages = pdf_page_count(page.pdf(format="A4"))
        assert 1 <= pages <= 2, f"{method.url} prints on {pages} pages"
        page.emulate_media(media="screen")
