"""Admin additions: content listings with filters, the translation report and the editor's guide."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from .guide import GuideView, guide_image
from .listings import ContentListings
from .reports import TranslationReportView


@hooks.register("register_admin_viewset")
def register_content_listings():
    return ContentListings()


@hooks.register("register_admin_urls")
def register_editorial_urls():
    return [
        path("vertalingen/", TranslationReportView.as_view(), name="editorial_translation_report"),
        path(
            "vertalingen/resultaten/",
            TranslationReportView.as_view(results_only=True),
            name="editorial_translation_report_results",
        ),
        path("handleiding/", GuideView.as_view(), name="editorial_guide"),
        path("handleiding/img/<str:name>", guide_image, name="editorial_guide_image"),
    ]


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return MenuItem(
        _("Vertalingen"), reverse("editorial_translation_report"), name="vertalingen", icon_name="site", order=50
    )


@hooks.register("register_admin_menu_item")
def register_guide_menu_item():
    return MenuItem(_("Handleiding"), reverse("editorial_guide"), name="handleiding", icon_name="help", order=10000)


class GuidePanel(Component):
    name = "editorial_guide"
    template_name = "editorial/guide_panel.html"
    order = 50


@hooks.register("construct_homepage_panels")
def add_guide_panel(request, panels):
    panels.append(GuidePanel())
