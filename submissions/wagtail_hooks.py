"""Admin: tell whoever edits a submitted project which language the initiative wrote in."""

from django.contrib import messages
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Locale

from .models import Submission


def submission_for(page):
    """The submission behind this page or behind the Dutch page it translates, if any."""
    if page.locale_id == Locale.get_default().pk:
        return Submission.objects.filter(page_id=page.pk).first()
    return Submission.objects.filter(page__translation_key=page.translation_key).first()


def original_text(submission):
    paragraphs = [part.strip() for part in submission.description.replace("\r\n", "\n").split("\n\n")]
    return format_html_join("", "<p>{}</p>", ((part,) for part in paragraphs if part))


@hooks.register("before_edit_page", order=-100)
def show_submission_language(request, page):
    """On the Dutch draft: it awaits a translation. On the translation into the initiative's own
    language: its original words, to start from."""
    if request.method != "GET":
        return
    submission = submission_for(page)
    if submission is None or not submission.needs_translation:
        return
    if page.locale.language_code == submission.language:
        messages.info(
            request,
            format_html(
                "{} {}",
                _("Oorspronkelijke tekst van de initiatiefnemer, om van te vertrekken:"),
                original_text(submission),
            ),
        )
    elif page.pk == submission.page_id:
        messages.warning(
            request,
            _(
                "Deze aanmelding is in het Frans geschreven en wacht op vertaling naar het Nederlands: vertaal "
                "de inleiding en de tekst voor u publiceert. De Franse tekst blijft bewaard voor de vertaler."
            ),
        )
