"""Editors' accounts: repeated failed logins lock the account for that address (django-axes,
through Wagtail's real login view), and passwords must be long and uncommon."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.hashers import MD5PasswordHasher
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db.models import F

from operations.client_address import parse_networks

PASSWORD = "a-long-test-password"
LOGIN = "/admin/login/"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("redacteur", "redacteur@example.org", PASSWORD, is_superuser=True)


def attempt(client, password, username="redacteur", address="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def logged_in(client):
    """The password step passed: the session holds the user (the admin then asks for the second
    step, since this editor is a superuser; two_factor/tests follow that part)."""
    return SESSION_KEY in client.session


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


@pytest.mark.parametrize(
    "password", ["kort-1", "password1234", "1234567890123456", "redacteur2024x", "aaaaaaaaaaaa", "abababababab"]
)
def test_weak_passwords_are_refused(password, django_user_model):
    user = django_user_model(username="redacteur2024x", email="r@example.org")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_a_long_uncommon_password_is_accepted(django_user_model):
    validate_password("zonnige-buurt-soep-7", django_user_model(username="redacteur"))


class CountingHasher(MD5PasswordHasher):
    """The test hasher, counting how often a password is hashed (the work a login costs)."""

    algorithm = "counting_md5"
    calls = 0

    def encode(self, password, salt):
        CountingHasher.calls += 1
        return super().encode(password, salt)


def spray(client, usernames, **extra):
    """One wrong password per user name, as a spraying attacker does."""
    extra.setdefault("REMOTE_ADDR", "203.0.113.7")
    return [client.post(LOGIN, {"username": name, "password": "Zomer2026!"}, **extra).status_code for name in usernames]


@pytest.fixture
def many_names(settings):
    return [f"redacteur{number}" for number in range(settings.AXES_ADDRESS_FAILURE_LIMIT + 5)]


@pytest.mark.django_db
def test_spraying_across_user_names_locks_the_address_out(client, editor, many_names, settings):
    statuses = spray(client, many_names)
    # Each user name fails once only (far under the per-account limit), yet the address is stopped.
    limit = settings.AXES_ADDRESS_FAILURE_LIMIT
    assert statuses[: limit - 1] == [200] * (limit - 1)
    assert set(statuses[limit - 1 :]) == {429}
    assert attempt(client, PASSWORD).status_code == 429  # even a right password, from that address
    assert not logged_in(client)
    # Someone else, elsewhere, is not affected.
    assert attempt(client, PASSWORD, address="198.51.100.20").status_code == 302


@pytest.mark.django_db
def test_a_locked_out_address_costs_no_password_hashing(client, editor, many_names, settings):
    settings.PASSWORD_HASHERS = ["operations.tests.test_login.CountingHasher"]
    CountingHasher.calls = 0
    spray(client, many_names[: settings.AXES_ADDRESS_FAILURE_LIMIT])
    assert CountingHasher.calls > 0  # until the limit, each attempt costs a hash (unknown names too)
    CountingHasher.calls = 0
    assert set(spray(client, many_names + ["redacteur"])) == {429}
    assert CountingHasher.calls == 0


@pytest.mark.django_db
def test_a_forged_forwarded_address_does_not_reset_the_limit(client, editor, many_names, settings):
    """Without a trusted proxy configured, X-Forwarded-For is ignored, however it rotates."""
    assert settings.TRUSTED_PROXIES == []
    forged = [{"HTTP_X_FORWARDED_FOR": f"192.0.2.{number}"} for number in range(len(many_names))]
    statuses = [spray(client, [name], **headers)[0] for name, headers in zip(many_names, forged, strict=True)]
    assert 429 in statuses
    assert attempt(client, PASSWORD).status_code == 429


@pytest.mark.django_db
def test_a_client_that_is_not_the_proxy_cannot_name_an_address(client, editor, many_names, settings):
    settings.TRUSTED_PROXIES = parse_networks("10.0.0.2")
    for number, name in enumerate(many_names):
        spray(client, [name], HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")  # straight from 203.0.113.7
    assert attempt(client, PASSWORD).status_code == 429


@pytest.mark.django_db
def test_behind_a_trusted_proxy_the_forwarded_address_is_used(client, editor, many_names, settings):
    settings.TRUSTED_PROXIES = parse_networks("10.0.0.0/8")
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    attacker = {**proxy, "HTTP_X_FORWARDED_FOR": "203.0.113.66"}
    assert set(spray(client, many_names, **attacker)[settings.AXES_ADDRESS_FAILURE_LIMIT :]) == {429}
    # A forged first entry does not help: the proxy appended the real address last.
    forged = {**proxy, "HTTP_X_FORWARDED_FOR": "192.0.2.1, 203.0.113.66"}
    assert spray(client, ["redacteur"], **forged) == [429]
    # The proxy itself is not locked out: another visitor behind it still gets in.
    colleague = {"HTTP_X_FORWARDED_FOR": "198.51.100.20"}
    response = client.post(LOGIN, {"username": "redacteur", "password": PASSWORD}, **proxy, **colleague)
    assert response.status_code == 302
    assert AccessAttempt.objects.filter(ip_address="203.0.113.66").exists()
    assert not AccessAttempt.objects.filter(ip_address="10.0.0.2").exists()


def test_trusted_proxies_must_be_addresses_not_a_count():
    with pytest.raises(ImproperlyConfigured):
        parse_networks("1")
    assert parse_networks("") == [] and parse_networks("0") == []


@pytest.mark.django_db
def test_a_repetitive_password_is_refused_by_the_password_form(editor):
    """Django's set-password form, which Wagtail's password reset uses, runs the validators."""
    form = SetPasswordForm(editor, {"new_password1": "aaaaaaaaaaaa", "new_password2": "aaaaaaaaaaaa"})
    assert not form.is_valid()
    assert "herhaalt te veel dezelfde tekens" in str(form.errors)
