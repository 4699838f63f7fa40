"""What an initiative sent in, kept beside the draft page it became.

The draft page lives in the Dutch tree (Dutch is the source language for wagtail-localize), so
the language the initiative wrote in and its own words are kept here: Eindredactie sees them,
and the translator starts the French page from the initiative's French text, not from a
translation of a translation.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# "geschreven in het Frans" / "rédigée en français": the preposition and the capital differ per language.
WRITTEN_IN = {"nl": _("in het Nederlands"), "fr": _("in het Frans")}


class Submission(models.Model):
    page = models.OneToOneField(
        "projects.ProjectPage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="submission",
        verbose_name=_("conceptpagina"),
    )
    language = models.CharField(_("taal van de aanmelding"), max_length=8, choices=settings.LANGUAGES)
    name = models.CharField(_("naam van het project"), max_length=255)
    description = models.TextField(_("oorspronkelijke beschrijving"))
    submitted_at = models.DateTimeField(_("ingediend op"), auto_now_add=True)

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["-submitted_at", "-pk"]

    def __str__(self):
        return self.name

    def written_in(self):
        return WRITTEN_IN.get(self.language, self.get_language_display())

    @property
    def needs_translation(self):
        """Written in another language than the source tree's: the Dutch draft awaits a translation."""
        return self.language != settings.LANGUAGE_CODE
