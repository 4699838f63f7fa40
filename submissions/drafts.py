"""Turn a checked submission into a draft project page that waits for Eindredactie.

The page goes under the Dutch project index (Dutch is the source language of wagtail-localize),
is never live, and enters the site's moderation workflow at once. A ``Submission`` row keeps the
language the initiative wrote in and its own words: a French submission is a Dutch draft that
awaits translation from French, and the translator later starts the French page from the
initiative's text (docs/redacteurshandleiding.md). Starting the workflow is what notifies
Eindredactie (``notifications``).
"""

import html
import io
import re
import uuid

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import translation
from django.utils.text import Truncator, slugify
from wagtail.images.models import Image
from wagtail.models import Collection, Locale

from projects.models import ProjectIndexPage, ProjectPage
from taxonomy.models import Region
from taxonomy.postcodes import region_slug_for_postcode

from .models import Submission
from .notifications import send_confirmation

COLLECTION_NAME = "Aanmeldingen"
INTRO_LENGTH = 300


class NoProjectIndex(RuntimeError):
    """The site has no Dutch project index to put submissions under."""


def project_index():
    index = ProjectIndexPage.objects.filter(locale=Locale.get_default()).order_by("path").first()
    if index is None:
        raise NoProjectIndex
    return index


def _unique_slug(parent, title):
    base = slugify(title)[:60].strip("-") or "project"
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _paragraphs(text):
    blocks = [" ".join(part.split()) for part in text.replace("\r\n", "\n").split("\n\n")]
    return [block for block in blocks if block]


def split_description(text):
    """(intro, body paragraphs): the opening sentences become the intro, the rest the body, so
    nothing is said twice. A first sentence too long for an intro is shortened there and kept
    whole in the body."""
    paragraphs = _paragraphs(text)
    first, rest = paragraphs[0], paragraphs[1:]
    if len(first) <= INTRO_LENGTH:
        return first, rest
    sentences = re.split(r"(?<=[.!?])\s+", first)
    intro, used = sentences[0], 1
    while used < len(sentences) and len(intro) + 1 + len(sentences[used]) <= INTRO_LENGTH:
        intro, used = f"{intro} {sentences[used]}", used + 1
    if len(intro) > INTRO_LENGTH:
        return Truncator(first).chars(INTRO_LENGTH), paragraphs
    remainder = " ".join(sentences[used:])
    return intro, [remainder, *rest] if remainder else rest


def _body(paragraphs):
    return [("paragraph", f"<p>{html.escape(paragraph)}</p>") for paragraph in paragraphs]


def _submissions_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


def _store_photo(photo, title):
    image = Image(
        title=Truncator(f"{COLLECTION_NAME}: {title}").chars(250),
        file=ImageFile(io.BytesIO(photo.content), name=f"aanmelding-{uuid.uuid4().hex[:12]}.{photo.extension}"),
        collection=_submissions_collection(),
    )
    image.save()
    return image


@transaction.atomic
def create_draft_project(data, photo=None, language=None):
    """A draft ProjectPage from the form's cleaned data, submitted to the moderation workflow.

    ``language`` is the one the initiative wrote in (the form's language)."""
    index = project_index()
    language = language or settings.LANGUAGE_CODE
    description = data["description"].strip()
    intro, body = split_description(description)
    region_slug = region_slug_for_postcode(data["postcode"])
    page = ProjectPage(
        title=data["name"],
        draft_title=data["name"],
        slug=_unique_slug(index, data["name"]),
        intro=intro,
        body=_body(body),
        initiator=data["organisation"],
        municipality=data["municipality"],
        postcode=data["postcode"],
        contact_email=data["contact_email"],
        region=Region.objects.filter(locale=index.locale, slug=region_slug).first() if region_slug else None,
        live=False,
        has_unpublished_changes=True,
    )
    if photo is not None:
        page.image = _store_photo(photo, data["name"])
    page.target_groups.set(data.get("target_groups") or [])
    page.connection_methods.set(data.get("connection_methods") or [])
    page.focus.set(data.get("focus") or [])
    index.add_child(instance=page)
    submission = Submission.objects.create(page=page, language=language, name=data["name"], description=description)
    transaction.on_commit(lambda: send_confirmation(submission, data["contact_email"]))
    page.save_revision(log_action=True)
    workflow = page.get_workflow()
    if workflow is not None:
        # Outside the visitor's language: Wagtail writes to editors without a preferred admin
        # language in the active one, and that must be the site's (Dutch), not the visitor's.
        with translation.override(settings.LANGUAGE_CODE):
            workflow.start(page, user=None)
    return page
