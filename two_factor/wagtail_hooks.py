from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import urls


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [path("two-factor/", include(urls))]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("two_factor:manage"),
        "label": _("Tweestapsverificatie"),
        "help_text": _("Een code uit een app op je telefoon bij het aanmelden, naast je wachtwoord."),
    }
