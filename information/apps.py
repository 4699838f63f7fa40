from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InformationConfig(AppConfig):
    name = "information"
    verbose_name = _("Informatiepagina's")
    default_auto_field = "django.db.models.BigAutoField"
