"""Files to upload in tests: real photos with metadata, and the things we must refuse."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

GPS_IFD = 0x8825
ORIENTATION = 0x0112
MAKE = 0x010F


def photo(fmt="JPEG", size=(640, 480), name=None, orientation=None, mode="RGB", gps=True):
    """A real photo in ``fmt``; JPEG and WebP carry EXIF (camera, GPS, orientation when given)."""
    image = Image.new(mode, size, (200, 90, 40) if mode == "RGB" else (200, 90, 40, 128))
    for x in range(0, size[0], 20):  # some structure, so re-encoding has something to keep
        for y in range(size[1] // 2):
            image.putpixel((x, y), (10, 120, 200) if mode == "RGB" else (10, 120, 200, 255))
    exif = Image.Exif()
    exif[MAKE] = "Testcamera"
    if gps:
        exif[GPS_IFD] = {1: "N", 2: (50.0, 52.0, 45.0), 3: "E", 4: (4.0, 42.0, 6.0)}
    if orientation:
        exif[ORIENTATION] = orientation
    buffer = io.BytesIO()
    options = {"exif": exif.tobytes()} if fmt in ("JPEG", "WEBP") else {}
    image.save(buffer, format=fmt, **options)
    extension = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}[fmt]
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}[fmt]
    return SimpleUploadedFile(name or f"foto.{extension}", buffer.getvalue(), content_type=content_type)


def oversized_jpeg():
    """A real JPEG just over 5 MB (padding after the image data)."""
    upload = photo("JPEG")
    content = upload.read() + b"\0" * (5 * 1024 * 1024)
    return SimpleUploadedFile("groot.jpg", content, content_type="image/jpeg")


def text_named_jpg():
    return SimpleUploadedFile("foto.jpg", b"Dit is geen foto, maar een tekst.\n" * 20, content_type="image/jpeg")


SVG = b"""<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(1)</script>
<circle cx="50" cy="50" r="40" fill="red"/></svg>"""


def svg(name="tekening.svg"):
    return SimpleUploadedFile(name, SVG, content_type="image/svg+xml")


def _chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_claiming(width, height):
    """A few hundred bytes that announce a ``width`` × ``height`` picture: a decompression bomb."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = zlib.compress(b"\0" * (width * 3 + 1) * 4, 9)  # a few rows; the rest would follow
    return SimpleUploadedFile(
        "bom.png",
        b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", data) + _chunk(b"IEND", b""),
        content_type="image/png",
    )


def truncated_jpeg():
    content = photo("JPEG", size=(800, 600)).read()
    return SimpleUploadedFile("half.jpg", content[: len(content) // 2], content_type="image/jpeg")
