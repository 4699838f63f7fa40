"""The optional photo: only real JPEG/PNG/WebP within limits, stored re-encoded without metadata."""

import html
import io

import pytest
from django.urls import reverse
from PIL import Image

from projects.models import ProjectPage
from submissions import images

from . import photos


def post_with(client, valid_data, upload):
    return client.post(reverse("submissions:submit"), {**valid_data, "photo": upload})


def stored_image(page):
    with page.image.file.open("rb") as handle:
        return Image.open(io.BytesIO(handle.read()))


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_real_photos_are_stored_clean(client, valid_data, fmt):
    assert post_with(client, valid_data, photos.photo(fmt)).status_code == 302
    page = ProjectPage.objects.get(initiator=valid_data["organisation"])
    stored = stored_image(page)
    assert stored.format == fmt
    assert stored.size == (640, 480)
    assert not stored.getexif()  # no camera, no GPS
    assert not {"exif", "icc_profile", "xmp"} & set(stored.info)
    assert page.image.collection.name == "Aanmeldingen"
    assert page.image.file.name.startswith("original_images/aanmelding-")  # our name, not theirs
    assert not page.live


@pytest.mark.django_db
def test_a_sideways_phone_photo_is_turned_upright(client, valid_data):
    # EXIF orientation 6: the camera was turned; the pixels are stored sideways.
    assert post_with(client, valid_data, photos.photo("JPEG", size=(640, 480), orientation=6)).status_code == 302
    stored = stored_image(ProjectPage.objects.get(initiator=valid_data["organisation"]))
    assert stored.size == (480, 640)


def _upload(image, fmt, name, **options):
    from django.core.files.uploadedfile import SimpleUploadedFile

    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return SimpleUploadedFile(name, buffer.getvalue())


@pytest.mark.parametrize(
    "upload,stored_format,stored_mode",
    [
        # Phones save JPEGs with extra frames; Pillow calls them MPO.
        (
            lambda: _upload(
                Image.new("RGB", (64, 48), "green"),
                "MPO",
                "telefoon.jpg",
                save_all=True,
                append_images=[Image.new("RGB", (64, 48))],
            ),
            "JPEG",
            "RGB",
        ),
        (lambda: _upload(Image.new("CMYK", (64, 48)), "JPEG", "drukwerk.jpg"), "JPEG", "RGB"),
        (lambda: _upload(Image.new("I;16", (64, 48)), "PNG", "diep.png"), "PNG", "RGB"),
        (lambda: _upload(Image.new("LA", (64, 48)), "PNG", "grijs.png"), "PNG", "RGBA"),
        (lambda: _upload(Image.new("P", (64, 48)), "PNG", "palet.png", transparency=0), "PNG", "RGBA"),
    ],
    ids=["mpo", "cmyk", "16-bit", "grey-alpha", "palette-transparency"],
)
def test_unusual_but_real_photos_are_accepted(upload, stored_format, stored_mode):
    clean = images.clean_photo(upload())
    stored = Image.open(io.BytesIO(clean.content))
    assert (stored.format, stored.mode, stored.size) == (stored_format, stored_mode, (64, 48))


def test_big_photos_are_scaled_down():
    clean = images.clean_photo(photos.photo("PNG", size=(3000, 1000), gps=False))
    assert (clean.width, clean.height) == (2400, 800)


REFUSED = {
    "oversized": (photos.oversized_jpeg, images.TOO_LARGE),
    "text with a .jpg name": (photos.text_named_jpg, images.NOT_AN_IMAGE),
    "SVG": (photos.svg, images.NOT_AN_IMAGE),
    "SVG with a .png name": (lambda: photos.svg("tekening.png"), images.NOT_AN_IMAGE),
    "GIF": (lambda: photos.photo("GIF"), images.NOT_AN_IMAGE),
    "decompression bomb": (lambda: photos.png_claiming(20_000, 20_000), images.TOO_MANY_PIXELS),
    "over our pixel limit": (lambda: photos.png_claiming(8_000, 6_000), images.TOO_MANY_PIXELS),
    "truncated JPEG": (photos.truncated_jpeg, images.BROKEN),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", list(REFUSED))
def test_refused_files_explain_why_and_create_nothing(client, valid_data, case):
    make_upload, message = REFUSED[case]
    response = post_with(client, valid_data, make_upload())
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert str(message) in page
    assert "Je foto is niet bewaard: kies hem opnieuw" in page
    assert f'value="{valid_data["name"]}"' in page  # the rest is kept
    assert not ProjectPage.objects.filter(initiator=valid_data["organisation"]).exists()
    from wagtail.images.models import Image as WagtailImage

    assert not WagtailImage.objects.filter(collection__name="Aanmeldingen").exists()
