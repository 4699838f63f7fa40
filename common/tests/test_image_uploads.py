"""Image uploads in the admin: a picture too large in pixels is refused with a message (read from
its header, never decoded), a normal photo is stored with its renditions."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

from common.images import RENDITION_SPECS


def png(width, height):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (200, 220, 210)).save(buffer, format="PNG")
    return SimpleUploadedFile("foto.png", buffer.getvalue(), content_type="image/png")


def upload(client, file):
    data = {"title": "Buurtfeest", "file": file, "collection": Collection.get_first_root_node().pk}
    return client.post("/admin/images/add/", data)


@pytest.mark.django_db
def test_an_image_with_too_many_pixels_gets_a_clear_message(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1_000_000
    before = get_image_model().objects.count()
    response = upload(admin_client, png(1_500, 1_000))  # a few KB on disk, 1.5 megapixels
    assert response.status_code == 200
    assert "teveel pixels" in response.content.decode()
    assert get_image_model().objects.count() == before


@pytest.mark.django_db
def test_a_decompression_bomb_is_refused_before_decoding(admin_client):
    """Above twice Pillow's own limit, Pillow will not even describe it: still a message, no 500."""
    side = int((PILImage.MAX_IMAGE_PIXELS * 2) ** 0.5) + 100
    buffer = io.BytesIO()
    PILImage.new("1", (side, side)).save(buffer, format="PNG")  # 1 bit per pixel: small to make
    response = upload(admin_client, SimpleUploadedFile("bom.png", buffer.getvalue(), content_type="image/png"))
    assert response.status_code == 200
    assert "teveel pixels" in response.content.decode()


@pytest.mark.django_db
def test_a_normal_photo_is_stored_with_its_renditions(admin_client):
    response = upload(admin_client, png(1_600, 900))
    assert response.status_code == 302
    image = get_image_model().objects.get(title="Buurtfeest")
    assert (image.width, image.height) == (1_600, 900)
    assert set(image.renditions.values_list("filter_spec", flat=True)) == set(RENDITION_SPECS)
