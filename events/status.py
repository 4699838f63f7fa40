"""An event's status: a module of its own so that the calendar and e-mail code can use it
without importing the page models."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventStatus(models.TextChoices):
    """What schema.org calls eventStatus; iCalendar's STATUS says the same in its own words."""

    SCHEDULED = "scheduled", _("gaat door")
    CANCELLED = "cancelled", _("geannuleerd")
    POSTPONED = "postponed", _("uitgesteld")
