"""Where the information pages are, in a language: for the footer and for other apps' links."""

from django.utils import translation

from .models import InformationPage


def footer_pages(language=None):
    """The live information pages under the language's home page, in tree order."""
    language = language or translation.get_language()
    return list(InformationPage.objects.live().filter(locale__language_code=language, depth=3).order_by("path"))


def page_url(purpose, language=None):
    """The URL of the live page with that purpose in the language, or None."""
    language = language or translation.get_language()
    pages = InformationPage.objects.live().filter(locale__language_code=language, purpose=purpose)
    page = pages.order_by("path").first()
    return page.url if page else None


def privacy_notice_url(language=None):
    """For ``EVENTS_PRIVACY_NOTICE_LOOKUP``: the editors' privacy notice, or None."""
    return page_url("privacy", language)
