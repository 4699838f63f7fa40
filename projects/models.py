from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from common.blocks import BodyBlock
from common.locales import in_default_locale
from common.pages import CardFieldsMixin, ListingPage
from search.pages import FacetedIndexMixin
from taxonomy.models import (
    ConnectionMethod,
    CrucialElement,
    DrivingForce,
    Focus,
    Objective,
    TargetGroup,
    region_field,
    term_field,
    term_panel,
)
from taxonomy.postcodes import validate_postcode

from .search import DOCUMENT as SEARCH_DOCUMENT


class ProjectIndexPage(FacetedIndexMixin, ListingPage):
    listing_kind = "project"
    home_teaser = _("Laat je inspireren door projecten die het al deden.")
    parent_page_types = ["home.HomePage"]
    subpage_types = ["projects.ProjectPage"]
    max_count_per_parent = 1
    template = "pages/project_index_page.html"

    class Meta:
        verbose_name = _("projectenoverzicht")


class ProjectPage(CardFieldsMixin, Page):
    """A local caring-neighbourhood project that others can learn from and contact."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("inhoud"), help_text=_("Het verhaal van het project."))
    initiator = models.CharField(
        _("initiatiefnemer"), max_length=200, help_text=_("De organisatie die het project trekt.")
    )
    address = models.CharField(
        _("adres initiatiefnemer"),
        max_length=250,
        blank=True,
        help_text=_("Alleen voor de redactie: verschijnt niet op de website."),
    )
    municipality = models.CharField(_("gemeente"), max_length=120, help_text=_("Waar het project loopt."))
    postcode = models.CharField(
        _("postcode"),
        max_length=4,
        validators=[validate_postcode],
        help_text=_("Vier cijfers. Staat op de projectpagina bij 'Waar', voor de gemeente."),
    )
    region = region_field()
    contact_email = models.EmailField(_("e-mail voor contact"), blank=True, help_text=_("Publiek zichtbaar."))
    website = models.URLField(
        _("website"),
        blank=True,
        help_text=_("Volledig adres (https://…); verschijnt als link 'Website van het project'."),
    )
    partners = models.TextField(_("partners"), blank=True, help_text=_("Met wie het project samenwerkt."))

    objectives = term_field(Objective, _("doelstelling"), _("De primaire doelstelling(en) van het project."))
    target_groups = term_field(TargetGroup, _("doelgroepen"), _("Voor wie het project in de eerste plaats werkt."))
    connection_methods = term_field(ConnectionMethod, _("verbindingsmethodiek"), _("Plek, figuur en/of activiteit."))
    driving_forces = term_field(DrivingForce, _("drijvende krachten"), _("Wie het project trekt."))
    focus = term_field(Focus, _("focus"), _("Waar het project vooral op inzet."))
    crucial_elements = term_field(CrucialElement, _("cruciale elementen"), _("Wat het project doet werken."))
    methods = ParentalManyToManyField(
        "methods.MethodPage",
        blank=True,
        related_name="projects",
        limit_choices_to=in_default_locale,
        verbose_name=_("werkvormen"),
        help_text=_("Werkvormen uit de toolbox die dit project gebruikt; de werkvorm toont dit project dan ook."),
    )

    override_translatable_fields = [
        SynchronizedField("region"),
        SynchronizedField("objectives"),
        SynchronizedField("target_groups"),
        SynchronizedField("connection_methods"),
        SynchronizedField("driving_forces"),
        SynchronizedField("focus"),
        SynchronizedField("crucial_elements"),
        SynchronizedField("methods"),
        SynchronizedField("postcode"),
        SynchronizedField("contact_email"),
        SynchronizedField("website"),
        SynchronizedField("initiator"),
    ]

    content_panels = (
        Page.content_panels
        + CardFieldsMixin.card_panels
        + [
            FieldPanel("body"),
            MultiFieldPanel(
                [
                    FieldPanel("initiator"),
                    FieldPanel("address"),
                    FieldRowPanel([FieldPanel("postcode"), FieldPanel("municipality")]),
                    FieldPanel("region"),
                    FieldRowPanel([FieldPanel("contact_email"), FieldPanel("website")]),
                    FieldPanel("partners"),
                ],
                heading=_("Wie en waar"),
            ),
            MultiFieldPanel(
                [
                    term_panel("objectives"),
                    term_panel("target_groups"),
                    term_panel("connection_methods"),
                    term_panel("focus"),
                    term_panel("driving_forces"),
                    term_panel("crucial_elements"),
                ],
                heading=_("Classificatie"),
            ),
            FieldPanel("methods"),
        ]
    )

    search_fields = Page.search_fields + SEARCH_DOCUMENT.index_fields()

    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = []
    template = "pages/project_page.html"

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projecten")

    def used_methods(self):
        return [method.localized for method in self.methods.all() if method.live]
