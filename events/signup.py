"""The registration form's POST on an event page.

Called from ``EventPage.serve``, as Wagtail's form pages (``wagtail.contrib.forms``) handle their
own form: the page model calls this module, which takes the page it is given and imports neither
the models nor the views, so the events app has no import circle.
"""

import logging

from django.contrib import messages
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from operations.ratelimit import count_send

from . import conf
from .forms import RegistrationForm
from .registration import AlreadyRegistered, RegistrationClosed, closed_reason, request_registration

logger = logging.getLogger(__name__)


def registration_post(page, request):
    """Handle the form on an event page: 302 when stored, 4xx with the page and a message if not."""
    if not page.registration_form:
        return HttpResponseNotAllowed(["GET", "HEAD"])
    if not count_send("events", request, limit=conf.rate_limit(), period=conf.rate_period()):
        return _rate_limited(request, page)
    if closed_reason(page.source_event()):
        return _render(page, request, status=409)
    form = RegistrationForm(request.POST)
    if form.is_spam:
        # Answer as if it worked: telling software which field gave it away only helps it.
        logger.info("Event registration dropped: the hidden field was filled in.")
        return HttpResponseRedirect(page.url + "#inschrijven")
    if not form.is_valid():
        return _render(page, request, status=400, form=form)
    data = form.cleaned_data
    try:
        registration = request_registration(
            page,
            name=data["name"],
            email=data["email"],
            organisation=data["organisation"],
            remarks=data["remarks"],
        )
    except RegistrationClosed:
        # Closed between the check above and the lock (e.g. the last second before the deadline).
        return _render(page, request, status=409)
    except AlreadyRegistered as already:
        messages.info(request, _already_registered_notice(already.registration))
        return HttpResponseRedirect(page.url + "#inschrijven")
    messages.success(
        request,
        _(
            "Bijna klaar: we stuurden een e-mail naar %(email)s. Klik binnen %(hours)s uur op de link erin "
            "om je inschrijving te bevestigen. Pas dan is ze definitief."
        )
        % {"email": registration.email, "hours": conf.confirmation_hours()},
    )
    return HttpResponseRedirect(page.url + "#inschrijven")


def _already_registered_notice(registration):
    """A friendly notice, not a form error: the person has nothing left to do."""
    if registration is not None and registration.status == registration.Status.WAITING:
        return _("Je staat al op de wachtlijst voor deze activiteit. Je hoeft niets meer te doen.")
    return _("Je bent al ingeschreven voor deze activiteit. Je hoeft niets meer te doen.")


def _rate_limited(request, page):
    minutes = max(conf.rate_period() // 60, 1)
    response = TemplateResponse(request, "events/rate_limited.html", {"page": page, "minutes": minutes}, status=429)
    response["Retry-After"] = str(conf.rate_period())
    return response


def _render(page, request, status, **context):
    """The event page again: with the form as typed, or saying why registration is closed."""
    return TemplateResponse(request, page.get_template(request), page.get_context(request, **context), status=status)
