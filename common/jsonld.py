"""Structured data (schema.org JSON-LD) as an inline script, escaped once for every caller."""

import json

from django.utils.safestring import mark_safe

# Keep "</script>" and friends out of the inline script (the same escapes as Django's json_script).
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def script_tag(data):
    """``<script type="application/ld+json">`` holding ``data``; safe whatever text it contains."""
    text = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above
