from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page


class HomePage(Page):
    """The root of each language tree: leads to the toolbox, the projects and the agenda."""

    intro = models.TextField(
        _("inleiding"), blank=True, help_text=_("De welkomsttekst onder de titel van de startpagina.")
    )
    featured = StreamField(
        [
            (
                "page",
                blocks.PageChooserBlock(
                    label=_("pagina"), page_type=["projects.ProjectPage", "methods.MethodPage", "events.EventPage"]
                ),
            )
        ],
        blank=True,
        verbose_name=_("in de kijker"),
        help_text=_("Projecten, werkvormen of activiteiten die u op de startpagina wilt uitlichten (liefst 3)."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("featured")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["projects.ProjectIndexPage", "methods.MethodIndexPage", "events.EventIndexPage"]
    max_count_per_parent = 1
    template = "pages/home_page.html"

    class Meta:
        verbose_name = _("startpagina")

    def sections(self):
        """The three index pages, in the order the home page presents them."""
        children = self.get_children().live().specific()
        order = ["methodindexpage", "projectindexpage", "eventindexpage"]
        return sorted(
            children,
            key=lambda page: (
                order.index(page.specific_class._meta.model_name)
                if page.specific_class._meta.model_name in order
                else 99
            ),
        )
