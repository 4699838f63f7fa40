from django import template
from django.utils.http import urlencode

from search.facets import KINDS

register = template.Library()


@register.simple_tag
def query_url(query, page=None):
    """'?…' for this query (optionally another page); '?' alone when it has no parameters."""
    return "?" + urlencode(query.to_params(page=page))


@register.simple_tag
def without_url(query, key, slug=None):
    return "?" + urlencode(query.without(key, slug).to_params())


@register.simple_tag
def kind_label(kind):
    return KINDS.get(kind, "")


@register.filter
def facet_input_id(option, facet):
    return f"f-{facet.key}-{option.slug}"
