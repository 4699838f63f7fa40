"""For tests: a session that has passed the second step, as after a real login with a code.

``client.force_login`` stands for "this editor is logged in"; the suite's conftest makes it mark
the session as verified too, with a real confirmed device, so admin tests keep testing the admin.
The two-factor tests themselves log in through the real forms.
"""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


def current_code(device):
    """The code the editor's app shows now (django-otp's own TOTP)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def verified_session(client, user):
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    device = device or TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


def pass_second_step(client, user):
    """After a real password login: set up an app for the user and type its code, as they would."""
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    response = client.post("/admin/two-factor/verify/", {"code": current_code(device)})
    assert response.status_code == 302, response
    return device
