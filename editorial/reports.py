"""Admin report: Dutch pages whose French translation is missing or out of date, with what to do."""

import django_filters
from django.forms import RadioSelect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import ContentTypeFilter, WagtailFilterSet
from wagtail.admin.ui.tables import ButtonsColumnMixin, Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import ListingButton
from wagtail.models import Page, get_page_content_types

from .translation_status import (
    MISSING,
    REASON_NOT_SYNCED,
    STALE,
    STATUS_LABELS,
    source_pages,
    translation_states,
)

NEEDS_WORK = (MISSING, STALE)
SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"


def states_for_request(request):
    """Every live Dutch page's translation state, worked out once per request."""
    if not hasattr(request, "_translation_states"):
        request._translation_states = translation_states(source_pages().specific())
    return request._translation_states


class StatusFilter(django_filters.ChoiceFilter):
    def filter(self, qs, value):
        if not value:
            return qs
        states = states_for_request(self.parent.request)
        return qs.filter(pk__in=[pk for pk, state in states.items() if state.status == value])


class TranslationReportFilterSet(WagtailFilterSet):
    status = StatusFilter(
        label=_("Franse vertaling"),
        choices=[(status, STATUS_LABELS[status]) for status in NEEDS_WORK],
        empty_label=_("Ontbreekt of verouderd"),
        widget=RadioSelect,
    )
    content_type = ContentTypeFilter(
        label=_("Type"),
        queryset=lambda request: get_page_content_types(include_base_page_type=False),
    )

    class Meta:
        model = Page
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters.pop("locale", None)  # the report is about Dutch sources only


class TitleWithActionsColumn(ButtonsColumnMixin, TitleColumn):
    def get_buttons(self, instance, parent_context):
        return instance.translation_actions


class TranslationReportView(ReportView):
    page_title = _("Vertalingen die aandacht vragen")
    header_icon = "site"
    index_url_name = "editorial_translation_report"
    index_results_url_name = "editorial_translation_report_results"
    filterset_class = TranslationReportFilterSet
    paginate_by = 50
    columns = [
        TitleWithActionsColumn("title", label=_("Nederlandse pagina"), get_url=lambda page: page.report_url),
        Column("type", label=_("Type"), accessor="page_type_display_name", width="15%"),
        StatusTagColumn("status", label=_("Franse vertaling"), accessor="translation_state.label", width="12%"),
        Column("reason", label=_("Waarom"), accessor="translation_state.reason"),
        DateColumn("last_published_at", label=_("Laatst gepubliceerd"), width="15%"),
    ]

    def get_queryset(self):
        states = states_for_request(self.request)
        needing = [pk for pk, state in states.items() if state.status in NEEDS_WORK]
        return Page.objects.filter(pk__in=needing).select_related("content_type").order_by("path")

    def get_table(self, object_list):
        states = states_for_request(self.request)
        for page in object_list:
            page.translation_state = states[page.pk]
            page.report_url = self._page_url(page)
            page.translation_actions = self._actions(page, page.translation_state)
        return super().get_table(object_list)

    def _page_url(self, page):
        if page.permissions_for_user(self.request.user).can_edit():
            return reverse("wagtailadmin_pages:edit", args=[page.pk])
        return page.url

    def _actions(self, page, state):
        user = self.request.user
        actions = []
        if user.has_perm(SUBMIT_TRANSLATION):
            if state.status == MISSING:
                url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
                actions.append(ListingButton(_("Vertalen"), url, icon_name="plus", priority=10))
            elif state.source is not None and state.reason != REASON_NOT_SYNCED:
                url = reverse("wagtail_localize:update_translations", args=[state.source.pk])
                url += "?" + urlencode({"next": reverse(self.index_url_name)})
                actions.append(ListingButton(_("Synchroniseren"), url, icon_name="resubmit", priority=20))
        translation = state.translation
        if translation is not None and translation.permissions_for_user(user).can_edit():
            url = reverse("wagtailadmin_pages:edit", args=[translation.pk])
            actions.append(ListingButton(_("Franse versie bewerken"), url, icon_name="edit", priority=30))
        return actions
