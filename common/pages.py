"""Behaviour shared by the content pages: the card fields and listing by index pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class CardFieldsMixin(models.Model):
    """Intro and picture: what a page shows on its own top and on cards in listings."""

    intro = models.TextField(
        _("inleiding"),
        max_length=400,
        help_text=_("Eén of twee zinnen. Staan bovenaan de pagina, op kaarten in overzichten en in zoekresultaten."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("afbeelding"),
        help_text=_("Verschijnt bovenaan de pagina en op de kaart in overzichten."),
    )
    image_alt = models.CharField(
        _("alternatieve tekst"),
        max_length=250,
        blank=True,
        help_text=_(
            "Beschrijf wat op de afbeelding staat voor wie ze niet kan zien. "
            "Laat leeg als de afbeelding louter decoratief is."
        ),
    )

    card_panels = [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Afbeelding")),
    ]

    class Meta:
        abstract = True


class ListingPage(Page):
    """An index page with an introduction; its children are listed by the faceted search."""

    intro = RichTextField(
        _("inleiding"), blank=True, features=["bold", "italic", "link"], help_text=_("Korte tekst boven het overzicht.")
    )
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        abstract = True
