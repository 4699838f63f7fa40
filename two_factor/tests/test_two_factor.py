"""The second login step through the real admin: password form, code form, set-up, backup codes."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from editorial.roles import EINDREDACTIE, REDACTEUR
from two_factor.devices import confirm_app, new_backup_codes
from two_factor.testing import current_code

PASSWORD = "zonnige-buurt-soep-7"
VERIFY = "/admin/two-factor/verify/"
SETUP = "/admin/two-factor/setup/"


def make_user(django_user_model, username, group=None, **extra):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", PASSWORD, **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def log_in(client, user):
    response = client.post("/admin/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client.get("/admin/")


def app_for(user):
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=False)
    confirm_app(device)
    return device


@pytest.fixture
def administrator(django_user_model, db):
    return make_user(django_user_model, "beheerder", is_superuser=True)


@pytest.fixture
def eindredacteur(django_user_model, db):
    return make_user(django_user_model, "eindredacteur", EINDREDACTIE)


@pytest.fixture
def redacteur(django_user_model, db):
    return make_user(django_user_model, "redacteur", REDACTEUR)


@pytest.mark.django_db
def test_full_login_with_a_code_from_the_app(client, administrator):
    device = app_for(administrator)
    response = log_in(client, administrator)
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    # Nothing of the admin before the second step, not even a deep link.
    assert client.get("/admin/pages/").status_code == 302
    response = client.post(VERIFY, {"code": current_code(device), "next": "/admin/pages/"})
    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_eindredactie_without_a_device_is_sent_to_set_one_up(client, eindredacteur):
    response = log_in(client, eindredacteur)
    assert response.status_code == 302 and response["Location"].startswith(SETUP)
    page = client.get(SETUP)
    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in html and "Tweestapsverificatie instellen" in html  # QR drawn here, no outside request
    pending = TOTPDevice.objects.get(user=eindredacteur, confirmed=False)
    assert pending.config_url.split("secret=")[1].split("&")[0] in html.replace(" ", "")  # the key as text
    assert client.get("/admin/").status_code == 302  # still not in

    response = client.post(SETUP, {"code": current_code(pending)})
    assert response.status_code == 200
    codes = response.context["codes"]
    assert len(codes) == 10 and all(code in response.content.decode() for code in codes)
    assert TOTPDevice.objects.get(user=eindredacteur).confirmed
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_a_superuser_without_a_device_is_sent_to_set_one_up(client, administrator):
    response = log_in(client, administrator)
    assert response["Location"].startswith(SETUP)


@pytest.mark.django_db
def test_an_editor_may_go_without_a_second_step(client, redacteur):
    assert log_in(client, redacteur).status_code == 200
    assert client.get("/admin/two-factor/").status_code == 200  # and can turn it on from the account


@pytest.mark.django_db
def test_an_editor_who_turned_it_on_must_use_it(client, redacteur):
    app_for(redacteur)
    assert log_in(client, redacteur)["Location"].startswith(VERIFY)


@pytest.mark.django_db
def test_a_wrong_code_is_refused(client, administrator):
    device = app_for(administrator)
    log_in(client, administrator)
    wrong = f"{(int(current_code(device)) + 500_000) % 1_000_000:06d}"
    response = client.post(VERIFY, {"code": wrong})
    assert response.status_code == 200
    assert "Deze code klopt niet" in response.content.decode()
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_a_backup_code_works_once(client, administrator):
    app_for(administrator)
    code = new_backup_codes(administrator)[0]
    log_in(client, administrator)
    assert client.post(VERIFY, {"code": code}).status_code == 302
    assert client.get("/admin/").status_code == 200
    assert StaticToken.objects.filter(device__user=administrator).count() == 9

    client.post("/admin/logout/")
    log_in(client, administrator)
    response = client.post(VERIFY, {"code": code})
    assert response.status_code == 200 and "Deze code klopt niet" in response.content.decode()
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_a_password_alone_cannot_replace_the_device(client, administrator):
    app_for(administrator)
    log_in(client, administrator)
    response = client.get(SETUP)
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    assert not TOTPDevice.objects.filter(user=administrator, confirmed=False).exists()


@pytest.mark.django_db
def test_recovery_command_removes_the_devices(client, administrator):
    app_for(administrator)
    call_command("reset_two_factor", administrator.username, stdout=io.StringIO())
    assert not TOTPDevice.objects.filter(user=administrator).exists()
    assert not StaticToken.objects.filter(device__user=administrator).exists()
    assert log_in(client, administrator)["Location"].startswith(SETUP)
