"""The search page (HTML, one per language) and the open JSON API, both over search.service."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .backends import get_backend
from .query import InvalidParameter, parse
from .service import run_search

PARTIAL_HEADER = "X-Search-Partial"


def search_results(request, kinds=(), now=None):
    """Parse, search, and bring an out-of-range page back to the last one (with a message)."""
    query, messages = parse(request.GET, translation.get_language(), kinds=kinds, now=now)
    results = run_search(query, messages)
    if query.page > results.page_count:
        messages.append(_("Die pagina bestaat niet; je ziet de laatste pagina."))
        results = run_search(query.with_page(results.page_count), messages)
    if results.total == 0 and results.active_filters:
        results.suggestion = least_restrictive_removal(results)
    return results


def least_restrictive_removal(results):
    """The active filter whose removal brings back the most results: offered on zero results."""
    best = None
    backend = get_backend()
    for facet, option in results.active_filters:
        relaxed = results.query.without(facet.key, option.slug)
        count = backend.search(relaxed, []).total  # only the total: no pages, no facet counts
        if count and (best is None or count > best[2]):
            best = (facet, option, count, relaxed)
    return best


def render_search(request, template, context):
    """Full page, or only the results region when the enhancement script asks for it."""
    if request.headers.get(PARTIAL_HEADER):
        response = render(request, "search/components/partial.html", context)
    else:
        response = render(request, template, context)
    response["Vary"] = PARTIAL_HEADER
    return response


@require_GET
def search_page(request):
    results = search_results(request)
    return render_search(request, "search/search_page.html", {"results": results, "action_url": request.path})


@require_GET
def api_search(request):
    language = request.GET.get("lang", settings.LANGUAGE_CODE)
    if language not in dict(settings.LANGUAGES):
        return JsonResponse({"error": _("Onbekende taal: gebruik lang=nl of lang=fr.")}, status=400)
    with translation.override(language):
        try:
            query, messages = parse(request.GET, language, strict=True)
        except InvalidParameter as error:
            return JsonResponse({"error": str(error)}, status=400)
        results = run_search(query, messages)
        return JsonResponse(serialize(results, request), json_dumps_params={"ensure_ascii": False})


def serialize(results, request):
    return {
        "count": results.total,
        "page": results.query.page,
        "pages": results.page_count,
        "messages": results.messages,
        "results": [
            {
                "title": page.title,
                "url": request.build_absolute_uri(page.get_url(request)),
                "type": page.search_kind,
                "summary": getattr(page, "intro", ""),
                "terms": results.terms_by_page.get(page.pk, {}),
            }
            for page in results.pages
        ],
        "facets": [
            {
                "key": facet.key,
                "label": facet.label,
                "options": [
                    {"slug": o.slug, "label": o.label, "count": o.count, "selected": o.selected} for o in facet.options
                ],
            }
            for facet in results.facets
        ],
    }
