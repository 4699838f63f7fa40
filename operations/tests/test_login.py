"""Editors' accounts: repeated failed logins lock the account for that address (django-axes,
through Wagtail's real login view), and passwords must be long and uncommon."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db.models import F

PASSWORD = "a-long-test-password"
LOGIN = "/admin/login/"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("redacteur", "redacteur@example.org", PASSWORD, is_superuser=True)


def attempt(client, password, username="redacteur", address="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def logged_in(client):
    return client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_the_right_password_works_after_a_few_mistakes(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "wrong").status_code == 200  # the form again, with an error
    assert attempt(client, PASSWORD).status_code == 302
    assert logged_in(client)
    assert not AccessAttempt.objects.exists()  # a successful login resets the count


@pytest.mark.django_db
def test_too_many_failures_lock_out_even_the_right_password(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "wrong")
    response = attempt(client, PASSWORD)
    assert response.status_code == 429
    assert "Aanmelden tijdelijk geblokkeerd" in response.content.decode()
    assert "Probeer het over 15 minuten opnieuw" in response.content.decode()
    assert not logged_in(client)
    assert settings.SESSION_COOKIE_NAME not in response.cookies


@pytest.mark.django_db
def test_lock_out_is_for_that_account_from_that_address(client, editor, django_user_model):
    django_user_model.objects.create_user("vertaler", "vertaler@example.org", PASSWORD, is_superuser=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "wrong")
    # Another editor from the same office, and the same editor from elsewhere, still get in.
    assert attempt(client, PASSWORD, username="vertaler").status_code == 302
    client.logout()
    assert attempt(client, PASSWORD, address="198.51.100.20").status_code == 302


@pytest.mark.django_db
def test_lock_out_ends_after_the_cool_off(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "wrong")
    assert attempt(client, PASSWORD).status_code == 429
    # Let the cool-off pass: move the recorded failures back in time.
    AccessAttempt.objects.update(
        attempt_time=F("attempt_time") - timedelta(hours=settings.AXES_COOLOFF_TIME, minutes=1)
    )
    assert attempt(client, PASSWORD).status_code == 302


@pytest.mark.parametrize("password", ["kort-1", "password1234", "1234567890123456", "redacteur2024x"])
def test_weak_passwords_are_refused(password, django_user_model):
    user = django_user_model(username="redacteur2024x", email="r@example.org")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_a_long_uncommon_password_is_accepted(django_user_model):
    validate_password("zonnige-buurt-soep-7", django_user_model(username="redacteur"))
