from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, Prefetch
from django.db.models.functions import Lower, Trim
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from common.images import CARD_SPECS
from events.agenda import upcoming
from events.models import EventPage
from methods.models import MethodPage
from projects.models import ProjectPage


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
    subpage_types = [
        "projects.ProjectIndexPage",
        "methods.MethodIndexPage",
        "events.EventIndexPage",
        "information.InformationPage",
    ]
    max_count_per_parent = 1
    template = "pages/home_page.html"

    class Meta:
        verbose_name = _("startpagina")

    def sections(self):
        """The three index pages, in the order the home page presents them."""
        order = ["methodindexpage", "projectindexpage", "eventindexpage"]
        children = [
            page
            for page in self.get_children().live().specific()
            if page.specific_class._meta.model_name in order  # not the information pages
        ]
        return sorted(children, key=lambda page: order.index(page.specific_class._meta.model_name))

    def upcoming_events(self, count=3):
        """The next events in this page's language, by the agenda's own rule (events.agenda)."""
        return list(upcoming(EventPage.objects.live().filter(locale_id=self.locale_id))[:count])

    def scale(self):
        """How much the site holds, in this page's language: projects, methods and the distinct
        municipalities projects name (the free-text place field, compared without case or spaces)."""
        projects = ProjectPage.objects.live().filter(locale_id=self.locale_id)
        numbers = projects.aggregate(
            projects=Count("pk"), municipalities=Count(Lower(Trim("municipality")), distinct=True)
        )
        numbers["methods"] = MethodPage.objects.live().filter(locale_id=self.locale_id).count()
        return numbers

    def featured_cards(self):
        """The featured pages as cards: each in the visitor's language when that translation is
        live (else the chosen page), live ones only, specific, with their card image and only its
        card renditions (common.images.CARD_SPECS, as the search results load them). A fixed
        number of queries however many pages are featured (the template used to look each one
        up, its translation and its image separately)."""
        chosen = [child["value"] for child in self.featured.raw_data if child.get("value")]
        if not chosen:
            return []
        keys = dict(Page.objects.filter(pk__in=chosen).values_list("pk", "translation_key"))
        translated = dict(
            Page.objects.live()
            .filter(translation_key__in=keys.values(), locale=Locale.get_active())
            .values_list("translation_key", "pk")
        )
        shown = [translated.get(keys[pk], pk) for pk in chosen if pk in keys]
        by_type = defaultdict(list)
        for pk, content_type_id in Page.objects.live().filter(pk__in=shown).values_list("pk", "content_type_id"):
            by_type[content_type_id].append(pk)
        loaded = {}
        cards = get_image_model().get_rendition_model().objects.filter(filter_spec__in=CARD_SPECS)
        for content_type_id, ids in by_type.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            queryset = (
                model.objects.filter(pk__in=ids)
                .select_related("image")
                .prefetch_related(Prefetch("image__renditions", queryset=cards))  # not every size of each picture
            )
            loaded.update((page.pk, page) for page in queryset)
        return [loaded[pk] for pk in shown if pk in loaded]
