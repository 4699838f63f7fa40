"""Vocabulary terms in templates, in the visitor's language."""

from django import template

from taxonomy.localization import localized_name

register = template.Library()


@register.simple_tag(takes_context=True)
def term_name(context, term):
    """``{% term_name term %}``: the term's name in the active language (names read once per request)."""
    return localized_name(term, request=context.get("request"))
