"""The admin's image form, with the pixel limit checked from the file header, before decoding.

Wagtail's own check (``WAGTAILIMAGES_MAX_IMAGE_PIXELS``) asks Willow for the size, and Willow
decodes a PNG completely to answer: a 1 MB PNG of 144 megapixels cost 551 MB before being
refused. Pillow reads the size from the header without decoding, so that is asked first; what
Pillow cannot read (SVG) is left to Wagtail's checks as before.
"""

import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


def pixels_in_header(upload):
    """Width x height as the header says, or None when Pillow does not know the format."""
    position = upload.tell()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            with PILImage.open(upload) as probe:  # lazy: reads the header only
                width, height = probe.size
                return width * height
    except PILImage.DecompressionBombError:
        return PILImage.MAX_IMAGE_PIXELS * 2 + 1  # Pillow refuses to even describe it
    except Exception:  # noqa: BLE001  (not for Pillow: Wagtail's own checks decide)
        return None
    finally:
        upload.seek(position)


class HeaderCheckedImageField(WagtailImageField):
    def to_python(self, data):
        limit = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None)
        if data and limit and hasattr(data, "read"):
            pixels = pixels_in_header(data)
            if pixels is not None and pixels > limit:
                raise ValidationError(
                    self.error_messages["file_too_many_pixels"] % {"num_pixels": pixels, "max_pixels_count": limit},
                    code="file_too_many_pixels",
                )
        return super().to_python(data)


class ImageForm(BaseImageForm):
    """Wagtail's image form (``WAGTAILIMAGES_IMAGE_FORM_BASE``) with the header check first."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if type(field) is WagtailImageField:
            # Wagtail builds the field in its form factory; this form's own copy gains the check.
            field.__class__ = HeaderCheckedImageField
