"""Information pages written by editors in both languages: accessibility statement, privacy notice, …

They hang under each language's home page and are linked from the footer. A page's *purpose* marks
the one privacy notice or accessibility statement other parts of the site link to; it is the same
in both languages (synchronised by wagtail-localize).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from common.blocks import BodyBlock


class Purpose(models.TextChoices):
    OTHER = "", _("andere informatie")
    ACCESSIBILITY = "accessibility", _("toegankelijkheidsverklaring")
    PRIVACY = "privacy", _("privacyverklaring")


class InformationPage(Page):
    intro = models.TextField(_("inleiding"), blank=True, max_length=400)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("inhoud"))
    purpose = models.CharField(
        _("soort pagina"),
        max_length=20,
        blank=True,
        choices=Purpose.choices,
        help_text=_("De privacyverklaring wordt gelinkt bij elk formulier dat persoonsgegevens vraagt."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    settings_panels = Page.settings_panels + [FieldPanel("purpose")]
    override_translatable_fields = [SynchronizedField("purpose", overridable=False)]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    template = "pages/information_page.html"

    class Meta:
        verbose_name = _("informatiepagina")
        verbose_name_plural = _("informatiepagina's")
