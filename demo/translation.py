"""Make French versions through wagtail-localize's own translation objects.

The French page or snippet is produced exactly as a translator's work would be: a
TranslationSource from the Dutch object, a Translation into French, one StringTranslation per
segment, then ``save_target``. The French object therefore stays linked to its Dutch source
and shows up as out of date when the source changes.
"""

import html

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource


def pairs_from(data):
    """Every (Dutch, French) text pair in a demo-data item, for looking up segments."""
    pairs = {}

    def walk(node):
        if isinstance(node, dict):
            if set(node) == {"nl", "fr"}:
                nl, fr = node["nl"], node["fr"]
                if isinstance(nl, str) and isinstance(fr, str):
                    pairs[nl] = fr
                elif isinstance(nl, list) and isinstance(fr, list):
                    for a, b in zip(nl, fr, strict=True):
                        pairs[a] = b
                return
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(data)
    # Rich-text segments arrive HTML-escaped.
    pairs.update({html.escape(nl, quote=False): html.escape(fr, quote=False) for nl, fr in list(pairs.items())})
    return pairs


def translate(instance, pairs, locale=None):
    """Create or refresh the French version of ``instance``; returns (target, changed)."""
    locale = locale or Locale.objects.get(language_code="fr")
    previous = (
        TranslationSource.objects.filter(object_id=instance.translation_key, locale_id=instance.locale_id)
        .values_list("last_updated_at", flat=True)
        .first()
    )
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    changed = previous is None or previous != source.last_updated_at
    translation, created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    changed = changed or created

    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = pairs.get(segment.string.data, segment.string.data)
        existing = StringTranslation.objects.filter(
            translation_of=segment.string, locale=locale, context=segment.context
        ).first()
        if existing is None:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=text,
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            )
            changed = True
        elif existing.data != text:
            existing.data = text
            existing.save(update_fields=["data"])
            changed = True

    target = instance.get_translation_or_none(locale)
    if target is None or changed:
        translation.save_target(publish=True)
        target = instance.get_translation(locale)
        changed = True
    return target, changed
