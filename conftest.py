"""Shared fixtures: a test either builds the pages it needs, or reads the full demo content.

A test that asks for ``bilingual_site`` gets a database without the demo: both languages, their
home pages and the three index pages, built with the apps' factories (``<app>/factories.py``);
it then makes exactly the pages it depends on. Every other database test reads the demo content:
the demo loader (the same command a newcomer runs) runs once per session, the first time such a
test comes up. The tests that build their own pages therefore run first. Every test works inside
its own transaction, rolled back afterwards.
"""

import json
import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connections
from django.utils import translation
from wagtail.models import Locale, Page

DEMO_DATA = Path(__file__).resolve().parent / "demo" / "data"


DATABASE_FIXTURES = {"db", "transactional_db", "django_db_setup"}


@pytest.fixture(scope="session")
def demo_content(django_db_setup, django_db_blocker):
    """The demo site in the test database, loaded once for the session."""
    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0)


def builds_its_own_site(item):
    return "bilingual_site" in getattr(item, "fixturenames", ())


def reads_the_database(item):
    return item.get_closest_marker("django_db") is not None or bool(
        DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
    )


def pytest_collection_modifyitems(config, items):
    """Tests that build their own site run first, on a database without the demo; every other
    database test gets the demo (set up before the test's transaction starts, so it stays)."""
    for item in items:
        if reads_the_database(item) and not builds_its_own_site(item) and "demo_content" not in item.fixturenames:
            item.fixturenames.insert(0, "demo_content")
    items[:] = [item for item in items if builds_its_own_site(item)] + [
        item for item in items if not builds_its_own_site(item)
    ]


@pytest.fixture
def bilingual_site(db):
    """Dutch and French home pages (the Dutch one is the site root the migrations make) and the
    project, method and event index pages in both languages; no other content."""
    from common.factories import translate
    from events.factories import EventIndexPageFactory
    from home.models import HomePage
    from methods.factories import MethodIndexPageFactory
    from projects.factories import ProjectIndexPageFactory

    assert not Page.objects.filter(depth=3).exists(), "bilingual_site needs a database without the demo content"
    home = HomePage.objects.get(depth=2, locale__language_code="nl")
    french_home = translate(home, title="Quartiers solidaires", slug="accueil")
    sections = {}
    for key, factory, nl, fr in [
        ("projects", ProjectIndexPageFactory, ("Projecten", "projecten"), ("Projets", "projets")),
        ("methods", MethodIndexPageFactory, ("Toolbox", "toolbox"), ("Boîte à outils", "boite-a-outils")),
        ("events", EventIndexPageFactory, ("Agenda", "agenda"), ("Agenda", "agenda")),
    ]:
        index = factory(parent=home, title=nl[0], slug=nl[1])
        sections[key] = {"nl": index, "fr": translate(index, title=fr[0], slug=fr[1])}
    return SimpleNamespace(home={"nl": home, "fr": french_home}, **sections)


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in Dutch: a request through the test client leaves the thread in the
    language of its URL, which would otherwise leak into the next test."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def force_login_passes_two_factor(monkeypatch):
    """``client.force_login`` means "this editor is logged in", second step included (see
    two_factor/testing.py); the two-factor tests log in through the real forms instead."""
    from django.test import Client

    from two_factor.testing import verified_session

    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        verified_session(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture
def dutch(db):
    return Locale.objects.get(language_code="nl")


@pytest.fixture
def french(db):
    return Locale.objects.get(language_code="fr")


@pytest.fixture(scope="session")
def project_slugs():
    """Report fiche number -> Dutch page slug, from the demo data."""
    return {
        data["number"]: data["slug"]
        for data in (json.loads(path.read_text(encoding="utf-8")) for path in (DEMO_DATA / "projects").glob("*.json"))
    }


@pytest.fixture
def admin_client(client, django_user_model, db):
    user = django_user_model.objects.create_superuser("test-admin", "admin@example.org", "a-long-test-password")
    client.force_login(user)
    return client


@pytest.fixture(scope="session")
def site_server(django_db_setup):
    """The site served over HTTP for browser tests, for the whole session.

    pytest-django's ``live_server`` turns on ``transactional_db``, which empties the database
    after each test and would take the demo content away from every later test. This thread
    serves the same test database without that: tests that use it request ``db`` and only read,
    or clean up what they write.
    """
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.test.testcases import LiveServerThread

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API runs an event loop
    thread = LiveServerThread("localhost", StaticFilesHandler, connections_override=None, port=0)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield f"http://localhost:{thread.port}"
    thread.terminate()


CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def chromium():
    """Debian's chromium driven by Playwright (a test tool's own browser download cannot work here)."""
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread for the rest of the
    # session; Django's ORM stays synchronous, so allow it despite that loop.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    executable = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    # Queries made while Playwright's loop ran used connections of their own: close them, or
    # PostgreSQL refuses to drop the test database at the end of the session.
    connections.close_all()


@pytest.fixture
def browser_page(chromium, site_server, db):
    context = chromium.new_context(locale="nl-BE")
    page = context.new_page()
    yield page, site_server
    context.close()
