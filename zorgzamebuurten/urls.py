from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from common import views as common_views
from events import urls as events_urls
from operations.health import healthz
from search import urls as search_urls

urlpatterns = [
    path(settings.WAGTAIL_ADMIN_PATH, include(wagtailadmin_urls)),
    path("healthz", healthz, name="healthz"),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/setlang/", set_language, name="set_language"),
    *search_urls.api_urlpatterns,
    path("", include("seo.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    *search_urls.localized_urlpatterns,
    path("", include(events_urls)),
    path(_("project-aanmelden/"), include("submissions.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = common_views.page_not_found
handler500 = common_views.server_error
