"""The public submission form: show it, check it, and hand a valid one to ``drafts``."""

import logging

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .drafts import NoProjectIndex, create_draft_project
from .forms import ProjectSubmissionForm
from .ratelimit import register_send

logger = logging.getLogger(__name__)


@require_http_methods(["GET", "HEAD", "POST"])
def submit_project(request):
    if request.method != "POST":
        return render(request, "submissions/submit.html", {"form": ProjectSubmissionForm()})

    if not register_send(request):
        response = render(request, "submissions/rate_limited.html", status=429)
        response["Retry-After"] = str(settings.SUBMISSIONS_RATE_PERIOD)
        return response

    form = ProjectSubmissionForm(request.POST, request.FILES)
    if form.is_spam:
        # Answer as if it worked: telling software which field gave it away only helps it.
        logger.info("Project submission dropped: the hidden field was filled in.")
        return redirect("submissions:thanks")
    if form.is_valid():
        try:
            page = create_draft_project(form.cleaned_data, form.clean_photo_result, language=get_language())
        except NoProjectIndex:
            logger.error("Project submission refused: there is no Dutch project index page.")
            form.add_error(None, _("Aanmelden lukt nu niet. Probeer het later opnieuw."))
            return render(request, "submissions/submit.html", {"form": form}, status=503)
        logger.info("Project submission saved as draft page %s for review.", page.pk)
        return redirect("submissions:thanks")

    context = {"form": form, "photo_not_kept": bool(request.FILES.get("photo"))}
    return render(request, "submissions/submit.html", context)


@require_http_methods(["GET", "HEAD"])
def thanks(request):
    return render(request, "submissions/thanks.html")
