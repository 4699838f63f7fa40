"""Helpers for tests in several apps: users that hold exactly one editorial role."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

PASSWORD = "een-lang-testwachtwoord"


def make_role_user(role, username=None, language="nl"):
    """An active user in the ``role`` group with an e-mail address and an admin language."""
    username = username or f"{role.lower()}-test"
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", PASSWORD, first_name=role, last_name="Test"
    )
    user.groups.add(Group.objects.get(name=role))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user
