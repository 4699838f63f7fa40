"""What makes the page cache, the data kept per generation (and a CDN in front) forget: content
changes.

Each handler bumps the content generation (operations.caching.invalidate), a database row updated inside the publishing
transaction: other requests see the new generation when, and only when, they can see the new
content, so none can store the old content under the new generation.

When Wagtail's front-end cache is configured, publishing or unpublishing a page also purges its
parent (the index that lists it) and its language's home page, besides the page itself that
``wagtail.contrib.frontend_cache`` purges on its own.
"""

import logging

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from taxonomy.vocabularies import VOCABULARIES

from .caching import invalidate

logger = logging.getLogger(__name__)


def content_changed(**kwargs):
    invalidate()


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        content_changed()


def purge_listings(sender, instance, **kwargs):
    """Purge the index page and home page that list this page from the CDN, if there is one."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache

    try:
        ancestors = instance.get_ancestors().filter(depth__gt=1).live().specific()
        purge_pages_from_cache(list(ancestors))
    except Exception:  # a CDN outage must never block publishing
        logger.warning("Could not purge the listings of page %s from the front-end cache", instance.pk, exc_info=True)


def connect():
    page_published.connect(content_changed, dispatch_uid="operations.page_published")
    page_unpublished.connect(content_changed, dispatch_uid="operations.page_unpublished")
    post_page_move.connect(content_changed, dispatch_uid="operations.page_moved")
    post_delete.connect(page_deleted, dispatch_uid="operations.page_deleted")
    page_published.connect(purge_listings, dispatch_uid="operations.purge_listings_published")
    page_unpublished.connect(purge_listings, dispatch_uid="operations.purge_listings_unpublished")
    models = [vocabulary.model for vocabulary in VOCABULARIES] + [get_image_model(), Site, Locale, Redirect]
    for model in models:
        for name, signal in (("saved", post_save), ("deleted", post_delete)):
            signal.connect(content_changed, sender=model, dispatch_uid=f"operations.{name}.{model._meta.label}")
