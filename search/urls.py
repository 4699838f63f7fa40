from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

# Under the language prefix: /nl/zoeken/, /fr/recherche/.
localized_urlpatterns = [path(_("zoeken/"), views.search_page, name="search")]

# Language-independent: the language is a parameter.
api_urlpatterns = [path("api/search/", views.api_search, name="api_search")]
