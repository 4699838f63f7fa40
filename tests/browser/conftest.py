"""Playwright with Debian's chromium against the session's ``site_server`` (root conftest).

Tests whose browser writes (log in as a user the test makes, save pages in the admin) use
``committed_db``: their rows are committed so the server thread sees them. pytest-django runs
such tests last, so the emptying that follows cannot take the demo content from other tests.

The browser is found at $CHROMIUM_PATH, /usr/bin/chromium or on PATH. Without one the tests are
skipped, unless ZB_REQUIRE_BROWSER=1 (as in CI) makes that a failure. Select them with
``pytest -m browser``.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.db import connections


def chromium_path():
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def _unavailable(reason):
    if os.environ.get("ZB_REQUIRE_BROWSER") == "1":
        pytest.fail(f"Browser tests must run here: {reason}")
    pytest.skip(reason)


@pytest.fixture
def chromium_tab(request, django_db_setup):
    """A fresh, Dutch-speaking tab of the session's chromium (the root conftest's ``chromium``).

    One Playwright per session: its sync API cannot be started twice in one process.
    """
    if chromium_path() is None:
        _unavailable("chromium not found (apt-get install chromium, or set CHROMIUM_PATH)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _unavailable("the playwright package is not installed")
    # Playwright's sync API keeps an event loop running for the rest of the session; the ORM
    # calls of this and later tests are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    browser = request.getfixturevalue("chromium")
    context = browser.new_context(locale="nl-BE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        yield page
    finally:
        context.close()
        # While Playwright's loop runs, the test's queries get a connection of their own; close
        # it, or PostgreSQL refuses to drop the test database at the end of the session.
        connections.close_all()


def log_in(page, base_url, username, password):
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("form button[type=submit]")
    page.wait_for_load_state()
    if "/admin/two-factor/" in page.url:
        _second_step(page, username)
    page.wait_for_url(f"{base_url}/admin/")


def _second_step(page, username):
    """Eindredactie and administrators: set up an app (or use it), typing its current code."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from two_factor.testing import current_code

    setting_up = "/setup/" in page.url
    device = TOTPDevice.objects.filter(user__username=username, confirmed=not setting_up).latest("pk")
    page.fill("input[name=code]", current_code(device))
    page.click("form button[type=submit]")
    if setting_up:  # the backup codes, shown once
        page.click("a.button")


@pytest.fixture
def committed_db(transactional_db):
    """Database access without a wrapping transaction, for tests whose browser writes through
    the session's ``site_server`` (another connection, which only sees committed rows).

    pytest-django runs transactional tests after all others and empties the database after
    each, so the demo content is there for every other test; such a test cleans up anyway.
    """
    yield
