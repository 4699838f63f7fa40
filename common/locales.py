from django.conf import settings
from django.db.models import Q


def in_default_locale():
    """``limit_choices_to`` for links that must point at the Dutch source (terms, linked pages)."""
    return Q(locale__language_code=settings.LANGUAGE_CODE)
