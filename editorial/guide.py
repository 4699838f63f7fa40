"""The editor's guide (docs/redacteurshandleiding.md) shown inside the admin, with its screenshots.

The guide is our own file, written in a small part of Markdown, so a few lines render it here
instead of a Markdown dependency. Supported: ``#``-headings (one level lower in the page, with
anchors), paragraphs, ``-`` and ``1.`` lists (one level), ``>`` notes, an image on its own line
``![caption](img/name.png)``, and inline ``**bold**``, ``*italic*``, `` `code` `` and
``[links](url)``. Everything is HTML-escaped first.
"""

import html
import re
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

DOCS_DIR = Path(settings.BASE_DIR) / "docs"
GUIDE_FILE = DOCS_DIR / "redacteurshandleiding.md"
IMAGE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*\.png$")

_HEADING = re.compile(r"^(#{1,4})\s+(.*)$")
_IMAGE = re.compile(r"^!\[([^\]]*)\]\(([^)\s]+)\)$")
_BULLET = re.compile(r"^[-*]\s+(.*)$")
_NUMBERED = re.compile(r"^\d+\.\s+(.*)$")
_INLINE = [
    (re.compile(r"`([^`]+)`"), r"<code>\1</code>"),
    (re.compile(r"\*\*([^*]+)\*\*"), r"<strong>\1</strong>"),
    (re.compile(r"(?<![\w*])\*([^*\s][^*]*)\*(?![\w*])"), r"<em>\1</em>"),
]
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def image_url(source):
    """``img/x.png`` in the Markdown becomes the admin URL that serves it."""
    name = source.removeprefix("img/")
    return reverse("editorial_guide_image", args=[name]) if IMAGE_NAME.match(name) else source


def _inline(text):
    text = html.escape(text, quote=True)
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)

    def link(match):
        label, url = match.groups()
        url = image_url(url) if url.startswith("img/") else url
        return f'<a href="{url}">{label}</a>'

    return _LINK.sub(link, text)


def render_markdown(source):
    """HTML for the Markdown subset described above."""
    out = []
    paragraph, items, list_tag, quote = [], [], None, []

    def flush():
        nonlocal list_tag
        if paragraph:
            out.append(f"<p>{_inline(' '.join(paragraph))}</p>")
            paragraph.clear()
        if items:
            out.append(f"<{list_tag}>" + "".join(f"<li>{_inline(item)}</li>" for item in items) + f"</{list_tag}>")
            items.clear()
            list_tag = None
        if quote:
            out.append(f"<blockquote><p>{_inline(' '.join(quote))}</p></blockquote>")
            quote.clear()

    for raw in source.splitlines():
        line = raw.strip()
        if not line:
            flush()
            continue
        if heading := _HEADING.match(line):
            flush()
            level = min(len(heading.group(1)) + 1, 6)
            text = heading.group(2)
            out.append(f'<h{level} id="{slugify(text)}">{_inline(text)}</h{level}>')
        elif image := _IMAGE.match(line):
            flush()
            caption, src = image.groups()
            caption_html = _inline(caption)
            out.append(
                f'<figure class="guide-figure"><img src="{html.escape(image_url(src))}" alt="{html.escape(caption)}">'
                f"<figcaption>{caption_html}</figcaption></figure>"
            )
        elif line.startswith(">"):
            if not quote:
                flush()
            quote.append(line.lstrip("> ").strip())
        elif (bullet := _BULLET.match(line)) or (numbered := _NUMBERED.match(line)):
            tag = "ul" if bullet else "ol"
            if paragraph or quote or (items and tag != list_tag):
                flush()
            list_tag = tag
            items.append((bullet or numbered).group(1))
        elif items and raw.startswith((" ", "\t")):
            items[-1] += " " + line  # continuation of a list item
        else:
            if items or quote:
                flush()
            paragraph.append(line)
    flush()
    return mark_safe("\n".join(out))  # built from escaped text only


class GuideView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Handleiding voor redacteurs")
    header_icon = "help"
    template_name = "editorial/guide.html"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        source = GUIDE_FILE.read_text(encoding="utf-8")
        if source.startswith("# "):  # the page header already shows the title
            source = source.split("\n", 1)[1]
        context["guide_html"] = render_markdown(source)
        return context


def guide_image(request, name):
    """A screenshot of the guide; only names like ``redacteur-bewerken.png`` from docs/img."""
    path = DOCS_DIR / "img" / name
    if not IMAGE_NAME.match(name) or not path.is_file():
        raise Http404
    return FileResponse(path.open("rb"), content_type="image/png")
