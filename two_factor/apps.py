from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TwoFactorConfig(AppConfig):
    name = "two_factor"
    verbose_name = _("Tweestapsverificatie")
