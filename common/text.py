"""Plain text out of rich content, for search indexes and meta descriptions."""

from django.utils.html import strip_tags


def stream_text(value):
    """All text in a StreamField value (rich text without its tags), in block order."""
    parts = []

    def walk(node):
        if isinstance(node, str):
            parts.append(strip_tags(node))
        elif isinstance(node, dict):
            for key, child in node.items():
                if key not in {"id", "type"}:
                    walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(value.get_prep_value() if hasattr(value, "get_prep_value") else value)
    return " ".join(part.strip() for part in parts if part and part.strip())
