"""Flat admin listings of projects, methods and events, filterable by vocabulary and translation.

Wagtail's page explorer shows one branch at a time; these listings show every page of one type
(in both languages, as far as the user may explore) with the site's own filters added.
"""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.models import Locale

from events.models import EventPage
from methods.models import MethodPage
from projects.models import ProjectPage
from taxonomy.localization import names_for_locale
from taxonomy.models import Region

from .filters import filterset_for
from .translation_status import CURRENT, translation_states


class TranslationStatusColumn(StatusTagColumn):
    """The French translation's status for Dutch pages; empty for the French ones."""

    def __init__(self, name="translation_status", **kwargs):
        super().__init__(
            name,
            label=_("Franse vertaling"),
            accessor=lambda page: page.translation_state.label if page.translation_state else "",
            primary=lambda page: page.translation_state is not None and page.translation_state.status == CURRENT,
            **kwargs,
        )


class ContentIndexView(IndexView):
    """Wagtail's flat page listing; the rows shown get their translation status and region name."""

    @cached_property
    def verbose_name(self):
        return self.model._meta.verbose_name

    @cached_property
    def verbose_name_plural(self):
        """Named, so the count above the titles says "1-2 van 2 projecten", not "1-2 van 2 None"."""
        return self.model._meta.verbose_name_plural

    def get_table(self, object_list):
        states = translation_states(object_list)
        region_ids = {getattr(page, "region_id", None) for page in object_list} - {None}
        regions = Region.objects.in_bulk(region_ids)
        names = names_for_locale(Locale.get_active(), self.request)
        for page in object_list:
            page.translation_state = states.get(page.pk)
            region = regions.get(getattr(page, "region_id", None))
            page.region_name = names.get((Region._meta.label, region.translation_key), region.name) if region else ""
        return super().get_table(object_list)


def columns_for(model):
    columns = list(IndexView.base_columns)
    if hasattr(model, "region_id"):
        columns.append(Column("region", label=_("Regio"), accessor="region_name", width="12%"))
    columns.append(TranslationStatusColumn(width="12%"))
    return columns


def listing_viewset(model, name, label, icon):
    return type(
        f"{model.__name__}ListingViewSet",
        (PageListingViewSet,),
        {
            "model": model,
            "name": name,
            "icon": icon,
            "menu_label": label,
            "index_view_class": ContentIndexView,
            "filterset_class": filterset_for(model),
            "columns": columns_for(model),
        },
    )


class ContentListings(ViewSetGroup):
    menu_label = _("Overzichten")
    menu_icon = "list-ul"
    menu_order = 150
    items = (
        listing_viewset(ProjectPage, "projectenlijst", _("Projecten"), "doc-full"),
        listing_viewset(MethodPage, "werkvormenlijst", _("Werkvormen"), "clipboard-list"),
        listing_viewset(EventPage, "activiteitenlijst", _("Activiteiten"), "date"),
    )
