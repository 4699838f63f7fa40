"""Rendering shared by the search page and the faceted index pages: the whole page, or only the
results region when the enhancement script asks for it."""

from django.shortcuts import render

from common.http import PARTIAL_HEADER


def render_search(request, template, context):
    """Full page, or only the results region when the enhancement script asks for it."""
    if request.headers.get(PARTIAL_HEADER):
        response = render(request, "search/components/partial.html", context)
    else:
        response = render(request, template, context)
    response["Vary"] = PARTIAL_HEADER
    return response
