from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Redactie")

    def ready(self):
        from . import machine_translation, signals

        signals.connect(self)
        machine_translation.check_configuration()
