"""/healthz, structured error logs without personal data, and uploads served safely."""

import io
import json
import logging

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

import search.views
from operations.logging import JsonFormatter, RequestContextFilter


@pytest.mark.django_db
def test_health_reports_database_and_search(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "search": {"database": "ok"}}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_is_degraded_when_elasticsearch_does_not_answer(client, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens on the discard port
    settings.ELASTICSEARCH_OPTIONS = {"request_timeout": 1, "max_retries": 0}
    response = client.get("/healthz")
    assert response.status_code == 200  # searches fall back to the database
    body = response.json()
    assert body["status"] == "degraded"
    assert body["search"]["database"] == "ok"
    assert body["search"]["elasticsearch"].startswith("error: ")
    assert "127.0.0.1" not in response.content.decode()


@pytest.fixture
def json_log():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestContextFilter())
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    yield stream
    logger.removeHandler(handler)


@pytest.mark.django_db
def test_an_error_is_logged_as_json_with_its_request_and_nothing_personal(
    client, django_user_model, json_log, monkeypatch
):
    user = django_user_model.objects.create_user("redacteur", "an.editor@example.org", "a-long-test-password")
    client.force_login(user)
    client.raise_request_exception = False

    def broken(*args, **kwargs):
        raise RuntimeError("the search broke")

    monkeypatch.setattr(search.views, "search_results", broken)
    response = client.get(
        "/nl/zoeken/?q=mijn+buurvrouw+Maria", HTTP_X_REQUEST_ID="req-12345678", REMOTE_ADDR="203.0.113.9"
    )
    assert response.status_code == 500
    assert response["X-Request-ID"] == "req-12345678"

    lines = [json.loads(line) for line in json_log.getvalue().splitlines()]
    record = next(line for line in lines if line["level"] == "ERROR")
    assert record["logger"] == "django.request"
    assert record["request_id"] == "req-12345678"
    assert (record["method"], record["path"], record["status"]) == ("GET", "/nl/zoeken/", 500)
    assert record["user_id"] == user.pk
    assert "RuntimeError: the search broke" in record["exc_info"]
    raw = json_log.getvalue()
    for personal in ("an.editor@example.org", "redacteur", "203.0.113.9", "Maria", "buurvrouw"):
        assert personal not in raw


@pytest.mark.django_db
def test_an_uploaded_document_cannot_run_as_a_page(client):
    document = get_document_model().objects.create(
        title="Verslag", file=ContentFile(b"<script>alert(1)</script>", name="verslag.txt")
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
