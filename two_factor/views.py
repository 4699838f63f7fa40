"""The second step of the admin login, setting up an authenticator app, and managing both."""

import base64

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token

from .devices import confirm_app, has_device, new_backup_codes, pending_app, remaining_backup_codes, reset_devices
from .forms import CodeForm
from .policy import requires_two_factor
from .qr import qr_svg


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def verify(request):
    """Step two of the login: a code from the app, or one backup code (used up by this)."""
    if not has_device(request.user):
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("code", _("Deze code klopt niet of is al gebruikt. Probeer de volgende code uit je app."))
    return TemplateResponse(request, "two_factor/verify.html", {"form": form, "next": _next_url(request)})


def setup(request):
    """Show the secret (QR code and text) and confirm it with a first code from the app."""
    if has_device(request.user) and not request.user.is_verified():
        raise PermissionDenied  # replacing a device takes the current one first
    device = pending_app(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            codes = confirm_app(device)
            otp_login(request, device)
            return TemplateResponse(
                request, "two_factor/backup_codes.html", {"codes": codes, "next": _next_url(request)}
            )
        form.add_error("code", _("Deze code klopt niet. Controleer of de klok van je toestel juist staat."))
    context = {
        "form": form,
        "qr": qr_svg(device.config_url),
        "key": " ".join(_chunks(base64.b32encode(device.bin_key).decode())),
        "next": _next_url(request),
        "required": requires_two_factor(request.user),
    }
    return TemplateResponse(request, "two_factor/setup.html", context)


def manage(request):
    context = {
        "has_device": has_device(request.user),
        "backup_codes_left": remaining_backup_codes(request.user),
        "required": requires_two_factor(request.user),
    }
    return TemplateResponse(request, "two_factor/manage.html", context)


@require_POST
def regenerate_backup_codes(request):
    if not has_device(request.user):
        return redirect("two_factor:manage")
    codes = new_backup_codes(request.user)
    return TemplateResponse(
        request, "two_factor/backup_codes.html", {"codes": codes, "next": reverse("two_factor:manage")}
    )


@require_POST
def disable(request):
    if requires_two_factor(request.user):
        raise PermissionDenied
    reset_devices(request.user)
    messages.success(request, _("Tweestapsverificatie is uitgeschakeld."))
    return redirect("two_factor:manage")


def _chunks(text, size=4):
    return [text[index : index + size] for index in range(0, len(text), size)]
