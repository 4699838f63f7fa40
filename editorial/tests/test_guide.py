"""The editor's guide: rendered in the admin with its screenshots, linked from the dashboard."""

import re

import pytest
from django.http import Http404
from django.urls import reverse

from editorial.guide import DOCS_DIR, GUIDE_FILE, guide_image, render_markdown


def test_markdown_subset():
    html = render_markdown(
        "# Titel\n\nEen **vette** en *schuine* zin met `code` en een [link](https://example.org).\n\n"
        "- een\n- twee\n  loopt door\n\n1. eerst\n2. dan\n\n> Tip: bewaar vaak.\n\n"
        "![Het dashboard](img/dashboard.png)\n\n<script>alert(1)</script>"
    )
    assert '<h2 id="titel">Titel</h2>' in html
    assert "<strong>vette</strong>" in html and "<em>schuine</em>" in html and "<code>code</code>" in html
    assert '<a href="https://example.org">link</a>' in html
    assert "<ul><li>een</li><li>twee loopt door</li></ul>" in html
    assert "<ol><li>eerst</li><li>dan</li></ol>" in html
    assert "<blockquote><p>Tip: bewaar vaak.</p></blockquote>" in html
    assert f'<img src="{reverse("editorial_guide_image", args=["dashboard.png"])}" alt="Het dashboard">' in html
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_the_guide_uses_only_what_the_renderer_knows():
    """No tables or nested lists slip in: they would show up as raw Markdown."""
    for line in GUIDE_FILE.read_text(encoding="utf-8").splitlines():
        assert not line.lstrip().startswith("|"), line
        assert not re.match(r"^\s{2,}([-*]|\d+\.)\s", line), line


def test_every_screenshot_in_the_guide_exists():
    names = re.findall(r"!\[[^\]]*\]\(img/([^)]+)\)", GUIDE_FILE.read_text(encoding="utf-8"))
    assert len(names) >= 10
    for name in names:
        assert (DOCS_DIR / "img" / name).is_file(), name


@pytest.mark.django_db
def test_editors_read_the_guide_in_the_admin(client, redacteur):
    client.force_login(redacteur)
    response = client.get(reverse("editorial_guide"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ter goedkeuring doorsturen" in html
    for src in re.findall(r'<img src="([^"]+)"', html):
        image = client.get(src)
        assert image.status_code == 200 and image["Content-Type"] == "image/png"
        assert b"".join(image.streaming_content).startswith(b"\x89PNG")


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["bestaat-niet.png", "DASHBOARD.PNG", ".png", "x.png%00"])
def test_only_screenshots_are_served(client, redacteur, name):
    client.force_login(redacteur)
    assert client.get(f"/admin/handleiding/img/{name}").status_code == 404


def test_no_way_out_of_the_screenshot_folder(rf):
    for name in ("../redacteurshandleiding.md", "../../manage.py", "/etc/passwd"):
        with pytest.raises(Http404):
            guide_image(rf.get("/"), name)


@pytest.mark.django_db
def test_the_guide_is_for_logged_in_editors_only(client):
    response = client.get(reverse("editorial_guide"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert client.get(reverse("editorial_guide_image", args=["dashboard.png"])).status_code == 302


@pytest.mark.django_db
def test_the_dashboard_and_menu_lead_to_the_guide(client, vertaler):
    client.force_login(vertaler)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert html.count(f'href="{reverse("editorial_guide")}"') >= 1
    assert "Handleiding voor redacteurs" in html
    assert reverse("editorial_translation_report") in html
