"""The registration form's POST on an event page.

Called from ``EventPage.serve``, as Wagtail's form pages (``wagtail.contrib.forms``) handle their
own form: the page model calls this module, which takes the page it is given and imports neither
the models nor the views, so the events app has no import circle.
"""

from django.contrib import messages
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .forms import RegistrationForm
from .registration import AlreadyRegistered, RegistrationClosed, closed_reason, register, waiting_position


def registration_post(page, request):
    """Handle the form on an event page: 302 when stored, 4xx with the page and a message if not."""
    if not page.registration_form:
        return HttpResponseNotAllowed(["GET", "HEAD"])
    if closed_reason(page.source_event()):
        return _render(page, request, status=409)
    form = RegistrationForm(request.POST)
    if not form.is_valid():
        return _render(page, request, status=400, form=form)
    data = form.cleaned_data
    try:
        registration = register(
            page,
            name=data["name"],
            email=data["email"],
            organisation=data["organisation"],
            remarks=data["remarks"],
        )
    except RegistrationClosed:
        # Closed between the check above and the lock (e.g. the last second before the deadline).
        return _render(page, request, status=409)
    except AlreadyRegistered:
        form.add_error(
            "email",
            _("Met dit e-mailadres ben je al ingeschreven voor deze activiteit. Je hoeft niets meer te doen."),
        )
        return _render(page, request, status=409, form=form)
    if registration.status == registration.Status.WAITING:
        messages.info(
            request,
            _(
                "De activiteit is volzet: je staat op de wachtlijst (plaats %(position)s). "
                "We sturen een bevestiging naar %(email)s en laten het je weten als er een plaats vrijkomt."
            )
            % {"position": waiting_position(registration), "email": registration.email},
        )
    else:
        messages.success(
            request,
            _("Je bent ingeschreven. We sturen een bevestiging naar %(email)s.") % {"email": registration.email},
        )
    return HttpResponseRedirect(page.url + "#inschrijven")


def _render(page, request, status, **context):
    """The event page again: with the form as typed, or saying why registration is closed."""
    return TemplateResponse(request, page.get_template(request), page.get_context(request, **context), status=status)
