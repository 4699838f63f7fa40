"""Check an uploaded photo with Pillow and re-encode it, so only clean pixels reach the site.

A photo is accepted only if Pillow itself recognises it as JPEG, PNG or WebP (the name and the
browser's content type are not trusted), it is at most ``MAX_BYTES`` and ``MAX_PIXELS``, and it
decodes completely. What is stored is a new image drawn from those pixels: turned upright,
converted to sRGB, scaled to at most ``MAX_EDGE`` pixels and saved without EXIF, GPS, ICC or text
chunks. SVG, GIF, HEIC, PDF and anything else are refused.
"""

import io
import warnings
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_EDGE = 2400
# Pillow format name -> (file extension, save options)
FORMATS = {
    "JPEG": ("jpg", {"quality": 85, "optimize": True}),
    "PNG": ("png", {"optimize": True}),
    "WEBP": ("webp", {"quality": 85}),
}
# Phones may save a JPEG with extra frames (depth maps, previews); Pillow calls that MPO.
ALIASES = {"MPO": "JPEG"}

TOO_LARGE = _("De foto is groter dan 5 MB. Kies een kleinere foto.")
NOT_AN_IMAGE = _("Dit bestand is geen JPEG-, PNG- of WebP-foto. Kies een foto in een van die formaten.")
TOO_MANY_PIXELS = _("De foto heeft te veel pixels (meer dan 40 megapixels). Kies een kleinere foto.")
BROKEN = _("De foto is beschadigd of onvolledig en kan niet worden gelezen. Kies een andere foto.")


class PhotoRejected(ValueError):
    def __init__(self, message, code):
        super().__init__(str(message))
        self.message = message
        self.code = code


@dataclass(frozen=True)
class CleanPhoto:
    content: bytes
    extension: str
    width: int
    height: int


def _to_srgb(image):
    profile = image.info.get("icc_profile")
    if not profile or image.mode not in ("RGB", "RGBA"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        output_mode = image.mode
        return ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"), outputMode=output_mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image  # an unusable profile: keep the pixels as they are


def _has_alpha(image):
    return image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)


def _open(upload):
    upload.seek(0)
    return Image.open(upload, formats=list(FORMATS))


def clean_photo(upload):
    """A ``CleanPhoto`` from an uploaded file, or ``PhotoRejected`` saying why not."""
    if upload.size is None or upload.size > MAX_BYTES:
        raise PhotoRejected(TOO_LARGE, "too_large")
    with warnings.catch_warnings():
        # Above Pillow's own pixel limit it warns before raising; treat both as a bomb.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with _open(upload) as probe:
                image_format = ALIASES.get(probe.format, probe.format)
                if image_format not in FORMATS:
                    raise PhotoRejected(NOT_AN_IMAGE, "not_an_image")
                width, height = probe.size
                if width * height > MAX_PIXELS:
                    raise PhotoRejected(TOO_MANY_PIXELS, "too_many_pixels")
                probe.verify()
            with _open(upload) as image:
                if image_format == "JPEG":
                    image.draft("RGB", (MAX_EDGE, MAX_EDGE))  # decode big photos at a reduced scale
                image.load()
                return _reencode(image, image_format)
        except PhotoRejected:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise PhotoRejected(TOO_MANY_PIXELS, "too_many_pixels") from error
        except UnidentifiedImageError as error:
            raise PhotoRejected(NOT_AN_IMAGE, "not_an_image") from error
        except (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError) as error:
            raise PhotoRejected(BROKEN, "broken") from error


def _reencode(image, image_format):
    extension, options = FORMATS[image_format]
    image = ImageOps.exif_transpose(image)
    keep_alpha = _has_alpha(image) and image_format != "JPEG"
    image = image.convert("RGBA" if keep_alpha else "RGB")
    image = _to_srgb(image)
    image.thumbnail((MAX_EDGE, MAX_EDGE), Image.Resampling.LANCZOS)
    # A new image holds the pixels and nothing else: no EXIF, GPS, XMP, ICC or text chunks.
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    buffer = io.BytesIO()
    clean.save(buffer, format=image_format, **options)
    return CleanPhoto(buffer.getvalue(), extension, clean.width, clean.height)
