"""Who must use a second factor in the admin: administrators and Eindredactie (they publish
everywhere and see registrations); every other editor may choose to."""

from editorial.roles import EINDREDACTIE


def requires_two_factor(user):
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=EINDREDACTIE).exists()
