"""The authenticator app's set-up QR code as inline SVG, drawn here: the secret never leaves the
server for a third-party QR service."""

import segno


def qr_svg(text):
    return segno.make(text, error="m").svg_inline(scale=5, border=2, dark="#000", light="#fff")
