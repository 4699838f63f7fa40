"""The search page (HTML, one per language) and the open JSON API, both over search.service."""

from django.conf import settings
from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from common import params

from .api import serialize
from .query import InvalidParameter, parse
from .rendering import render_search
from .service import run_search, search_results


@require_GET
def search_page(request):
    results = search_results(request)
    return render_search(request, "search/search_page.html", {"results": results, "action_url": request.path})


@require_GET
def api_search(request):
    try:
        params.validate(request.GET)
    except params.BadParameter as error:
        return JsonResponse({"error": str(error)}, status=400)
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
