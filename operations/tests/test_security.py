"""Production settings: every security header and cookie flag, the deploy check, the admin
under the strict policy, and public pages that need no inline script."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from events.models import EventPage
from methods.models import MethodIndexPage
from projects.factories import ProjectPageFactory
from projects.models import ProjectIndexPage, ProjectPage
from two_factor.testing import pass_second_step

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a-long-test-password"


def run_manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(DJANGO_SETTINGS_MODULE="zorgzamebuurten.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_deploy_check_reports_nothing():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", DJANGO_SECRET_KEY=secrets.token_urlsafe(50))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set in production" in result.stderr


def csp_directives(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.django_db
def test_plain_http_is_redirected_to_https(production_settings, client, bilingual_site):
    response = client.get("/nl/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/nl/"


@pytest.mark.django_db
def test_health_check_answers_over_plain_http(production_settings, client):
    # No pages built here: the health check reads the database from its own thread, which on
    # SQLite cannot read tables this test's open transaction has written to.
    assert client.get("/healthz").status_code == 200


@pytest.mark.django_db
def test_every_security_header_on_a_public_page(production_settings, https_client, bilingual_site):
    response = https_client.get("/nl/")
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]
    directives = csp_directives(response)
    assert directives["script-src"] == ["'self'"]  # no 'unsafe-inline', no nonce on a page that uses none
    assert directives["style-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert not any("unsafe" in source for sources in directives.values() for source in sources)


@pytest.mark.django_db
def test_csrf_cookie_is_secure_httponly_and_same_site(production_settings, https_client, bilingual_site):
    response = https_client.get("/nl/project-aanmelden/")
    assert response.status_code == 200
    cookie = response.cookies[settings.CSRF_COOKIE_NAME]
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


@pytest.mark.django_db
def test_session_cookie_after_a_real_login_is_secure_and_httponly(
    production_settings, https_client, django_user_model, bilingual_site
):
    django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    response = https_client.post("/admin/login/", {"username": "editor", "password": PASSWORD})
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


def executing_inline_scripts(html):
    """Inline <script> elements a browser would execute (data blocks like JSON-LD are not run)."""
    soup = BeautifulSoup(html, "html.parser")
    data_types = {"application/ld+json", "application/json"}
    return [s for s in soup.find_all("script") if not s.get("src") and s.get("type", "").lower() not in data_types]


def inline_styles_and_handlers(html):
    soup = BeautifulSoup(html, "html.parser")
    found = [str(tag)[:80] for tag in soup.find_all(style=True)]
    found += [str(tag)[:80] for tag in soup.find_all(True) if any(attr.startswith("on") for attr in tag.attrs)]
    found += [str(tag)[:80] for tag in soup.find_all("style")]
    return found


def public_urls(dutch):
    urls = ["/nl/", "/fr/", "/nl/zoeken/?q=buurt&focus=wonen", "/nl/project-aanmelden/", "/nl/agenda-privacy/"]
    urls += [ProjectIndexPage.objects.get(locale=dutch).url, MethodIndexPage.objects.get(locale=dutch).url]
    urls.append(ProjectPage.objects.live().filter(locale=dutch).first().url)
    for event in EventPage.objects.live().filter(locale=dutch):
        urls += [event.url, event.get_parent().url]
    return sorted(set(urls))


@pytest.mark.django_db
def test_public_pages_run_no_inline_code(production_settings, https_client, dutch):
    """What makes the strict policy (and whole-page caching without nonces) hold in browsers."""
    for url in public_urls(dutch):
        response = https_client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert executing_inline_scripts(html) == [], url
        assert inline_styles_and_handlers(html) == [], url
        assert "'unsafe-inline'" not in response["Content-Security-Policy"], url


@pytest.mark.django_db
def test_admin_page_editor_works_under_the_production_policy(
    production_settings, https_client, django_user_model, bilingual_site
):
    """Log in through the real login form, open the page editor and preview a page: the admin
    gets the relaxed policy its inline scripts and preview iframe need, and only the admin."""
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    assert https_client.post("/admin/login/", {"username": "editor", "password": PASSWORD}).status_code == 302
    pass_second_step(https_client, editor)

    page = ProjectPageFactory(parent=bilingual_site.projects["nl"])
    response = https_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="title"' in html
    directives = csp_directives(response)
    assert "'unsafe-inline'" in directives["script-src"]
    assert not any(source.startswith("'nonce-") for source in directives["script-src"])  # it would void unsafe-inline
    assert "'unsafe-inline'" in directives["style-src"]
    assert directives["frame-ancestors"] == ["'self'"]
    # The editor does carry inline scripts: the relaxation is needed, not decorative.
    assert executing_inline_scripts(html) or re.search(r"<[^>]+ style=", html)

    preview = https_client.get(f"/admin/pages/{page.pk}/edit/preview/")
    assert preview.status_code == 200
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    assert csp_directives(preview)["frame-ancestors"] == ["'self'"]

    # Public pages keep the strict policy even for the logged-in editor.
    public = https_client.get(page.url)
    assert "'unsafe-inline'" not in public["Content-Security-Policy"]


def test_admin_path_comes_from_the_environment():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.urls import reverse; print(reverse('wagtailadmin_home'))",
        DJANGO_SECRET_KEY="k" * 50,
        DJANGO_ADMIN_PATH="beheer-7f3a",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "/beheer-7f3a/"


def test_production_keeps_database_connections_unless_told_otherwise(monkeypatch):
    from .conftest import load_production

    monkeypatch.delenv("DATABASE_CONN_MAX_AGE", raising=False)
    assert load_production(monkeypatch).DATABASES["default"]["CONN_MAX_AGE"] == 60
    assert load_production(monkeypatch, DATABASE_CONN_MAX_AGE="0").DATABASES["default"]["CONN_MAX_AGE"] == 0
