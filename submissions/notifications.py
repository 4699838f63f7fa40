"""E-mails about a submission: the initiative's confirmation, in the language it wrote in.

Eindredactie hears of a submission through the moderation workflow (Wagtail's one
"submitted for review" mail per reviewer, in the reviewer's admin language); our override of
that mail's template adds the submission's language (templates/wagtailadmin/notifications/).
"""

import logging

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


def send_confirmation(submission, address):
    """Tell the initiative we received its project. A mail failure never undoes the submission."""
    with translation.override(submission.language):
        context = {"submission": submission}
        subject = " ".join(render_to_string("submissions/email/confirmation_subject.txt", context).split())
        body = render_to_string("submissions/email/confirmation_body.txt", context)
    try:
        send_mail(subject, body, None, [address])
    except Exception:
        logger.exception("Could not send the confirmation of submission %s", submission.pk)
