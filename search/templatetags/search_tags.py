from django import template
from django.utils.http import urlencode

from search import registry

register = template.Library()


@register.simple_tag
def query_url(query, page=None):
    """'?…' for this query (optionally another page); '?' alone when it has no parameters."""
    return "?" + urlencode(query.to_params(page=page))


@register.simple_tag
def without_url(query, key, slug=None):
    return "?" + urlencode(query.without(key, slug).to_params())


@register.simple_tag
def kind_label(page):
    """The label of a result's kind ("Project", "Werkvorm", …)."""
    kind = registry.kind_of(page)
    return kind.label if kind else ""


@register.filter
def result_card(page):
    """The result card template the page's app registered for its kind."""
    return registry.kind_of(page).card_template


@register.filter
def facet_input_id(option, facet):
    return f"f-{facet.key}-{option.slug}"
