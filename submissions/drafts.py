"""Turn a checked submission into a draft project page that waits for Eindredactie.

The page goes under the Dutch project index (Dutch is the source language; a French submission
is translated during review), is never live, and enters the site's moderation workflow at once.
Starting the workflow is what notifies Eindredactie: Wagtail e-mails the members of the group of
the approval task (in each member's admin language, respecting their notification settings).
"""

import html
import io
import uuid

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.text import Truncator, slugify
from wagtail.images.models import Image
from wagtail.models import Collection, Locale

from projects.models import ProjectIndexPage, ProjectPage
from taxonomy.models import Region
from taxonomy.postcodes import region_slug_for_postcode

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
    return [("paragraph", f"<p>{html.escape(block)}</p>") for block in blocks if block]


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
def create_draft_project(data, photo=None):
    """A draft ProjectPage from the form's cleaned data, submitted to the moderation workflow."""
    index = project_index()
    description = data["description"].strip()
    region_slug = region_slug_for_postcode(data["postcode"])
    page = ProjectPage(
        title=data["name"],
        draft_title=data["name"],
        slug=_unique_slug(index, data["name"]),
        intro=Truncator(" ".join(description.split())).chars(INTRO_LENGTH),
        body=_paragraphs(description),
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
    page.save_revision(log_action=True)
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, user=None)
    return page
