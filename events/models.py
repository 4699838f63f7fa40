import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from common.blocks import BodyBlock
from common.locales import in_default_locale
from common.pages import CardFieldsMixin, ListingPage
from search.pages import FacetedIndexMixin
from taxonomy.models import ConnectionMethod, Focus, TargetGroup, region_field, term_field, term_panel

from . import agenda, clock, registration, signup
from .forms import RegistrationForm
from .search import DOCUMENT as SEARCH_DOCUMENT
from .status import EventStatus

# "Lindestraat 5, 3000 Leuven" -> "Leuven": a Belgian postcode and what follows it, up to a comma.
_POSTCODE_AND_PLACE = re.compile(r"\b[1-9]\d{3}\s+([^\d,()]+?)\s*(?:,|\(|$)")


class EventIndexPage(FacetedIndexMixin, ListingPage):
    """The agenda: upcoming events soonest first; past events on ?period=past, latest first."""

    listing_kind = "event"
    home_teaser = _("Kom naar een vorming, webinar of buurtactiviteit.")
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    template = "pages/event_index_page.html"

    class Meta:
        verbose_name = _("agenda")

    def listing_now(self):
        return clock.now()

    def showing_past(self, request):
        return request.GET.get("period") == "past"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["showing_past"] = self.showing_past(request)
        agenda.mark_places(context["results"].pages)  # "volzet" / "wachtlijst" on the cards, one query
        return context


class EventPage(CardFieldsMixin, Page):
    """A training, webinar, network day or neighbourhood activity. Times are Europe/Brussels."""

    start = models.DateTimeField(_("begin"), help_text=_("Datum en uur in Belgische tijd."))
    end = models.DateTimeField(
        _("einde"), help_text=_("Datum en uur in Belgische tijd; voor meerdaagse activiteiten de laatste dag.")
    )
    venue_name = models.CharField(
        _("locatie"),
        max_length=200,
        blank=True,
        help_text=_("Naam van de zaal of plek. Leeg voor een online activiteit."),
    )
    address = models.CharField(
        _("adres"), max_length=250, blank=True, help_text=_("Straat, nummer, postcode en gemeente.")
    )
    online_url = models.URLField(_("online link"), blank=True, help_text=_("Link naar de webinar of online sessie."))
    organiser = models.CharField(_("organisator"), max_length=200)
    registration_url = models.URLField(
        _("link om in te schrijven"),
        blank=True,
        help_text=_("Een inschrijvingspagina elders. Laat leeg als je het formulier op deze website gebruikt."),
    )
    registration_form = models.BooleanField(
        _("inschrijven via deze website"),
        default=False,
        help_text=_(
            "Bezoekers schrijven zich in met het formulier op deze pagina. Je ziet de inschrijvingen onder "
            "Inschrijvingen in het menu."
        ),
    )
    capacity = models.PositiveIntegerField(
        _("aantal plaatsen"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leeg: onbeperkt. Wie zich inschrijft als alle plaatsen bezet zijn, komt op de wachtlijst."),
    )
    registration_deadline = models.DateTimeField(
        _("inschrijven kan tot"),
        null=True,
        blank=True,
        help_text=_("Datum en uur in Belgische tijd. Leeg: tot het begin van de activiteit."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text=_(
            "Een geannuleerde of uitgestelde activiteit blijft zichtbaar, met die status op de pagina, in de "
            "agenda, in de kalenderfeed en voor zoekmachines. Synchroniseer daarna de vertalingen."
        ),
    )
    status_note = models.CharField(
        _("toelichting bij de status"),
        max_length=300,
        blank=True,
        help_text=_("Bijvoorbeeld: 'Een nieuwe datum volgt.' of 'Wegens ziekte van de spreker.'"),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("beschrijving"))

    region = region_field()
    target_groups = term_field(TargetGroup, _("doelgroepen"), _("Voor wie de activiteit bedoeld is."))
    focus = term_field(Focus, _("focus"), _("Waar de activiteit over gaat."))
    connection_methods = term_field(ConnectionMethod, _("verbindingsmethodiek"), _("Plek, figuur en/of activiteit."))

    override_translatable_fields = [
        SynchronizedField("region"),
        SynchronizedField("target_groups"),
        SynchronizedField("focus"),
        SynchronizedField("connection_methods"),
        SynchronizedField("venue_name"),
        SynchronizedField("address"),
        SynchronizedField("organiser"),
        # Facts of the event, not wording: a translator cannot make them differ from the source.
        SynchronizedField("status", overridable=False),
        SynchronizedField("registration_form", overridable=False),
        SynchronizedField("capacity", overridable=False),
        SynchronizedField("registration_deadline", overridable=False),
    ]

    content_panels = (
        Page.content_panels
        + CardFieldsMixin.card_panels
        + [
            MultiFieldPanel([FieldRowPanel([FieldPanel("start"), FieldPanel("end")])], heading=_("Wanneer")),
            MultiFieldPanel([FieldPanel("status"), FieldPanel("status_note")], heading=_("Gaat het door?")),
            MultiFieldPanel(
                [FieldPanel("venue_name"), FieldPanel("address"), FieldPanel("online_url"), FieldPanel("region")],
                heading=_("Waar"),
            ),
            FieldPanel("organiser"),
            MultiFieldPanel(
                [
                    FieldPanel("registration_url"),
                    FieldPanel("registration_form"),
                    FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_deadline")]),
                ],
                heading=_("Inschrijven"),
            ),
            FieldPanel("body"),
            MultiFieldPanel(
                [term_panel("target_groups"), term_panel("focus"), term_panel("connection_methods")],
                heading=_("Classificatie"),
            ),
        ]
    )

    search_fields = Page.search_fields + SEARCH_DOCUMENT.index_fields()

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    template = "pages/event_page.html"

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Het einde ligt vóór het begin.")})
        if not (self.venue_name or self.address or self.online_url):
            raise ValidationError(_("Geef een locatie, een adres of een online link."))
        if self.registration_form and self.registration_url:
            raise ValidationError(
                {"registration_url": _("Kies één manier van inschrijven: een link of het formulier op deze website.")}
            )
        if self.registration_deadline and self.start and self.registration_deadline > self.start:
            raise ValidationError({"registration_deadline": _("De inschrijvingen sluiten ten laatste bij het begin.")})

    @property
    def is_online(self):
        return bool(self.online_url) and not (self.venue_name or self.address)

    @property
    def is_past(self):
        return agenda.has_ended(self)

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def is_postponed(self):
        return self.status == EventStatus.POSTPONED

    @property
    def registration_closes_at(self):
        """Registration closes at the start, or earlier when an editor set a deadline."""
        if self.registration_deadline and self.registration_deadline < self.start:
            return self.registration_deadline
        return self.start

    def source_event(self):
        """The page in the source language: registrations and capacity are shared by all translations."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        source = EventPage.objects.filter(
            translation_key=self.translation_key, locale__language_code=settings.LANGUAGE_CODE
        ).first()
        return source or self

    def serve(self, request, *args, **kwargs):
        if request.method == "POST" and not getattr(request, "is_preview", False):
            return signup.registration_post(self, request)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, form=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.registration_form:
            context["registration"] = registration.availability(self)
            context["registration_form"] = form or RegistrationForm()
        elif self.registration_url:
            # The same rule as the site's own form: status, end and deadline.
            context["registration_link_open"] = registration.schedule_reason(self) is None
        return context

    @property
    def place_label(self):
        """The municipality for cards: from the address's "postcode name" part, else the venue;
        "online" for an online-only event. (One property, so real place data can replace it.)"""
        if self.is_online:
            return _("online")
        match = _POSTCODE_AND_PLACE.search(self.address or "")
        if match:
            return match.group(1).strip()
        return self.venue_name


class Registration(models.Model):
    """One person's sign-up for an event made with the site's own form.

    Always linked to the event in the source language, so that both languages share its places.
    Deleted ``EVENTS_REGISTRATION_RETENTION_DAYS`` after the event ends, and unconfirmed requests
    ``EVENTS_CONFIRMATION_HOURS`` after they were made (``purge_registrations``).
    """

    class Status(models.TextChoices):
        # A request holds no place until its link is used (double opt-in, events/tokens.py).
        REQUESTED = "requested", _("nog niet bevestigd")
        CONFIRMED = "confirmed", _("ingeschreven")
        WAITING = "waiting", _("wachtlijst")
        CANCELLED = "cancelled", _("geannuleerd")

    event = models.ForeignKey(
        EventPage,
        on_delete=models.CASCADE,
        related_name="registrations",
        limit_choices_to=in_default_locale,
        verbose_name=_("activiteit"),
    )
    name = models.CharField(_("naam"), max_length=200)
    email = models.EmailField(_("e-mailadres"))
    organisation = models.CharField(_("organisatie"), max_length=200)
    remarks = models.TextField(_("opmerkingen"), blank=True, max_length=2000)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONFIRMED)
    language = models.CharField(
        _("taal"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("De taal van de bevestigingsmail."),
    )
    created_at = models.DateTimeField(_("ingeschreven op"), default=timezone.now)
    consent_at = models.DateTimeField(
        _("toestemming gegeven op"),
        null=True,
        blank=True,
        help_text=_("Wanneer de persoon in het formulier instemde met de privacyverklaring."),
    )
    confirmed_at = models.DateTimeField(
        _("bevestigd op"),
        null=True,
        blank=True,
        help_text=_("Wanneer de persoon de link in de e-mail gebruikte. De wachtlijst volgt deze volgorde."),
    )
    cancelled_at = models.DateTimeField(_("geannuleerd op"), null=True, blank=True)
    reminded_at = models.DateTimeField(
        _("herinnering gestuurd op"),
        null=True,
        blank=True,
        help_text=_("Leeg zolang de herinnering de dag voor de activiteit niet verstuurd is."),
    )

    class Meta:
        verbose_name = _("inschrijving")
        verbose_name_plural = _("inschrijvingen")
        ordering = ["event", "created_at", "pk"]
        constraints = [
            # Addresses are stored in lower case (save, clean), so this also catches "Jan@X.be".
            models.UniqueConstraint(fields=["event", "email"], name="events_registration_once_per_email"),
        ]

    def __str__(self):
        return f"{self.name} – {self.event}"

    def save(self, *args, **kwargs):
        # One spelling per address (also for rows added in code), so the constraint holds.
        self.email = self.email.strip().lower()
        # Rows an editor adds with a place or on the waiting list count as confirmed when stored,
        # so the waiting list (ordered by confirmation) has a place for them.
        if self.status in (self.Status.CONFIRMED, self.Status.WAITING) and self.confirmed_at is None:
            self.confirmed_at = timezone.now()
        super().save(*args, **kwargs)

    def clean(self):
        # Before the admin form checks the unique constraint, so a duplicate is a form error.
        super().clean()
        self.email = self.email.strip().lower()
