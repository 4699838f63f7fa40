"""A password rule Django lacks: enough different characters.

Django's validators accept ``aaaaaaaaaaaa``: twelve characters, all letters, in no list of common
passwords, not like the user name. Such a password falls to the first guesses of any cracker.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class CharacterVarietyValidator:
    def __init__(self, min_distinct=6):
        self.min_distinct = min_distinct

    def validate(self, password, user=None):
        if len(set(password.lower())) < self.min_distinct:
            raise ValidationError(
                _("Dit wachtwoord herhaalt te veel dezelfde tekens. Gebruik minstens %(count)d verschillende tekens.")
                % {"count": self.min_distinct},
                code="password_too_repetitive",
            )

    def get_help_text(self):
        return _("Je wachtwoord bevat minstens %(count)d verschillende tekens.") % {"count": self.min_distinct}
