"""Registrations in the Wagtail admin: a listing per event, filters, search and CSV/XLSX export."""

import datetime

import django_filters
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from .models import EventPage, Registration

# A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def source_events(request=None):
    return EventPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("-start")


class RegistrationFilterSet(WagtailFilterSet):
    event = django_filters.ModelChoiceFilter(queryset=source_events, label=_("Activiteit"))
    status = django_filters.ChoiceFilter(choices=Registration.Status.choices, label=_("Status"))

    class Meta:
        model = Registration
        fields = ["event", "status"]


def csv_text(value):
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def csv_moment(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


class RegistrationIndexView(IndexView):
    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        str: {IndexView.FORMAT_CSV: csv_text},
        datetime.datetime: {
            **IndexView.custom_value_preprocess[datetime.datetime],
            IndexView.FORMAT_CSV: csv_moment,
        },
    }

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("event")

    def get_filename(self):
        """'inschrijvingen-<event slug>' when the listing is filtered to one event."""
        event_id = self.request.GET.get("event", "")
        event = source_events().filter(pk=event_id).first() if event_id.isdigit() else None
        return f"{self.export_filename}-{event.slug}" if event else self.export_filename


class RegistrationViewSet(ModelViewSet):
    model = Registration
    index_view_class = RegistrationIndexView
    icon = "group"
    menu_label = _("Inschrijvingen")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "email", "organisation", "event", "status", "created_at", "confirmed_at"]
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "email", "organisation"]
    search_backend_name = None  # registrations are not in the site's search index
    form_fields = ["event", "name", "email", "organisation", "remarks", "status", "language"]
    list_export = [
        "event.title",
        "event.start",
        "name",
        "email",
        "organisation",
        "remarks",
        "get_status_display",
        "language",
        "created_at",
        "consent_at",
        "confirmed_at",
        "cancelled_at",
    ]
    export_headings = {
        "event.title": _("Activiteit"),
        "event.start": _("Begin"),
        "get_status_display": _("Status"),
        "language": _("Taal"),
    }
    export_filename = "inschrijvingen"
