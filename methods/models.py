from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, Page
from wagtail_localize.fields import SynchronizedField

from common.pages import CardFieldsMixin, ListingPage
from search.pages import FacetedIndexMixin
from taxonomy.models import ConnectionMethod, Focus, TargetGroup, term_field, term_panel

from .blocks import AdviceBlock, StepsBlock
from .search import DOCUMENT as SEARCH_DOCUMENT


class MethodIndexPage(FacetedIndexMixin, ListingPage):
    """The toolbox."""

    listing_kind = "method"
    home_teaser = _("Vind een werkvorm die past bij jouw buurt.")
    parent_page_types = ["home.HomePage"]
    subpage_types = ["methods.MethodPage"]
    max_count_per_parent = 1
    template = "pages/method_index_page.html"

    class Meta:
        verbose_name = _("toolbox")


class MethodPage(CardFieldsMixin, Page):
    """A working method a neighbourhood can reuse: what it is, what it takes, how to do it."""

    aim = models.TextField(_("doel"), help_text=_("Wat de werkvorm wil bereiken, in één tot drie zinnen."))
    people = models.CharField(
        _("mensen"), max_length=250, blank=True, help_text=_("Wie en hoeveel mensen je nodig hebt.")
    )
    time_needed = models.CharField(_("tijd"), max_length=250, blank=True, help_text=_("Voorbereiding en duur."))
    budget = models.CharField(_("budget"), max_length=250, blank=True, help_text=_("Een realistische schatting."))
    materials = models.CharField(
        _("materiaal"),
        max_length=250,
        blank=True,
        help_text=_("Wat je klaarlegt; staat naast de werkvorm bij 'Materiaal'."),
    )
    steps = StreamField(
        StepsBlock(), blank=True, verbose_name=_("stappen"), help_text=_("Stap voor stap, in volgorde.")
    )
    tips = StreamField(
        AdviceBlock(),
        blank=True,
        verbose_name=_("tips"),
        help_text=_("Eén tip per blok; verschijnen als lijst onder 'Tips'."),
    )
    pitfalls = StreamField(
        AdviceBlock(),
        blank=True,
        verbose_name=_("valkuilen"),
        help_text=_("Wat vaak misloopt, één per blok; verschijnen als lijst onder 'Valkuilen'."),
    )

    target_groups = term_field(TargetGroup, _("doelgroepen"), _("Voor wie de werkvorm vooral geschikt is."))
    connection_methods = term_field(ConnectionMethod, _("verbindingsmethodiek"), _("Plek, figuur en/of activiteit."))
    focus = term_field(Focus, _("focus"), _("Waar de werkvorm op inzet."))

    override_translatable_fields = [
        SynchronizedField("target_groups"),
        SynchronizedField("connection_methods"),
        SynchronizedField("focus"),
    ]

    content_panels = (
        Page.content_panels
        + CardFieldsMixin.card_panels
        + [
            FieldPanel("aim"),
            MultiFieldPanel(
                [FieldPanel("people"), FieldPanel("time_needed"), FieldPanel("budget"), FieldPanel("materials")],
                heading=_("Wat heb je nodig?"),
            ),
            FieldPanel("steps"),
            FieldPanel("tips"),
            FieldPanel("pitfalls"),
            InlinePanel("downloads", label=_("downloads"), heading=_("Downloads")),
            MultiFieldPanel(
                [term_panel("connection_methods"), term_panel("target_groups"), term_panel("focus")],
                heading=_("Classificatie"),
            ),
        ]
    )

    search_fields = Page.search_fields + SEARCH_DOCUMENT.index_fields()

    parent_page_types = ["methods.MethodIndexPage"]
    subpage_types = []
    template = "pages/method_page.html"

    class Meta:
        verbose_name = _("werkvorm")
        verbose_name_plural = _("werkvormen")

    def projects_using(self):
        """Live projects in this page's language that link to this method.

        Projects link to the Dutch source of a method (translations copy that link), so the
        lookup goes through the source and keeps the projects of this page's locale.
        """
        source = self.get_translation_or_none(Locale.get_default()) or self
        return source.projects.live().filter(locale_id=self.locale_id).order_by("title")


class MethodDownload(Orderable):
    page = ParentalKey(MethodPage, on_delete=models.CASCADE, related_name="downloads")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("document"),
        help_text=_("Het bestand dat bezoekers downloaden onder 'Downloads'."),
    )
    label = models.CharField(
        _("omschrijving"),
        max_length=200,
        blank=True,
        help_text=_("Bv. 'Werkblad om af te drukken'. Leeg: de titel van het document."),
    )

    panels = [FieldPanel("document"), FieldPanel("label")]
