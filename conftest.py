"""Shared fixtures: the test database holds the full demo content in both languages.

The demo loader runs once per test session (it is the same command a newcomer runs); every test
then works inside its own transaction, rolled back afterwards.
"""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Locale

DEMO_DATA = Path(__file__).resolve().parent / "demo" / "data"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0)


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
