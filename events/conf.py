"""Settings of the events app, with their defaults (override them in the Django settings)."""

from django.conf import settings
from django.utils.module_loading import import_string

# Registrations are deleted this many days after their event ends (data minimisation).
DEFAULT_RETENTION_DAYS = 30


def retention_days():
    return int(getattr(settings, "EVENTS_REGISTRATION_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))


def privacy_notice_url():
    """An operator's own privacy notice, or empty to use the site's built-in notice."""
    return getattr(settings, "EVENTS_PRIVACY_NOTICE_URL", "")


def privacy_notice_lookup():
    """``EVENTS_PRIVACY_NOTICE_LOOKUP``: a function ``(language) -> URL or None`` that finds a privacy
    notice another part of the site publishes (e.g. an editable page), or None when not set.

    Named by dotted path so that the events app does not depend on the app that answers.
    """
    path = getattr(settings, "EVENTS_PRIVACY_NOTICE_LOOKUP", "")
    return import_string(path) if path else None


# A sign-up is only a request until its confirmation link is used within this many hours.
DEFAULT_CONFIRMATION_HOURS = 48
# Sends of the registration form per visitor address per period (seconds).
DEFAULT_RATE_LIMIT = 10
DEFAULT_RATE_PERIOD = 3600


def confirmation_hours():
    return int(getattr(settings, "EVENTS_CONFIRMATION_HOURS", DEFAULT_CONFIRMATION_HOURS))


def rate_limit():
    return int(getattr(settings, "EVENTS_REGISTRATION_RATE_LIMIT", DEFAULT_RATE_LIMIT))


def rate_period():
    return int(getattr(settings, "EVENTS_REGISTRATION_RATE_PERIOD", DEFAULT_RATE_PERIOD))
