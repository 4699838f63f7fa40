"""The shared vocabulary that classifies projects, methods and events.

Every vocabulary is a translatable snippet with a stable, language-independent ``slug``.
Pages always link to the term row of the default (Dutch) locale; labels are shown in the
visitor's language by looking up the translation with the same ``translation_key``. That way a
facet filter (which uses the slug) means the same thing on /nl/ and /fr/.
"""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from common.locales import in_default_locale


class Term(TranslatableMixin, models.Model):
    name = models.CharField(
        _("naam"), max_length=120, help_text=_("Zoals bezoekers de term zien in filters en op pagina's.")
    )
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        help_text=_("Vaste sleutel in zoek-URL's en de open API; dezelfde in elke taal. Niet wijzigen na publicatie."),
    )
    description = models.TextField(
        _("beschrijving"),
        blank=True,
        help_text=_("Eén zin die uitlegt wat de term betekent; verschijnt als hulptekst bij de filter."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("volgorde"), default=0, help_text=_("Lagere nummers staan eerst in filters en lijsten.")
    )

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("slug"),
        SynchronizedField("sort_order"),
    ]

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="%(app_label)s_%(class)s_unique_slug_locale"),
        ]

    def __str__(self):
        return self.name


class Objective(Term):
    class Meta(Term.Meta):
        verbose_name = _("doelstelling")
        verbose_name_plural = _("doelstellingen")


class TargetGroup(Term):
    class Meta(Term.Meta):
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")


class ConnectionMethod(Term):
    class Meta(Term.Meta):
        verbose_name = _("verbindingsmethodiek")
        verbose_name_plural = _("verbindingsmethodieken")


class DrivingForce(Term):
    class Meta(Term.Meta):
        verbose_name = _("drijvende kracht")
        verbose_name_plural = _("drijvende krachten")


class Focus(Term):
    class Meta(Term.Meta):
        verbose_name = _("focus")
        verbose_name_plural = _("focussen")


class CrucialElement(Term):
    class Meta(Term.Meta):
        verbose_name = _("cruciaal element")
        verbose_name_plural = _("cruciale elementen")


class Region(Term):
    class Meta(Term.Meta):
        verbose_name = _("regio")
        verbose_name_plural = _("regio's")


def term_field(model, verbose_name, help_text):
    """A page's link to several terms of one vocabulary."""
    return ParentalManyToManyField(
        model,
        blank=True,
        related_name="+",
        limit_choices_to=in_default_locale,
        verbose_name=verbose_name,
        help_text=help_text,
    )


def region_field():
    return models.ForeignKey(
        Region,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=in_default_locale,
        verbose_name=_("regio"),
        help_text=_("De provincie of het Brussels Hoofdstedelijk Gewest waar dit plaatsvindt."),
    )


def term_panel(field_name):
    """Terms are few: checkboxes are quicker for editors than a multi-select."""
    return FieldPanel(field_name, widget=forms.CheckboxSelectMultiple)
