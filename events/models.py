from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from common.blocks import BodyBlock
from common.pages import CardFieldsMixin, ListingPage
from taxonomy.models import ConnectionMethod, Focus, TargetGroup, region_field, term_field, term_panel


class EventIndexPage(ListingPage):
    """The agenda: upcoming events soonest first; past events on ?period=past, latest first."""

    home_teaser = _("Kom naar een vorming, webinar of buurtactiviteit.")
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    template = "pages/event_index_page.html"

    class Meta:
        verbose_name = _("agenda")

    def showing_past(self, request):
        return request.GET.get("period") == "past"

    def listing(self, request):
        events = EventPage.objects.child_of(self).live().select_related("region")
        now = timezone.now()
        if self.showing_past(request):
            return events.filter(end__lt=now).order_by("-start", "title")
        return events.filter(end__gte=now).order_by("start", "title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["showing_past"] = self.showing_past(request)
        return context


class EventPage(CardFieldsMixin, Page):
    """A training, webinar, network day or neighbourhood activity. Times are Europe/Brussels."""

    start = models.DateTimeField(_("begin"), help_text=_("Datum en uur in Belgische tijd."))
    end = models.DateTimeField(
        _("einde"), help_text=_("Datum en uur in Belgische tijd; voor meerdaagse activiteiten de laatste dag.")
    )
    venue_name = models.CharField(
        _("locatie"),
        max_length=200,
        blank=True,
        help_text=_("Naam van de zaal of plek. Leeg voor een online activiteit."),
    )
    address = models.CharField(
        _("adres"), max_length=250, blank=True, help_text=_("Straat, nummer, postcode en gemeente.")
    )
    online_url = models.URLField(_("online link"), blank=True, help_text=_("Link naar de webinar of online sessie."))
    organiser = models.CharField(_("organisator"), max_length=200)
    registration_url = models.URLField(_("link om in te schrijven"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("beschrijving"))

    region = region_field()
    target_groups = term_field(TargetGroup, _("doelgroepen"), _("Voor wie de activiteit bedoeld is."))
    focus = term_field(Focus, _("focus"), _("Waar de activiteit over gaat."))
    connection_methods = term_field(ConnectionMethod, _("verbindingsmethodiek"), _("Plek, figuur en/of activiteit."))

    override_translatable_fields = [
        SynchronizedField("region"),
        SynchronizedField("target_groups"),
        SynchronizedField("focus"),
        SynchronizedField("connection_methods"),
        SynchronizedField("venue_name"),
        SynchronizedField("address"),
        SynchronizedField("organiser"),
    ]

    content_panels = (
        Page.content_panels
        + CardFieldsMixin.card_panels
        + [
            MultiFieldPanel([FieldRowPanel([FieldPanel("start"), FieldPanel("end")])], heading=_("Wanneer")),
            MultiFieldPanel(
                [FieldPanel("venue_name"), FieldPanel("address"), FieldPanel("online_url"), FieldPanel("region")],
                heading=_("Waar"),
            ),
            FieldPanel("organiser"),
            FieldPanel("registration_url"),
            FieldPanel("body"),
            MultiFieldPanel(
                [term_panel("target_groups"), term_panel("focus"), term_panel("connection_methods")],
                heading=_("Classificatie"),
            ),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("venue_name"),
        index.FilterField("start"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    template = "pages/event_page.html"

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Het einde ligt vóór het begin.")})
        if not (self.venue_name or self.address or self.online_url):
            raise ValidationError(_("Geef een locatie, een adres of een online link."))

    @property
    def is_online(self):
        return bool(self.online_url) and not (self.venue_name or self.address)

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def is_multi_day(self):
        return timezone.localtime(self.start).date() != timezone.localtime(self.end).date()
