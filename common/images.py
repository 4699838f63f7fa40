"""The image renditions the templates use, made when an image is saved, not in a visitor's request.

Templates ask for these exact filter specs (``{% srcset_image %}`` expands ``{a,b}``); keep the
two in step. WebP for every browser in use, in the widths the layouts need.

Memory: each rendition decodes the whole original. Wagtail's ``get_renditions`` makes missing
ones three at a time in threads, so a small file with large dimensions (a 131 KB PNG of 36
megapixels) held three full-size decoded copies and their crops at once: a worker went from 120
to 586 MB. Here they are made one after the other, so one decoded original is alive at a time,
and originals above ``WAGTAILIMAGES_MAX_IMAGE_PIXELS`` are refused at upload from the header,
before anything is decoded (``WAGTAILIMAGES_MAX_IMAGE_PIXELS``; benchmarks/image_memory.py
measures both).
"""

import contextlib

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError

# components/card.html and search results: 16:9 cards, about 22rem wide at most.
CARD_SPECS = ["fill-480x270|format-webp", "fill-960x540|format-webp"]
# components/page_image.html: the picture on top of a detail page, up to the content width.
DETAIL_SPECS = ["fill-480x270|format-webp", "fill-960x540|format-webp", "fill-1440x810|format-webp"]
# Body images (components/streamfield/blocks/image_block.html).
BODY_SPECS = ["width-480|format-webp", "width-960|format-webp"]
# seo: the picture shared on social media.
SHARE_SPECS = ["fill-1200x630|format-jpeg|jpegquality-80"]

RENDITION_SPECS = sorted(set(CARD_SPECS + DETAIL_SPECS + BODY_SPECS + SHARE_SPECS))


def prerender(image):
    """Create the renditions the site shows, one at a time (existing ones are only looked up)."""
    with contextlib.suppress(SourceImageIOError):  # a missing file: the templates show no picture
        for spec in RENDITION_SPECS:
            image.get_rendition(spec)


@receiver(post_save, sender=get_image_model())
def prerender_on_save(sender, instance, raw=False, **kwargs):
    if not raw and instance.file:
        prerender(instance)
