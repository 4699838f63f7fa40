"""Settings of the events app, with their defaults (override them in the Django settings)."""

from django.conf import settings

# Registrations are deleted this many days after their event ends (data minimisation).
DEFAULT_RETENTION_DAYS = 30


def retention_days():
    return int(getattr(settings, "EVENTS_REGISTRATION_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))


def privacy_notice_url():
    """An operator's own privacy notice, or empty to use the site's built-in notice."""
    return getattr(settings, "EVENTS_PRIVACY_NOTICE_URL", "")
