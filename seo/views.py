"""sitemap.xml and robots.txt, outside the language prefixes."""

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from common.urls import absolute_url

from . import sitemap as sitemap_entries


@require_safe
@cache_control(max_age=3600, public=True)
def sitemap(request):
    return TemplateResponse(
        request,
        "seo/sitemap.xml",
        {"entries": sitemap_entries.entries(request)},
        content_type="application/xml; charset=utf-8",
    )


@require_safe
@cache_control(max_age=86400, public=True)
def robots(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        f"Sitemap: {absolute_url(reverse('sitemap'), request)}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
