"""Every absolute URL the site writes names its real address: the request's scheme and host in a
request, SITE_BASE_URL outside one (common/urls.py), never http://localhost."""

import json
import re

import pytest
from django.core import mail
from icalendar import Calendar
from wagtail.models import Site

from demo.management.commands.load_demo_content import Command as LoadDemoContent
from events.emails import send_confirmation
from events.models import EventPage, Registration

SITE = "https://example.org/"


@pytest.fixture
def on_example_org(client, settings):
    """GET over https with Host: example.org."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "example.org"]

    def get(url, data=None):
        response = client.get(url, data, HTTP_HOST="example.org", secure=True)
        assert response.status_code == 200, url
        assert "localhost" not in response.content.decode()
        return response

    return get


@pytest.fixture
def event(db):
    return EventPage.objects.live().filter(locale__language_code="nl").order_by("pk").first()


@pytest.mark.django_db
def test_ics_and_feed_name_the_requested_address(on_example_org, event):
    single = Calendar.from_ical(on_example_org(f"/nl/agenda/{event.slug}.ics").content)
    feed = Calendar.from_ical(on_example_org("/nl/agenda.ics").content)
    urls = [str(component["URL"]) for cal in (single, feed) for component in cal.walk("VEVENT")]
    assert urls and all(url.startswith(SITE) for url in urls), urls
    assert f"{SITE}nl/agenda/{event.slug}/" in urls


@pytest.mark.django_db
def test_agenda_feed_link_names_the_requested_address(on_example_org, event):
    page = on_example_org(event.get_parent().url).content.decode()
    assert 'href="https://example.org/nl/agenda.ics"' in page
    assert 'href="webcal://example.org/nl/agenda.ics"' in page


@pytest.mark.django_db
def test_event_json_ld_names_the_requested_address(on_example_org, event):
    page = on_example_org(event.url).content.decode()
    blocks = [
        json.loads(text) for text in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    ]
    data = next(block for block in blocks if block.get("@type") == "Event")
    assert data["url"] == f"{SITE}nl/agenda/{event.slug}/"


@pytest.mark.django_db
def test_sitemap_names_the_requested_address(on_example_org):
    locations = re.findall(r"<loc>(.*?)</loc>", on_example_org("/sitemap.xml").content.decode())
    assert len(locations) > 50 and all(location.startswith(SITE) for location in locations)


@pytest.mark.django_db
def test_api_names_the_requested_address(on_example_org):
    results = on_example_org("/api/search/", {"lang": "nl", "type": "project"}).json()["results"]
    assert results and all(result["url"].startswith(SITE) for result in results)
    assert all(result["image"]["url"].startswith(SITE) for result in results if result["image"])


@pytest.mark.django_db
def test_an_email_sent_outside_a_request_uses_the_base_url(settings, event):
    settings.SITE_BASE_URL = "https://zorgzamebuurten.example"
    registration = Registration.objects.create(
        event=event,
        name="An Peeters",
        email="an@example.be",
        organisation="Buurtwerk",
        language="nl",
        status=Registration.Status.CONFIRMED,
    )
    send_confirmation(registration)
    body = mail.outbox[-1].body
    assert f"https://zorgzamebuurten.example/nl/agenda/{event.slug}/" in body
    assert "https://zorgzamebuurten.example/nl/agenda-inschrijving/annuleren/" in body  # the personal link too
    assert "localhost" not in body


@pytest.mark.django_db
def test_base_url_falls_back_to_the_admin_base_url(settings, event):
    settings.SITE_BASE_URL = ""
    settings.WAGTAILADMIN_BASE_URL = "https://beheer.example"
    from common.urls import page_url

    assert page_url(event) == f"https://beheer.example/nl/agenda/{event.slug}/"


@pytest.mark.django_db
def test_demo_loader_points_the_site_at_the_base_url(settings):
    # The session's loader ran with the test base URL (http://testserver).
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("testserver", 80)
    settings.SITE_BASE_URL = "http://127.0.0.1:8000"
    loader = LoadDemoContent()
    loader.changes, loader.verbosity = 0, 0
    try:
        loader.point_site_at_base_url()
        site.refresh_from_db()
        assert (site.hostname, site.port) == ("127.0.0.1", 8000)
        page = EventPage.objects.live().first()
        assert page.get_full_url().startswith("http://127.0.0.1:8000/")
    finally:
        # Wagtail keeps the site's root URL in the cache, which the rollback does not reach.
        Site.clear_site_root_paths_cache()
